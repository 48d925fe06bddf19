print("abc".find("z"))
"abc".index("z")
