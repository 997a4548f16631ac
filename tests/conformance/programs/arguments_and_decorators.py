# Construct: *args, **kwargs, keyword-only and positional-only parameters, f(*xs, **kw) calls, decorators (wrappers with closures), and CPython's TypeErrors for wrong calls.
import asyncio
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))
def g(a, b, /, c, *, d):
    return a, b, c, d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, x=2), h(*"ab", **dict(k=1)))
def log(fmt, *values, sep=", "):
    print(fmt.format(*values), sep.join(str(v) for v in values) if False else sep.join([str(v) for v in values]))
log("{} and {}", 1, 2)
log("{}", 3, sep="|")
def deco(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
@deco
def add(x, y=1):
    return x + y
print(add(2), add(2, y=5))
for bad in [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, c=1, b=2), lambda: g(1, b=2, c=3, d=4), lambda: g(1, 2, 3, 4), lambda: h(**{1: 2}), lambda: f(1, c=1, **{'c': 2}), lambda: f(1, **[1]), lambda: f(1, 2, c=3, q=1, **{'q': 2}), lambda: add(1, 2, 3), lambda: (lambda x, *, y: 0)(1), lambda: (lambda: 0)(1), lambda: f(1, 2, c=3, a=1), lambda: print(*[1], **{'sep': '-'}, end='!\n')]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
async def main(*names, delay=0.1):
    async def one(n, **opts):
        await asyncio.sleep(delay)
        return n, opts
    return await asyncio.gather(*[one(n, idx=i) for i, n in enumerate(names)])
print(asyncio.run(main("a", "b", delay=0.2)))
