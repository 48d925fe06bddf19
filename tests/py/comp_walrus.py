data = [1, 5, 2, 8, 3]
print([y for x in data if (y := x * 2) > 5], y)
print([last := v for v in range(3)], last)
total = 0
print([total := total + v for v in data], total)


def f():
    seen = [m for n in range(5) if (m := n * n) % 2]
    return seen, m


print(f())
if (n := len(data)) > 3:
    print("long", n)
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)
print([(a, b) for a in range(2) if (b := a + 10)])
print({k: (z := k * 3) for k in range(2)}, z)
print(any((hit := v) > 4 for v in [1, 7, 9]), hit)
