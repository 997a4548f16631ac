d = {"a": 1, 2: "b", (1, 2): [3]}
d["c"] = d.get("a", 0) + 1
del d[2]
e = {**d, "z": 0}
e.update(x=1)
print(d, e, len(e), "a" in e, list(e.keys()), list(e.values()), list(e.items()), e.pop("z"), e == d)
print({k: v for k, v in zip("abc", range(3))}, dict(a=1), dict([(1, 2)]), hash((1, "x")))
x = {}
x[1] = x
print(x)
