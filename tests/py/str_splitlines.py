# splitlines
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\u2029ten\n"
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True)[:3])
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "x".splitlines(), "a\r\rb".splitlines())
print("no newline at end".splitlines(), "trailing\r".splitlines(True))
