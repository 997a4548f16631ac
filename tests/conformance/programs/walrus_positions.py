# Assignment expressions (:=) wherever CPython 3.11 takes them, and where their targets bind.
import asyncio


def f(*args, **kwargs):
    return args, kwargs


print(x := 5)
print(x)
print(f(1, (y := 2)), y)
print(f(a := 1, b := 2, *[3], sep=(s := "-")), a, b, s)
print(f(x=(z := 10)), z)
print([y := f(x), y[0][0] ** 2])
print((t := 1, 2), t)
print({u := 3, u + 1})
data = [1, 2, 3, 4]
print(data[i := 2], i)
print(data[(j := 1):], j)
if (n := len(data)) > 3:
    print(f"list is too long ({n} elements, expected <= 3)")
if m := n - 4:
    print("not printed", m)
else:
    print("m is", m)
items = [3, 0, 7]
while (item := items.pop()) != 0:
    print("item", item)
print(items, item)
print(f"{(w := 6) * 2} {w}")
w2 = 1
print(f"{w2:=5}")
print((lambda: (v := 9))())
try:
    print(v)
except NameError as err:
    print(type(err).__name__, err)
print((lambda q=(dflt := 4): q)(), dflt)
print(x if (cond := x > 3) else -x, cond)
print(not (k := 0), k)


def decorate(fn):
    print("decorating", fn.__name__)
    return fn


decorators = [decorate]


@(chosen := decorators[0])
def g():
    return "g"


print(g(), chosen is decorate)

# In comprehensions the target binds in the scope around them
xs = [1, 2, 3, 4]
print([y for x in xs if (y := x * 2) > 3], y)
print([(last := x) for x in xs], last)
print({x: (sq := x * x) for x in xs}, sq)
print({(e := x % 2) for x in xs}, e)
print(any((hit := x) > 2 for x in xs), hit)
print(list((acc := x + 10) for x in xs), acc)
print([[(inner := a * b) for a in range(2)] for b in range(3)], inner)


def scope_demo(values):
    total = 0
    partial = [total := total + v for v in values]
    print(partial, total)
    found = any((witness := v) > 10 for v in values)
    print(found, witness)
    gen = ((mx := v) for v in values)
    print(next(gen), mx)
    print(next(gen), mx)
    fn = lambda: (inside := 1)
    print(fn())
    try:
        print(inside)
    except NameError as err:
        print(type(err).__name__, err)
    return [(r := v) for v in values][-1], r


print(scope_demo([5, 11, 2]))


def counter():
    count = 0

    def bump():
        nonlocal count
        return [(count := count + 1) for _ in range(3)]

    print(bump(), bump(), count)


counter()

glob = 0


def set_global():
    global glob
    print([(glob := v) for v in "abc"], glob)


set_global()
print(glob)


def chunks(it):
    it = iter(it)
    while chunk := [x for _, x in zip(range(2), it)]:
        yield chunk


print(list(chunks(range(5))))


async def main():
    async def fetch(k):
        await asyncio.sleep(0.1)
        return k * 3

    if (res := await fetch(2)) > 5:
        print("fetched", res)
    print([r for k in range(3) if (r := await fetch(k)) > 2], r)


asyncio.run(main())
try:
    print((unset := undefined_name))
except NameError as err:
    print(type(err).__name__, err)
try:
    print(unset)
except NameError as err:
    print(type(err).__name__, err)


class C:
    (attr := 41)
    other = attr + 1


print(C.attr, C.other)
