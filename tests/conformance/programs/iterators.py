# Construct: the builtins' lazy iterators — iter/next (StopIteration, a default), enumerate (start of any size), zip, reversed, map and filter with functions — exhausted for good, their type names as CPython's.
xs = [3, 1, 2]
e = enumerate(xs, 1)
print(type(e).__name__, list(e), list(e))
print(list(enumerate("héllo", start=10**20))[:2])
z = zip(xs, "abc", range(10))
print(next(z), list(z), list(zip()), list(zip([1, 2], [3])))
r = reversed(xs)
print(type(r).__name__, next(r), list(r), list(reversed("héllo")), list(reversed(range(5))), list(reversed((1, 2))), list(reversed({'a': 1, 'b': 2})))
m = map(lambda x: x * 2, xs)
print(type(m).__name__, list(m), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str, xs)) if False else list(map(len, ["ab", "c"])))
print(list(filter(None, [0, 1, "", "x", None])), list(filter(lambda x: x > 1, xs)))
it = iter(xs)
print(type(it).__name__, next(it), next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as s:
    print("StopIteration", repr(s))
for name, obj in [("t", iter((1,))), ("r", iter(range(2))), ("s", iter("ab")), ("u", iter("é")), ("dk", iter({})), ("dv", iter({}.values())), ("di", iter({}.items()))]:
    print(name, type(obj).__name__)
print(sum(map(lambda x: x * x, range(5))), max(zip([1, 2], [3, 0])), sorted(map(abs, [-3, 1, -2])), dict(zip("ab", [1, 2])), ", ".join(map(hex, [255, 16])))
lst = [1, 2, 3]
it = iter(lst)
print(list(it)); lst.append(4); print(list(it))
for i, (a, b) in enumerate(zip("xy", [5, 6])):
    print(i, a, b)
try:
    zip(1)
except TypeError as e:
    print(e)
try:
    reversed(iter([]))
except TypeError as e:
    print(e)
try:
    next([])
except TypeError as e:
    print(e)
print("ok", all(map(bool, [1, 2])))
