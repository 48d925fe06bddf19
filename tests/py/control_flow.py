for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
print()
n = 0
while n < 5:
    n += 1
else:
    print("while else", n)
for i in []:
    pass
else:
    print("for else")
x = 5
if x > 10:
    print("big")
elif x > 3:
    print("medium")
else:
    print("small")
print("yes" if x else "no", x if x > 3 else -x)
print(1 < x < 10, 1 < x > 10, not x, x and 0, x or 0, 0 or "", None or "d")
print(range(3), list(range(10, 0, -3)), len(range(0, 100, 7)))
