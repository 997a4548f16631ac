import asyncio

def deco(tag):
    def wrap(f):
        def inner(*args, **kwargs):
            print(tag, args, kwargs)
            return f(*args, **kwargs)
        return inner
    return wrap

@deco("outer")
@deco("inner")
def f(a, b=2, /, c=3, *rest, d, e=5, **more):
    return a + b + c + d + e + len(rest) + len(more)

print(f(1, d=4), f(1, 2, 3, 4, 5, d=1, z=9), f(*[1, 2], **{"d": 0}))

async def main(*xs, **kw):
    await asyncio.sleep(0)
    print(main, len(xs), kw)
    return sum(xs)

print(asyncio.run(main(1, 2, k=3)))
try:
    f()
except TypeError as e:
    print(e)
