for i in range(3):
    pass
else:
    print("for completed", i)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
for x in []:
    print("never")
else:
    print("empty for else")
n = 0
while n < 3:
    n += 1
else:
    print("while completed", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
print("while broke", n)


def find(items, target):
    for idx, v in enumerate(items):
        if v == target:
            break
    else:
        return -1
    return idx


print(find("abc", "c"), find("abc", "z"))
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("inner never completes")
    if i == 1:
        continue
    print("outer", i, j)
else:
    print("outer else")
k = 0
while k < 5:
    k += 1
    if k % 2:
        continue
    print("even", k)
else:
    print("done", k)
