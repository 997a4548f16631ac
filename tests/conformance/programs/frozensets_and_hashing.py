# Construct: frozenset and hashing — frozenset(), its methods and operators (results of the left operand's kind), frozensets as set members and dict keys, CPython's frozenset hash, hash() of str (PYTHONHASHSEED=0), ints, floats and tuples, and the unhashable set.
import asyncio

def describe(label, value):
    print(label, value, type(value).__name__)

async def main():
    empty = frozenset()
    digits = frozenset(range(10))
    describe("empty", empty)
    describe("digits", digits)
    describe("odd", frozenset(x for x in digits if x % 2))
    describe("or", digits | {10, 11})
    describe("set or frozenset", {10, 11} | digits)
    describe("and", digits & {1, 2, 30})
    describe("sub", digits - {0, 1, 2, 3, 4})
    describe("xor", digits ^ {9, 10})
    describe("union", digits.union([20]))
    describe("intersection", digits.intersection(range(5, 15)))
    describe("difference", digits.difference({1}))
    describe("symmetric", digits.symmetric_difference([0, 100]))
    print(digits.copy() is digits, frozenset(digits) is digits, digits.issuperset({1, 2}), digits.isdisjoint([11]))
    fs = frozenset({1, 2})
    before = fs
    fs |= {3}
    print(fs, before, fs is before)
    try:
        digits.add(1)
    except AttributeError as e:
        print("AttributeError:", e)
    print(hash(empty), hash(digits), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
    print(hash(frozenset({"queue", "task", "loop"})), hash(frozenset({(1, "a"), 2.5, -7})))
    print(hash(frozenset({frozenset({1}), frozenset({2, 3})})))
    print(hash("asyncio"), hash(""), hash("é"), hash("日本語"), hash("a" * 100), hash("x\U0001F600"))
    print(hash(1), hash(-1), hash(2 ** 61), hash(1.5), hash(-0.0), hash((1, "two", 3.0)), hash(True))
    groups = {frozenset({"ann", "bob"}): "pair", frozenset({"cy"}): "solo"}
    print(groups[frozenset(["bob", "ann"])], frozenset({"cy"}) in groups)
    nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
    print(len(nested), frozenset({1, 2}) in nested, {1, 2} in nested, {5} in nested)
    nested.discard({3})
    print(nested)
    try:
        hash({1, 2})
    except TypeError as e:
        print("TypeError:", e)
    try:
        {1: {2}}[{1}]
    except TypeError as e:
        print("TypeError:", e)
    print(frozenset("hello") == set("hello"), frozenset() == set(), {1} == frozenset({1.0}))
    print(repr(frozenset({"a"})), str(frozenset([1])), frozenset([(1, 2)]))
    await asyncio.sleep(0)

asyncio.run(main())
