class AppError(Exception):
    """Base of the app's errors."""


class ConfigError(AppError):
    pass


class MissingKey(ConfigError, KeyError):
    pass


class NetworkError(AppError):
    def __init__(self, host, code):
        super().__init__(f"{host} failed with {code}")
        self.host = host
        self.code = code


for exc in [ConfigError("bad config"), MissingKey("k"), NetworkError("example.org", 503), AppError()]:
    try:
        raise exc
    except MissingKey as e:
        print("MissingKey", repr(e), isinstance(e, LookupError))
    except NetworkError as e:
        print("NetworkError", e, e.host, e.code, e.args)
    except AppError as e:
        print(type(e).__name__, str(e), e.args)
print([c.__name__ for c in MissingKey.__mro__])
print(issubclass(MissingKey, Exception), issubclass(AppError, ConfigError))
print(AppError.__doc__)
try:
    raise NetworkError("h", 1)
except Exception as e:
    print(repr(e), e.__class__.__name__)
