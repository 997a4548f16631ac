# Generator expressions and lambdas inside comprehensions use the comprehension's variable through a
# closure, at module level and in functions, as CPython's nested scopes do.
data = {"a": [1, 2, 3], "b": [4, 5]}
print({k: sum(x * len(k) for x in v) for k, v in data.items()})
print([list(y + i for y in range(2)) for i in range(3)])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])


def inside(n):
    rows = [[(r, c) for c in range(n) if c != r] for r in range(n)]
    totals = {r: sum(c for _, c in rows[r] if c > r) for r in range(n)}
    return rows, totals, [(lambda: r * 10)() for r in range(n)]


print(inside(3))
print(sorted(((w, sum(1 for ch in w if ch in "aeiou")) for w in ["loop", "task", "await"]), key=lambda p: -p[1]))
runs = []
for k in (2, 5):
    runs.append([lambda: i for i in range(k)])
print([[f() for f in fs] for fs in runs])
