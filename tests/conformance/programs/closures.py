# Construct: closures — nested functions and lambdas using their enclosing function's variables (late binding, nonlocal, recursion, comprehension variables), and a nested function's own locals shadowing globals.
import asyncio
count = 0
def make_counter(start):
    total = start
    def bump(step=1):
        nonlocal total
        total += step
        return total
    return bump
c = make_counter(10)
print(c(), c(5), c())
def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return [f(10) for f in fs]
print(adders())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def shadow():
    def helper():
        count = 5
        return count
    return helper(), count
print(shadow())
def late():
    def get():
        return y
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    y = 1
    return get()
print(late())
def recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact(10)
print(recursive())
async def main():
    results = {}
    async def worker(name, delay):
        await asyncio.sleep(delay)
        results[name] = delay
        print(name, "done", sorted(results, key=lambda k: results[k]))
    await asyncio.gather(worker("a", 0.2), worker("b", 0.1))
    limit = 2
    small = [n for n in range(5) if n < limit]
    keyed = sorted(range(5), key=lambda n: abs(n - limit))
    print(small, keyed, [(lambda: n)() for n in range(3)])
asyncio.run(main())
