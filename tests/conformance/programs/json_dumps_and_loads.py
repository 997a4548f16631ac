# Construct: json.dumps and json.loads as CPython writes and reads (indent, separators, sort_keys, ensure_ascii, skipkeys, allow_nan, default=, key conversion, circular references) and every JSONDecodeError message, position, line and column of the C scanner.
import json
tests = [
    ('json.dumps(float("nan"), allow_nan=False)', lambda: json.dumps(float("nan"), allow_nan=False)),
    ('json.dumps([float("inf")], allow_nan=False)', lambda: json.dumps([float("inf")], allow_nan=False)),
    ('json.dumps({(1,2): 3})', lambda: json.dumps({(1,2): 3})),
    ('json.dumps({1: 2, "a": 3}, sort_keys=True)', lambda: json.dumps({1: 2, "a": 3}, sort_keys=True)),
    ('json.dumps(set())', lambda: json.dumps(set())),
    ('json.loads("")', lambda: json.loads("")),
    ('json.loads("[1,]")', lambda: json.loads("[1,]")),
    ('json.loads("{\\"a\\":1,}")', lambda: json.loads("{\"a\":1,}")),
    ('json.loads("{\\"a\\" 1}")', lambda: json.loads("{\"a\" 1}")),
    ('json.loads("{a:1}")', lambda: json.loads("{a:1}")),
    ('json.loads("[1 2]")', lambda: json.loads("[1 2]")),
    ('json.loads("\\"abc")', lambda: json.loads("\"abc")),
    ('json.loads("\\"a\\\\x\\"")', lambda: json.loads("\"a\\x\"")),
    ('json.loads("\\"a\\\\u12\\"")', lambda: json.loads("\"a\\u12\"")),
    ('json.loads("[1]x")', lambda: json.loads("[1]x")),
    ('json.loads("\\"a\\nb\\"")', lambda: json.loads("\"a\nb\"")),
    ('json.loads("01")', lambda: json.loads("01")),
    ('json.loads("-")', lambda: json.loads("-")),
    ('json.loads(5)', lambda: json.loads(5)),
    ('json.loads("\\ufeff1")', lambda: json.loads("\ufeff1")),
    ('json.loads("[\\n1,\\n2,,]")', lambda: json.loads("[\n1,\n2,,]")),
    ('json.loads("{\\"a\\":}")', lambda: json.loads("{\"a\":}")),
    ('json.loads("nul")', lambda: json.loads("nul")),
    ('json.loads("[")', lambda: json.loads("[")),
    ('json.loads("{")', lambda: json.loads("{")),
    ('json.loads("{\\"a\\"")', lambda: json.loads("{\"a\"")),
    ('json.loads(" [1, 2.5e3, -0, 1E2, \\"\\\\u00e9\\\\ud83d\\\\ude00\\"] ")', lambda: json.loads(" [1, 2.5e3, -0, 1E2, \"\\u00e9\\ud83d\\ude00\"] ")),
    ('json.dumps("é😀\\x7f\\x01\\t")', lambda: json.dumps("é😀\x7f\x01\t")),
    ('json.dumps("é😀\\x7f\\x01", ensure_ascii=False)', lambda: json.dumps("é😀\x7f\x01", ensure_ascii=False)),
    ('json.dumps([1,[2,{}],[]], indent=2)', lambda: json.dumps([1,[2,{}],[]], indent=2)),
    ('json.dumps({"a":[]}, indent=0)', lambda: json.dumps({"a":[]}, indent=0)),
    ('json.dumps([1,2], indent="\\t")', lambda: json.dumps([1,2], indent="\t")),
    ('json.dumps([1,2], separators=(",",":"))', lambda: json.dumps([1,2], separators=(",",":"))),
    ('json.dumps({"a":1}, indent=-1)', lambda: json.dumps({"a":1}, indent=-1)),
    ('json.dumps([1.0, 1e16, 1e-7, -0.0, 2**70, True, None])', lambda: json.dumps([1.0, 1e16, 1e-7, -0.0, 2**70, True, None])),
    ('json.dumps({True: 1, None: 2, 1.5: 3, 2: 4})', lambda: json.dumps({True: 1, None: 2, 1.5: 3, 2: 4})),
    ('json.dumps({(1,):2}, skipkeys=True)', lambda: json.dumps({(1,):2}, skipkeys=True)),
    ('json.loads("1e400")', lambda: json.loads("1e400")),
    ('json.loads("[NaN, Infinity, -Infinity]")', lambda: json.loads("[NaN, Infinity, -Infinity]")),
    ('json.loads("{\\"a\\":1, \\"a\\":2, \\"b\\":3}")', lambda: json.loads("{\"a\":1, \"a\":2, \"b\":3}")),
    ('json.loads("[1,2", )', lambda: json.loads("[1,2", )),
    ('str(json.JSONDecodeError("m", "ab\\ncd", 4))', lambda: str(json.JSONDecodeError("m", "ab\ncd", 4))),
    ('json.dumps([1], indent=None, separators=(", ", ": "))', lambda: json.dumps([1], indent=None, separators=(", ", ": "))),
    ('json.dumps("\\u2028")', lambda: json.dumps("\u2028")),
    ('json.dumps(1, 2)', lambda: json.dumps(1, 2)),
    ('json.loads("tru")', lambda: json.loads("tru")),
    ('json.loads(" ")', lambda: json.loads(" ")),
    ('json.loads("[1.]")', lambda: json.loads("[1.]")),
    ('json.loads("[.5]")', lambda: json.loads("[.5]")),
    ('json.loads("1.5e")', lambda: json.loads("1.5e")),
    ('json.loads("-Infinity")', lambda: json.loads("-Infinity")),
    ('json.loads("-Inf")', lambda: json.loads("-Inf")),
    ('json.loads(r\'"\\u12G4"\')', lambda: json.loads(r'"\u12G4"')),
    ('json.loads(r\'"ab\\u00\')', lambda: json.loads(r'"ab\u00')),
    ('json.loads(r\'"\\ud83d\\u12"\')', lambda: json.loads(r'"\ud83d\u12"')),
    ('json.loads(r\'"xy\\q"\')', lambda: json.loads(r'"xy\q"')),
    ('json.loads(\'"\\x1f"\')', lambda: json.loads('"\x1f"')),
    ('json.loads(\'["a", "b\\x00"]\')', lambda: json.loads('["a", "b\x00"]')),
    ('json.loads(\'{"a": "b\')', lambda: json.loads('{"a": "b')),
    ('json.loads(\'[1, {"x": [tru]}]\')', lambda: json.loads('[1, {"x": [tru]}]')),
    ('json.loads("[1e5, 1E+2, 1e-2, 0.5e1, -0.0, 1.5E]")', lambda: json.loads("[1e5, 1E+2, 1e-2, 0.5e1, -0.0, 1.5E]")),
    ('json.loads(\'"\\\\/"\')', lambda: json.loads('"\\/"')),
    ('json.loads("[-01]")', lambda: json.loads("[-01]")),
    ('json.loads("[- 1]")', lambda: json.loads("[- 1]")),
    ('json.loads("123456789012345678901234567890")', lambda: json.loads("123456789012345678901234567890")),
    ('json.loads(\'"ééé\\\\x"\')', lambda: json.loads('"ééé\\x"')),
    ('json.loads("é")', lambda: json.loads("é")),
    ('json.loads(\'[\\n  "é",\\n  x]\')', lambda: json.loads('[\n  "é",\n  x]')),
    ('json.dumps({"b": 1, "a": [1, 2, {"c": None}]}, indent=4, sort_keys=True)', lambda: json.dumps({"b": 1, "a": [1, 2, {"c": None}]}, indent=4, sort_keys=True)),
    ('json.dumps({"x": 1, "y": [True, False]}, separators=(",", ":"))', lambda: json.dumps({"x": 1, "y": [True, False]}, separators=(",", ":"))),
    ('json.loads(json.dumps({"k": [1, 2.5, "s", None, True, {"n": -3}]}))', lambda: json.loads(json.dumps({"k": [1, 2.5, "s", None, True, {"n": -3}]}))),
    ('json.dumps(json)', lambda: json.dumps(json)),
    ('json.dumps([1, 2], foo=1)', lambda: json.dumps([1, 2], foo=1)),
    ('json.dumps({"a": [1, {}]}, indent=True)', lambda: json.dumps({"a": [1, {}]}, indent=True)),
    ('json.dumps((1, (2, 3)))', lambda: json.dumps((1, (2, 3)))),
    ('json.dumps("x" * 3, ensure_ascii=False)', lambda: json.dumps("x" * 3, ensure_ascii=False)),
    ('json.dumps({1.0: "a", float("inf"): "b"})', lambda: json.dumps({1.0: "a", float("inf"): "b"})),
]
for t, f in tests:
    try:
        r = f()
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
a = []; a.append(a)
try: json.dumps(a)
except Exception as e: print("circ", type(e).__name__, e)
try: json.dumps(a, indent=1)
except Exception as e: print("circ indent", type(e).__name__, e)
d = {}; d["me"] = [d]
try: json.dumps(d)
except ValueError as e: print("circ dict", e)
e = json.JSONDecodeError("Expecting value", "  x", 2)
print(e.msg, e.doc, e.pos, e.lineno, e.colno, e.args, repr(e))
try:
    json.loads('{"a": [1, 2,]}')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError), type(e).__name__, type(e).__module__ if False else '')
def enc(o):
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"no {type(o).__name__}")
print(json.dumps({"s": {3, 1, 2}}, default=enc))
try:
    json.dumps({"s": object()}, default=enc)
except TypeError as e:
    print("default raised", e)
from dataclasses import dataclass, asdict
@dataclass
class Point:
    x: int
    y: int
print(json.dumps([asdict(Point(1, 2))]))
try:
    json.dumps(Point(1, 2))
except TypeError as e:
    print(e)
from collections import Counter, OrderedDict, namedtuple
P = namedtuple("P", "a b")
print(json.dumps([Counter("aab"), OrderedDict(z=1, a=2), P(1, 2)]))
print(json.loads('{"nested": {"deep": [[[]]]}}')["nested"])
