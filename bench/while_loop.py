i = 0
s = 0
while i < 3000000:
    s += i
    i += 1
print(s)
