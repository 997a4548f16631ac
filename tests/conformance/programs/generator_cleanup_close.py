# gen.close() and let-go closing of generators with cleanup: a `with` block's __exit__ runs, an
# `except GeneratorExit` handler runs, a finally that raises (close() raises it; let go, it is
# "Exception ignored in" on stderr), one that yields again (RuntimeError: generator ignored
# GeneratorExit), closing twice, closing a finished one, nested generators through yield from.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


def reader(name):
    with Resource(name) as r:
        for i in range(3):
            yield f"{r.name}:{i}"


def watcher():
    try:
        while True:
            yield "tick"
    except GeneratorExit:
        print("watcher told to stop")
        raise


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("stubborn ignores it")
        yield 2
    print("stubborn ends")


def raiser():
    try:
        yield 1
    finally:
        raise KeyError("cleanup failed")


def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    finally:
        print("inner closed")


def outer():
    try:
        yield "outer start"
        result = yield from inner()
        print("inner returned", result)
    finally:
        print("outer closed")


r = reader("a")
print(next(r))
r.close()
print("closed again:", r.close())
try:
    next(r)
except StopIteration:
    print("StopIteration after close")

for line in reader("b"):
    print(line)
    break
print("after the with generator")

w = watcher()
next(w)
w.close()
w = watcher()
next(w)
w = None
print("after the watcher")

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print("closing it again:", s.close())

k = raiser()
next(k)
try:
    k.close()
except KeyError as e:
    print(type(e).__name__, e)

o = outer()
print(next(o), next(o))
o.close()
o = outer()
print(next(o), next(o), next(o))
o = None
print("after outer")

done = reader("c")
print(list(done))
done.close()
print("end")
