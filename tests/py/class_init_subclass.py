class Plugin:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)


class A(Plugin):
    pass


class B(A):
    pass


print(Plugin.registry)
