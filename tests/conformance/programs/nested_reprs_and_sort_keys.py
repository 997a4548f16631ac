# Python that the engine's own code calls back, nested: a linked list's __repr__ through repr()'s
# f-string, sort keys that sort, and generators delegating with yield from. CPython nests each until its
# recursion limit; the engine too (not only 50 deep)
class Node:
    def __init__(self, value, rest=None):
        self.value = value
        self.rest = rest

    def __repr__(self):
        return f"({self.value} {self.rest!r})"


chain = None
for value in range(60):
    chain = Node(value, chain)
print(repr(chain)[:40], len(repr(chain)))


def depth_key(n):
    if n == 0:
        return 0
    return sorted([n - 1], key=depth_key)[0] + 1


print(depth_key(60))


def countdown(n):
    if n == 0:
        yield "liftoff"
        return
    yield from countdown(n - 1)


print(next(countdown(60)))
