# enumerate(enumerate(...)) a hundred thousand deep: each next() would be C++ recursion through the chain.
# expect: RecursionError maximum recursion depth exceeded
it = iter([1])
for _ in range(100_000):
    it = enumerate(it)
print(next(it))
