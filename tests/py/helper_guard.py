NAME = __name__
if __name__ == "__main__":
    print("helper_guard as main")
else:
    print("helper_guard imported")
