# A generator let go whose cleanup raises, or yields again: CPython reports it on stderr ("Exception
# ignored in: <generator object ...>", the traceback, the exception's line) and the program goes on.
class CleanupError(Exception):
    pass


def raiser(n):
    try:
        yield n
    finally:
        print("raiser cleanup", n)
        raise CleanupError(f"cleanup {n} failed")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("stubborn ignores it")
        yield 2


for x in raiser(1):
    break
print("after the loop")

g = raiser(2)
next(g)
g = None
print("after rebinding")

s = stubborn()
next(s)
s = None
print("after the stubborn one")


def f():
    t = stubborn()
    next(t)
    return "f returned"


print(f())

for x in stubborn():
    break
h = stubborn()
next(h)
del h
kept = [stubborn()]
next(kept[0])
kept.clear()
try:
    for x in raiser(3):
        raise ValueError("body failed")
except ValueError as e:
    print(type(e).__name__, e)
print("end")
