# Construct: collections.OrderedDict's iterators (odict_iterator) — forwards and reversed over the dict and its views, a value replaced while iterating (allowed), a key added, removed or moved (RuntimeError "OrderedDict mutated during iteration", then StopIteration), a key added after the last was given (no error, unlike dict), an empty OrderedDict's iterator, move_to_end of the key already at that end (nothing changes), and == noticing the order after many moves.
from collections import OrderedDict


def attempt(label, action):
    try:
        print(label, action())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


od = OrderedDict(a=1, b=2, c=3)
it = iter(od)
print(type(it).__name__, next(it))
od["a"] = 100
print("value replaced:", next(it), od)
od["d"] = 4
attempt("after an add:", lambda: next(it))
attempt("and then:", lambda: next(it))

for label, change in [("del", lambda o: o.pop("b")), ("move", lambda o: o.move_to_end("a")), ("front", lambda o: o.move_to_end("c", last=False)),
                      ("popitem", lambda o: o.popitem()), ("clear", lambda o: o.clear()), ("same end", lambda o: o.move_to_end("c")),
                      ("setdefault old", lambda o: o.setdefault("a", 9)), ("setdefault new", lambda o: o.setdefault("z", 9))]:
    o = OrderedDict(a=1, b=2, c=3)
    items = iter(o.items())
    first = next(items)
    change(o)
    attempt(label + ":", lambda: (first, next(items)))

o = OrderedDict(a=1, b=2, c=3)
for key in o:
    print("key", key)
    if key == "c":
        o["d"] = 4
print("added after the last key:", o)

d = {"a": 1}
try:
    for key in d:
        d["b"] = 2
except RuntimeError as exc:
    print("a dict:", exc)

o = OrderedDict(a=1, b=2)
try:
    for key in o:
        del o[key]
except RuntimeError as exc:
    print("deleting in a loop:", exc, o)

empty = OrderedDict()
it = iter(empty)
empty["x"] = 1
attempt("empty then filled:", lambda: next(it))

r = reversed(OrderedDict(a=1, b=2, c=3))
print(type(r).__name__, next(r), next(r), next(r))
attempt("reversed done:", lambda: next(r))
rv = reversed(o.values())
print(list(rv), list(reversed(OrderedDict(x=1).items())))

lru = OrderedDict()
for n in range(30):
    lru[n % 7] = n
    lru.move_to_end(n % 5)  if n % 5 in lru else None
    if len(lru) > 4:
        lru.popitem(last=False)
print(lru, list(lru.items()))
copy = OrderedDict(lru)
copy.move_to_end(next(iter(copy)))
print(copy == lru, dict(copy) == dict(lru), copy == dict(lru))
big = OrderedDict((k, k * k) for k in range(200))
for k in range(0, 200, 3):
    big.move_to_end(k, last=k % 2 == 0)
print(list(big)[:12], list(big)[-12:], len(big), sum(big.values()))
