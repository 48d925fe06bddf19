item, qty, price = "widget", 3, 4.5
print(f"{item}: {qty} x {price:.2f} = {qty * price:.2f}")
print("{}: {} x {:.2f} = {:.2f}".format(item, qty, price, qty * price))
print("%s: %d x %.2f = %.2f" % (item, qty, price, qty * price))
print("{0}/{0}/{1}".format("a", "b"), "{name}-{n:03}".format(name="x", n=7))
print(format(3.14159, ".3"), format(42, "08b"), format("s", ">4"), format(True))
row = ["id", "name", "score"]
print("|".join(f"{c:^8}" for c in row))
for r in [(1, "ann", 9.5), (22, "bob", 10)]:
    print(f"{r[0]:>8}|{r[1]:<8}|{r[2]:>8.1f}")
