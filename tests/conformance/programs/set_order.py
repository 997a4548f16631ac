# Construct: set iteration order as CPython's table gives it — ints, negative ints, floats, strings (PYTHONHASHSEED=0), tuples; collisions, deletions leaving dummies that later adds reuse, growth past each resize, pop() order, updates from sets, dicts and lists, and the results of | & - ^.
import asyncio

async def main():
    grow = set()
    for i in range(0, 400, 7):
        grow.add(i * 37 % 1000)
        if len(grow) in (4, 5, 19, 20, 77, 78):
            print(len(grow), list(grow)[:12])
    churn = set(range(40))
    for i in range(0, 40, 3):
        churn.discard(i)
    for i in range(64, 200, 8):
        churn.add(i)
    print(churn)
    for i in range(100):
        churn.add(i * 64)
        churn.discard(i * 64 - 64)
    print(sorted(churn)[:5], list(churn)[:20], len(churn))
    words = set()
    for n in range(60):
        words.add("word%d" % n)
        if n % 4 == 0:
            words.discard("word%d" % (n // 2))
    print(list(words))
    print([w for w in {"x-%d" % k for k in range(25)}])
    urls = {"https://example.com/a", "https://example.com/b", "https://example.com/c/d", "http://test.local/", "https://example.com/a"}
    print(urls)
    for url in {"https://one.test/", "https://two.test/", "https://three.test/", "https://four.test/", "https://five.test/"}:
        print(url, end=" ")
    print()
    points = {(x, y) for x in range(6) for y in range(-3, 3)}
    print(list(points)[:15], len(points))
    floats = {i / 8 for i in range(-20, 20)} | {1e300, float("inf"), -0.5}
    print(floats)
    mixed = {1, 1.0, True, "1", (1,), -1, -2, 2 ** 64, -(2 ** 63), 0.1}
    print(mixed)
    a = set(range(0, 60, 2))
    b = set(range(0, 90, 3))
    print(a | b)
    print(b | a)
    print(a & b, b & a)
    print(a - b, b - a)
    print(a ^ b)
    big = set(range(300))
    print(list(big - set(range(10, 300)))[:10], list(big.difference([1, 2, 3]))[:10])
    u = set()
    u.update({"k%d" % i: i for i in range(30)})
    u.update(["z", "y", "x"], {"w"})
    print(u)
    taken = []
    pool = set(range(100, 140))
    for _ in range(10):
        taken.append(pool.pop())
    pool.add(7)
    taken.append(pool.pop())
    print(taken, sorted(pool)[:5])
    await asyncio.sleep(0)

asyncio.run(main())
