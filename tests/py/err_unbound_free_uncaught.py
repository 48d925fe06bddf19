def outer():
    def inner():
        return later
    result = inner()
    later = 1
    return result


outer()
