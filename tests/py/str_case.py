# upper, lower, title, capitalize, swapcase, casefold
for s in ["hello World", "ÉCOLE straße", "they're bill's friends", "hELLO", "123abc", "ǆungla", "ﬁnd", ""]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ß".upper(), "İ".lower(), len("İ".lower()), "ΣΑΣ".lower(), "σας".upper(), "Ǆ".title())
print("hello world".title(), "a1b2 c3".title(), "o'neil mc-donald".title(), "ABC DEF".capitalize())
print("abc".isupper(), "ABC".isupper(), "AbC".islower(), "abc1".islower(), "123".isupper(), "Ab Cd".istitle(), "Ab cd".istitle())
