import sys
print("one")
print("err line", file=sys.stderr)
sys.stderr.write("direct\n")
print("two", flush=True)
raise SystemExit(2)
