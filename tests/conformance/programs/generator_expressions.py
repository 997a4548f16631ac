# Construct: generator expressions — lazy (any/all stop at the first answer, next() draws one), exhausted for good, nested clauses, closures over the enclosing function, an error inside one, and consumed by builtins.
import asyncio
nums = [3, 1, 4, 1, 5]
print(sum(x * x for x in nums), max(x for x in nums if x < 4), ", ".join(str(x) for x in nums))
def check(x):
    print("checking", x)
    return x > 2
print(any(check(x) for x in nums))
print(all(check(x) for x in [5, 1, 9]))
g = (x + 1 for x in range(3))
print(type(g).__name__, next(g), list(g), list(g), next(g, "done"))
print(g)
pairs = list((a, b) for a in "ab" for b in range(2) if b)
print(pairs, sorted((len(w), w) for w in ["ccc", "a", "bb"]), dict((k, len(k)) for k in ["x", "yy"]))
def outer():
    factor = 10
    return list(x * factor for x in range(3))
print(outer())
gen = (1 / x for x in [1, 0])
try:
    print(list(gen))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list(gen))
lazy = (print("made", x) or x for x in [1, 2])
print("before")
print(next(lazy))
async def main():
    tasks = [asyncio.create_task(asyncio.sleep(0.1 * i, result=i)) for i in range(3)]
    print(any(t.done() for t in tasks))
    await asyncio.gather(*tasks)
    print(all(t.done() for t in tasks), sum(t.result() for t in tasks))
    print(list(zip((i for i in range(2)), "ab")), tuple(x for x in "hi"))
asyncio.run(main())
try:
    (x for x in 5)
except TypeError as e:
    print(e)
