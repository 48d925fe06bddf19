import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
r = gc.collect()
print(type(r).__name__)
data = [[i] * 10 for i in range(1000)]
del data
gc.collect()
print("ok")
