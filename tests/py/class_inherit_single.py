class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog, a kind of " + Animal.kind(self)


class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age

    def speak(self):
        return Dog.speak(self) + f" (age {self.age})"


for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(a.speak(), "/", a.kind())
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(isinstance(Puppy("x", 2), Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__ == (Dog,), Dog.__base__ is Animal)
