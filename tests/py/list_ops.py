# list operations: membership, repetition, nesting and aliasing
a = [1, 2, 3]
b = a
c = a[:]
a.append(4)
print(a, b, c, a is b, a == c, 3 in a, 9 not in a, [1, [2]] == [1, [2]], [] == [], [[]] * 3)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(grid, alias)
print([x * y for x in range(1, 4) for y in range(1, 3)], [[i, j] for i in range(2) for j in range(i)], list(zip(*[[1, 2], [3, 4]])))
print(a + b, a * 2, [0] * 0, [None] * 2, sum([[1], [2], [3]], []), [i for i in range(10) if i % 3 == 0])
nums = [5, 3, 8, 1]
nums.sort(); print(nums, nums[::-1], sorted(nums, reverse=True), nums.index(8), len(nums), min(nums), max(nums))
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
q = [1, 2, 3]; q.insert(0, 0); q.pop(0); q.extend(q); print(q, q.count(2))
print(list(map(list, ["ab", "c"])), [list(range(i)) for i in range(3)], str([1, "a", None, 2.5, [True]]))
