# Construct: json.loads with object_hook, object_pairs_hook, parse_float, parse_int and parse_constant — called innermost first, in the scanner's order, a key given twice kept twice for the pairs hook — and an unknown keyword; a hook that raises ends the program through loads' line 359.
import json
from collections import OrderedDict


def shout(kind):
    def hook(value):
        print(kind, repr(value))
        return (kind, value)
    return hook


doc = '{"a": [1.5, 2, NaN, -Infinity], "b": {"c": {}}, "a": 3}'
print(json.loads(doc, object_hook=shout("object"), parse_float=shout("float"), parse_int=shout("int"), parse_constant=shout("constant")))
print(json.loads(doc, object_pairs_hook=shout("pairs"), object_hook=shout("never")))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads("[1, 2.50]", parse_float=str, parse_int=float, object_hook=None))
try:
    json.loads("[]", encoding="utf-8")
except TypeError as e:
    print(e)
try:
    json.loads(3, whatever=1)
except TypeError as e:
    print(e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def as_point(d):
    return Point(d["x"], d["y"])


print(json.loads('[{"x": 1, "y": 2}, {"x": 3, "y": 4}]', object_hook=as_point))
json.loads('[{"x": 1}]', object_hook=as_point)
