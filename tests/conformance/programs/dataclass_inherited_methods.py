# Construct: a dataclass's generated methods as CPython writes them, each from the fields of the class it was made for (an inherited __lt__, a subclass without repr or eq), fields through a plain intermediate class, a default that is an unhashable instance, the generated functions' frames in a traceback, a dataclass holding itself in its repr, identical items compared by identity first.
from dataclasses import dataclass, field


@dataclass(order=True)
class A:
    x: int


@dataclass
class B(A):
    y: int = 0


@dataclass(repr=False, eq=False)
class C(A):
    z: int = 0


@dataclass
class Base:
    x: int = 1


@dataclass
class Over(Base):
    x: int = 2


class Plain(Base):
    pass


@dataclass
class Both(Plain, Over):
    pass


@dataclass
class Node:
    value: int
    next: object = None




@dataclass(order=True)
class Pair:
    key: object
    n: int


print(B(1, 2) < B(1, 3), B(1, 2) <= B(1, 1), B(1, 2) == B(1, 3))
print(C(1, 2), C(1, 2) == C(1, 3), C(1, 5) < C(2, 0))
print(Both())
n = Node(1)
n.next = n
print(n)
k = object()
print(Pair(k, 1) < Pair(k, 2))
try:

    @dataclass
    class Holder:
        inner: A = A(1)

except ValueError as e:
    print("ValueError", e)
try:
    Pair(1, 1) < Pair("a", 1)
except TypeError as e:
    print("TypeError", e)
A(1) <= A("one")
