# Construct: the set operations of a dict's keys() and items() views — & | - ^ with sets, lists and other views on either side, and their comparisons with sets and views (dictobject.c's dictviews_*).
d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "c": 3, "z": 0}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.items() & e.items(), d.items() - e.items(), d.keys() & ["a", "q"], ["a", "q"] & d.keys(), {"c", "y"} & d.keys())
print(d.keys() | [1], [1] | d.keys(), {"a"} - d.keys(), d.keys() - {"a"}, d.items() | {("x", 1)})
print(d.keys() == {"a", "b", "c"}, {"a", "b", "c"} == d.keys(), d.keys() == e.keys(), d.keys() < {"a", "b", "c", "d"}, d.keys() <= d.keys())
print(d.items() == {("a", 1), ("b", 2), ("c", 3)}, d.items() >= {("a", 1)}, d.keys() > set(), d.values() == d.values(), d.keys() == d.items())
print(d.keys() == ["a", "b", "c"], d.keys() != {"a"}, frozenset("ab") <= d.keys())
big = {i: i for i in range(40)}
print(big.keys() & set(range(30, 50)), set(range(30, 50)) & big.keys(), big.keys() - set(range(35)))
