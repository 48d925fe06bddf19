class A:
    def ok(self):
        return "ok"


class B(A):
    def call(self):
        return super().ok()


print(B().call())


def not_a_method():
    return super().ok()


try:
    not_a_method()
except RuntimeError as e:
    print("RuntimeError:", e)


class C(A):
    @staticmethod
    def static():
        return super().ok()


C.static()
