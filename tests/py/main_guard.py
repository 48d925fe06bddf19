def main():
    print("main running", __name__)


if __name__ == "__main__":
    main()
else:
    print("imported")
import helper_guard
print(helper_guard.NAME)
