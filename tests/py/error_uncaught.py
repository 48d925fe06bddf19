def f():
    return {}["missing"]


print("before")
f()
print("after")
