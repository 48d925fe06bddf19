import sys
print(type(sys.argv).__name__, sys.argv[0].endswith("sys_basic.py"), sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder)
print(sys.version_info[0], sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major if hasattr(sys.version_info, "major") else 3)
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules)
print(type(sys.implementation.name).__name__, sys.getrecursionlimit() > 50, isinstance(sys.version, str))
n = sys.stdout.write("written\n")
print(n, sys.stdout.write(""), sys.stderr.write(""))
sys.stdout.flush()
import sys as s2
print(s2 is sys)
