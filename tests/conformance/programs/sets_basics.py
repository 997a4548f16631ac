# Construct: set — displays, comprehensions, set(), the methods (add, discard, remove, pop, clear, copy, update, union, intersection, difference, symmetric_difference and their _update forms, issubset, issuperset, isdisjoint), operators and in-place operators, comparisons, in, len, bool, iteration, sorted, and CPython's errors.
import asyncio

async def main():
    evens = {x for x in range(0, 20, 2)}
    threes = set(range(0, 20, 3))
    print(evens, threes, len(evens), bool(evens), bool(set()), set())
    print(evens | threes, evens & threes, evens - threes, threes - evens, evens ^ threes)
    print(evens.union(threes, [100, 101]), evens.intersection(threes, range(10)), evens.difference(threes, [4]))
    print(evens.symmetric_difference([1, 2, 3]), evens.issubset(range(30)), evens.issuperset({2, 4}), evens.isdisjoint({1, 3}))
    print(6 in evens, 7 in evens, 7 not in evens, sorted(evens, reverse=True), max(threes), sum(threes))
    print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1, 2} >= {3}, {1, 2} == {2, 1}, {1} != {1}, {1} == [1])
    s = set()
    for word in "the quick brown fox jumps over the lazy dog".split():
        s.add(len(word))
    print(s)
    s.discard(99)
    s.discard(3)
    s.remove(5)
    try:
        s.remove(42)
    except KeyError as e:
        print("KeyError:", e, repr(e))
    t = s.copy()
    t.update([7, 8], (9,), {10: "x"})
    print(s, t, t is s)
    t |= {11}
    t &= set(range(4, 12))
    t -= {4}
    t ^= {8, 20}
    print(t)
    t.intersection_update({7, 9, 10, 11, 20}, range(10, 30))
    print(t)
    t.difference_update([10])
    t.symmetric_difference_update({11, 12})
    print(t, len(t))
    popped = []
    while t:
        popped.append(t.pop())
    print(popped, t)
    try:
        t.pop()
    except KeyError as e:
        print("KeyError:", repr(e))
    u = {3, 1, 2}
    u.clear()
    print(u, {*range(3), *[5, 5], 9}, {(1, 2), (1, 2), (3, 4)})
    for bad in ([1], {1: 2}, {3}):
        try:
            {bad}
        except TypeError as e:
            print("TypeError:", e)
    try:
        {1} | [2]
    except TypeError as e:
        print("TypeError:", e)
    try:
        {1} < [2]
    except TypeError as e:
        print("TypeError:", e)
    try:
        s.add()
    except TypeError as e:
        print("TypeError:", e)
    try:
        s.update(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        set(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    changing = {1, 2, 3}
    try:
        for x in changing:
            changing.add(x * 10)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(isinstance(s, set), type(s).__name__, type(s), set("mississippi"), list(enumerate({5, 6})))
    print({frozenset({1})} == {frozenset([1])}, {1} in [{1}], {1, 2}.isdisjoint([3, 4]), set() <= set())
    print("".join(set("aaa")), ", ".join(frozenset(["only"])), {1, 2} | {1, 2}, evens.union(evens) == evens)
    await asyncio.sleep(0.1)
    print("done")

asyncio.run(main())
