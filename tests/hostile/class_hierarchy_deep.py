# A class hierarchy 100,000 deep, built in a loop: each class keeps its whole method resolution order
# (as CPython's __mro__ does), n * n / 2 entries in all, counted against the memory bound.
# expect: ResourceLimitError max_memory_bytes
class Base:
    def hello(self):
        return "hi"

for i in range(100_000):
    class Base(Base):
        pass

print(Base().hello())
