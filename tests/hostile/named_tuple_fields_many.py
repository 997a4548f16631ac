# A named tuple class with a hundred thousand fields, made again and again.
# expect: ResourceLimitError max_operation_steps
from collections import namedtuple

names = " ".join(f"f{i}" for i in range(100_000))
classes = []
while True:
    classes.append(namedtuple("Wide", names))
