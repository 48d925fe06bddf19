# concatenation, repetition, comparison, membership, iteration
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, repr("" * 5))
print("abc" < "abd", "abc" < "ab", "B" < "a", "é" > "z", "abc" == "abc", "a" != "b", "abc" >= "abc", "😀" > "é")
print(max("hello"), min("hello"), sorted("hello"), "l" in "hello", "hello".__contains__("ell"))
print(str(), str(5), str(2.5), str([1, "a"]), str(None), str(True), str("x"), str(b"ab"), str((1,)))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\n\t\\"), repr("\x00\x7f\x80\xa0é"), repr("\u200b\U0001f600"))
print(ascii("é😀\n"), ascii("abc"), ascii(["é"]))
x = "abc"
x += "def"
print(x, len(x), hash("abc") == hash("ab" + "c"), "abc".__len__())
it = iter("xy")
print(next(it), next(it), next(it, "done"))
print("a" "b" 'c', "%s" % "d", f"{'e'}")
for bad in [lambda: "a" + 1, lambda: "a" * "b", lambda: "a" * 1.5, lambda: 1 in "abc", lambda: "a" < 1, lambda: -"a", lambda: "a" - "b"]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
