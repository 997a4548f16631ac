def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
c(); c(5)
print(c(), [f() for f in [lambda i=i: i * 2 for i in range(3)]])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), max([1, 5, 2], key=lambda v: v % 3), min("xyz", key=ord))
print(sorted({3: "a", 1: "b"}.items(), key=lambda kv: kv[1], reverse=True), any(x > 2 for x in [1, 3]), all([]))
