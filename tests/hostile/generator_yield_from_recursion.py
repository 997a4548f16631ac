# A generator that delegates to another of itself, forever, and one that delegates to itself.
# expect: RecursionError maximum recursion depth exceeded
def me():
    yield from me()


def mirror():
    yield 1
    yield from current


current = mirror()
next(current)
try:
    next(current)
except ValueError as e:
    print(e)
for value in me():
    print(value)
