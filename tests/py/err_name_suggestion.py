def area(width, height):
    result = width * heigth
    return result


try:
    area(2, 3)
except NameError as e:
    print("NameError:", e, "| name =", e.name)
total_count = 10
print(total_cuont)
