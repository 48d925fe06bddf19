found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print(found)
out = []
i = 0
while i < 4:
    i += 1
    j = 0
    while True:
        j += 1
        if j > i:
            break
        if j % 2 == 0:
            continue
        out.append((i, j))
print(out)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
count = 0
for x in range(3):
    for y in range(3):
        for z in range(3):
            if z == y:
                continue
            if z > x:
                break
            count += 1
print(count)
