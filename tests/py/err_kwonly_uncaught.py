def connect(host, *, port, timeout=10):
    return f"{host}:{port} ({timeout}s)"


print(connect("localhost", port=80))
print(connect("example", port=443, timeout=5))
connect("localhost", 8080)
