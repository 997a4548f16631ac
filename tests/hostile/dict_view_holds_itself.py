# A dict whose value is its own values() view: its repr recursed until RecursionError; CPython prints "...".
# expect: ok
# stdout: {1: dict_values([...])} {1: dict_items([(1, ...)])} {1: dict_keys([1])}
t = {}
t[1] = t.values()
u = {}
u[1] = u.items()
k = {}
k[1] = k.keys()
print(t, u, k)
