# expandtabs
s = "a\tbc\tdef\tg\n\tx\r\ty"
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-1)))
print(repr("\t".expandtabs(tabsize=3)), repr("12345678\t9".expandtabs()), repr("é\tx".expandtabs(4)))
