# Extending an Enum that has members: CPython's TypeError when the class statement ends.
from enum import Enum


class Base(Enum):
    X = 1


print("defined", Base.X)


class More(Base):
    Y = 2
