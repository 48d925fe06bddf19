# isdigit, isdecimal, isnumeric, isalpha, isalnum, isspace, isascii, isprintable
for s in ["123", "12a", "", "½", "²", "٣", "Ⅻ", "一", "abc", "ABC", "é", "a1", " \t\n", "\x0b", "a b", "日本",
          "\u2028", "\x1f", "!", "~", "x\x00"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(), s.isascii(), s.isprintable())
