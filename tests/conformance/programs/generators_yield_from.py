# Construct: yield from — delegating to a generator (values sent on, its return value as the expression's value), to a list, a str, a generator expression and a class's iterator (StopIteration's value); recursive flattening; throw() delegated to the inner generator (caught there, or raised out of both), close() closing the inner one first, PEP 479 through a delegation, CPython's errors (not iterable, send() to a list iterator), a generator's return value given once.
import asyncio

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return f"inner done {n}"

def outer():
    r = yield from inner(3)
    print("result:", r)
    r2 = yield from [10, 20]
    print("list result:", r2)
    yield from "ab"
    yield from (x * x for x in range(3))
    return "outer done"

print(list(outer()))
g = outer()
print(next(g), g.send("hello"), g.send(None), next(g))
print(list(g))

def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))

def countdown(n):
    if n:
        yield n
        yield from countdown(n - 1)
print(list(countdown(30)))

def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("catcher caught", e)
        yield "recovered"
    return "catcher end"

def deleg():
    r = yield from catcher()
    print("deleg got", r)
    yield "after"

d = deleg()
print(next(d), d.throw(ValueError("boom")), next(d), next(d, "end"))
d2 = deleg()
next(d2)
attempt("throw uncaught", lambda: d2.throw(KeyError("k")))
attempt("after", lambda: next(d2))

def closer():
    yield 1
    print("not reached")
    yield 2


def gen_with_close():
    yield from closer()

g3 = gen_with_close()
print(next(g3))
g3.close()
print("closed", list(g3))

def stops():
    yield 1
    raise StopIteration("x")

def via():
    yield from stops()
attempt("pep479", lambda: list(via()))

def bad():
    yield from 5
attempt("not iterable", lambda: list(bad()))

def send_list():
    yield from [1, 2]
s = send_list()
next(s)
attempt("send to list", lambda: s.send(5))

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("it done")
        return self.n

def use_it():
    r = yield from It()
    yield r
print(list(use_it()))

def gen_ret():
    yield 1
    return 99
def twice():
    a = yield from gen_ret()
    b = yield from gen_ret()
    return a + b
t = twice()
print(list(t))
attempt("stop value", lambda: next(t))
t2 = twice()
try:
    while True:
        next(t2)
except StopIteration as e:
    print("returned", e.value)

def shared():
    g = gen_ret()
    yield from g
    yield from g
    yield "x"
print(list(shared()))

async def main():
    def producer():
        yield from range(3)
    total = 0
    for v in producer():
        total += v
        await asyncio.sleep(0.01)
    print("total", total)
asyncio.run(main())
