import sys
checks = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (ModuleNotFoundError, ImportError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (StopIteration, Exception),
    (GeneratorExit, Exception),
    (KeyboardInterrupt, Exception),
    (SystemExit, BaseException),
    (TimeoutError, OSError),
    (UnicodeDecodeError, ValueError),
    (IndentationError, SyntaxError),
]
for sub, base in checks:
    print(sub.__name__, base.__name__, issubclass(sub, base))
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit code", e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__)
for exc in [ValueError("v"), KeyError("k"), OSError("o")]:
    try:
        raise exc
    except (LookupError, ArithmeticError):
        print("lookup/arith", type(exc).__name__)
    except Exception as e:
        print("other", type(e).__name__)
