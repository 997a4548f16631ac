# A program that deletes a member's _value_ or _name_ gets CPython's AttributeError from repr/str,
# and lookups by value go on with the members that still have one.
from enum import Enum


class Level(Enum):
    LOW = 1
    HIGH = 2


print(Level.LOW, repr(Level.HIGH), Level(2))
del Level.LOW._value_
try:
    print(repr(Level.LOW))
except AttributeError as e:
    print("repr:", e)
print(str(Level.LOW))
del Level.HIGH._name_
try:
    print(Level.HIGH)
except AttributeError as e:
    print("str:", e)
print(Level.HIGH.value if hasattr(Level.HIGH, "_value_") else "no value")
