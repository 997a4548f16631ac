# A builtin type's methods taken from the type (method_descriptor): key=str.lower, map(str.upper, ...), dict.get(d, k), their reprs, identity and CPython's errors; bound methods of one object compare by name
import collections

words = ["banana", "Apple", "cherry"]
print(sorted(words, key=str.lower), list(map(str.upper, words)), str.join(", ", words))
print(list(map(str.strip, ["  a ", "b  "])), max(words, key=str.lower), list(filter(str.isupper, ["A", "b", "C"])))
print(str.upper, type(str.upper), str.upper.__name__, str.upper.__qualname__, str.upper.__objclass__)
print(str.upper is str.upper, str.upper == str.upper, str.upper == str.lower, dict.get == dict.get, callable(list.append))
print(repr(dict.get), repr(set.add), repr(tuple.count), repr(frozenset.union), list.sort.__qualname__)

d = {"a": 1}
print(dict.get(d, "a"), dict.get(d, "z", 0), dict.setdefault(d, "b", 2), d, list(dict.keys(d)))
counter = collections.Counter(a=1)
dict.update(counter, {"a": 5})  # dict's update, not Counter's (which would add)
print(counter, dict.get(collections.defaultdict(int), "x"))
items = []
list.append(items, 1)
list.extend(items, [3, 2])
list.sort(items, key=lambda v: -v)
print(items, tuple.index((5, 6, 7), 7), set.union({1}, [2]), frozenset.union(frozenset({1}), {2}))
Point = collections.namedtuple("Point", "x y")
print(tuple.count(Point(1, 1), 1), str.split("a b c", maxsplit=1), str.format("{}-{}", 1, 2))

for call in (
    lambda: str.upper(),
    lambda: str.upper(1),
    lambda: str.join(","),
    lambda: list.append([], 1, 2),
    lambda: set.union(frozenset()),
    lambda: dict.get([], 1),
    lambda: tuple.index([1], 1),
    lambda: str.lower(None),
    lambda: sorted([1, "b"], key=str.lower),
):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

s = "x"
numbers = []
print(s.upper == s.lower, s.upper == s.upper, numbers.append == numbers.append, numbers.pop == numbers.append, d.get == d.pop)
