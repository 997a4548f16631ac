# vars(obj) and obj.__dict__ of a program's own instances: its attributes in the order they were set, the same live dict.
from dataclasses import dataclass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(1, 2)
print(vars(p))
print(p.__dict__)
print(vars(p) == p.__dict__, type(vars(p)).__name__, len(vars(p)))
for name, value in vars(p).items():
    print(name, "=", value)
d = vars(p)
print(d is vars(p), d is p.__dict__)
p.z = 3
print(d)
p.x = 10
print(d, list(d))
del p.y
print(d, "y" in d)
p.y = 5
print(d)
print(sorted(d), d.get("x"), d.get("missing", "-"))
print({**vars(p), "extra": True})
print(dict(vars(p)), list(vars(p).keys()), list(vars(p).values()))


class Empty:
    pass


print(vars(Empty()))


class Base:
    def __init__(self):
        self.base_attr = "b"


class Child(Base):
    label = "class attribute, not in the instance"

    def __init__(self):
        self._private = 1
        super().__init__()
        self.__hidden = 2


c = Child()
print(vars(c))


@dataclass
class Item:
    name: str
    price: float = 0.0


item = Item("pen", 1.5)
print(vars(item))
print(item.__dict__)


class WithProperty:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 2


w = WithProperty()
w.v = 21
print(vars(w))

node = Point(0, 0)
node.link = node
print(list(vars(node)), vars(node)['link'] is node)

for bad in (1, "text", [1, 2], {"a": 1}, (1,), None, 2.5, object(), {1, 2}, range(3), len):
    try:
        vars(bad)
    except TypeError as e:
        print(type(bad).__name__, type(e).__name__, e)
try:
    vars(p, p)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(object=p)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(p.__dict__["nope"])
except KeyError as e:
    print(type(e).__name__, e)
