# isidentifier and keyword-ish strings
for s in ["abc", "_x", "x1", "1x", "", "a b", "élan", "日本", "a-b", "__init__", "if", "None", "x\u00b2", "ℕ", "a$"]:
    print(repr(s), s.isidentifier())
