# Construct: collections.deque — deque(iterable, maxlen), append/appendleft/pop/popleft/extend/extendleft, rotate, clear, count, index, remove, insert, reverse, copy, maxlen (dropping from the other end), indexing and item assignment and deletion, len, bool, in, iteration and reversed(), ==/</<=, + * += *=, repr, type and isinstance, and CPython's errors.
import asyncio
from collections import deque
import collections


async def main():
    d = deque([1, 2, 3])
    d.append(4)
    d.appendleft(0)
    print(d, len(d), bool(d), bool(deque()), deque(), d[0], d[-1], d[2])
    print(d.pop(), d.popleft(), d)
    d.extend("ab")
    d.extendleft([10, 20])
    print(d, list(d), list(reversed(d)), 3 in d, 99 in d, 99 not in d)
    d.rotate()
    print(d)
    d.rotate(-3)
    print(d)
    d.rotate(0)
    d.rotate(len(d) * 7 + 2)
    print(d)
    print(d.count(2), d.count("zz"), d.index(2), d.index("a"), d.index(3, 1), d.index(3, -6, -1))
    d.insert(1, "x")
    d.insert(-1, "y")
    d.insert(100, "end")
    d.insert(-100, "start")
    print(d)
    d.remove("x")
    d.reverse()
    print(d)
    d[0] = "first"
    d[-1] = "last"
    del d[1]
    del d[-2]
    print(d, d.maxlen)
    e = d.copy()
    e.clear()
    print(e, d == e, d is e, len(d))

    last3 = deque(maxlen=3)
    for i in range(6):
        last3.append(i)
        print(last3)
    last3.appendleft(-1)
    print(last3, last3.maxlen)
    last3.extend(range(10, 20))
    print(last3)
    last3.extendleft("abcd")
    print(last3, repr(deque("xyz", maxlen=0)), deque(range(5), 2), deque(maxlen=None))

    print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1]), deque([1, 2]) == [1, 2])
    print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]), deque([1, 2, 0]) > deque([1, 2]), deque() >= deque([0]))
    print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 3 * deque("a"), deque([1, 2]) * 0, deque([1, 2], maxlen=3) * 3)
    f = deque([1])
    f += [2, 3]
    f *= 2
    print(f, type(f) is deque, isinstance(f, deque), isinstance([], deque), type(f), deque, collections.deque is deque)
    print(type(f).__name__, deque.__name__, type(iter(f)).__name__, type(reversed(f)).__name__)
    print(sorted(deque([3, 1, 2])), sum(deque(range(5))), max(deque("hello")), ",".join(deque(["a", "b"])), list(enumerate(deque("ab"))))
    g = deque([1, 2])
    g.append(g)
    print(g, str(deque([None, "s", 1.5])))
    h = deque([1, 2, 3])
    g2 = deque(h)
    h.extend(h)
    print(h, g2, [x * 2 for x in deque(range(4))])
    a, b, c = deque("abc")
    print(a, b, c, *deque([7, 8]))

    attempts = [
        ("deque().pop()", lambda: deque().pop()),
        ("deque().popleft()", lambda: deque().popleft()),
        ("deque([1])[5]", lambda: deque([1])[5]),
        ("deque([1])[-2]", lambda: deque([1])[-2]),
        ("deque([1])['a']", lambda: deque([1])['a']),
        ("deque([1])[0:1]", lambda: deque([1])[0:1]),
        ("deque([1]).index(2)", lambda: deque([1]).index(2)),
        ("deque([1]).remove(2)", lambda: deque([1]).remove(2)),
        ("deque([1], 1).insert(0, 2)", lambda: deque([1], 1).insert(0, 2)),
        ("deque(5)", lambda: deque(5)),
        ("deque([], -1)", lambda: deque([], -1)),
        ("deque([], 'a')", lambda: deque([], 'a')),
        ("deque([], 2.5)", lambda: deque([], 2.5)),
        ("deque([], 10**20)", lambda: deque([], 10**20)),
        ("deque(1, 2, 3)", lambda: deque(1, 2, 3)),
        ("deque(x=1)", lambda: deque(x=1)),
        ("deque([1], iterable=[2])", lambda: deque([1], iterable=[2])),
        ("deque().append()", lambda: deque().append()),
        ("deque().append(1, 2)", lambda: deque().append(1, 2)),
        ("deque().pop(1)", lambda: deque().pop(1)),
        ("deque().rotate('a')", lambda: deque().rotate('a')),
        ("deque().rotate(1, 2)", lambda: deque().rotate(1, 2)),
        ("deque().index()", lambda: deque().index()),
        ("deque([1]).index(1, 'a')", lambda: deque([1]).index(1, 'a')),
        ("deque().insert(1)", lambda: deque().insert(1)),
        ("deque().insert('a', 1)", lambda: deque().insert('a', 1)),
        ("deque().count()", lambda: deque().count()),
        ("deque().extend(1)", lambda: deque().extend(1)),
        ("deque().append(x=1)", lambda: deque().append(x=1)),
        ("hash(deque())", lambda: hash(deque())),
        ("deque() < 1", lambda: deque() < 1),
        ("deque() + 1", lambda: deque() + 1),
        ("deque() + [1]", lambda: deque() + [1]),
        ("1 + deque()", lambda: 1 + deque()),
        ("deque() * 'a'", lambda: deque() * 'a'),
        ("deque().nothing", lambda: deque().nothing),
        ("deque([1])[10**20]", lambda: deque([1])[10**20]),
        ("deque().rotate(10**20)", lambda: deque().rotate(10**20)),
    ]
    for text, attempt in attempts:
        try:
            attempt()
            print(text, "did not raise")
        except Exception as exc:
            print(text, "->", type(exc).__name__, exc)

    m = deque([1, 2, 3])
    try:
        for x in m:
            m.append(x)
    except RuntimeError as exc:
        print("RuntimeError:", exc, m)
    it = iter(m)
    next(it)
    m.popleft()
    for attempt in range(2):
        try:
            print(next(it))
        except RuntimeError as exc:
            print("RuntimeError:", exc)
        except StopIteration:
            print("StopIteration")
    r = reversed(m)
    m.appendleft(0)
    try:
        next(r)
    except RuntimeError as exc:
        print("reversed:", exc)
    m[0] = "changed"
    it = iter(m)
    m[1] = "set does not count"
    print(next(it), next(it), type(it).__name__)


asyncio.run(main())
