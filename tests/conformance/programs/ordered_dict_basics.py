# Construct: collections.OrderedDict — construction (pairs, mapping, keywords, fromkeys), move_to_end both ways, popitem(last), pop/setdefault/update as odictobject.c parses them, the repr (empty, pairs, itself inside itself, odict_keys/values/items), order-sensitive == between OrderedDicts and order-insensitive against a dict, reversed(), | and |=, copy, type/isinstance, and CPython's errors.
import asyncio
from collections import OrderedDict
from dataclasses import dataclass, asdict, astuple


@dataclass
class Box:
    items: object


def attempt(label, action):
    try:
        print(label, action())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


async def main():
    empty = OrderedDict()
    print(empty, repr(empty), len(empty), bool(empty), str(empty))
    od = OrderedDict([("b", 2), ("a", 1)])
    od["c"] = 3
    print(od, f"{od}", list(od), len(od), "a" in od, od["a"], od.get("zz", "-"))
    print(OrderedDict(x=1, y=2), OrderedDict({"k": "v"}, extra=0), OrderedDict(zip("abc", range(3))))
    print(OrderedDict.fromkeys("xyz"), OrderedDict.fromkeys(["p", "q"], 0), od.fromkeys("ab", value=[]))
    print(od.keys(), od.values(), od.items())
    print(type(od), type(od).__name__, isinstance(od, dict), isinstance(od, OrderedDict), isinstance({}, OrderedDict))
    print(issubclass(OrderedDict, dict), type(od) is OrderedDict, type(od.copy()) is OrderedDict)

    od.move_to_end("b")
    print("moved b to the end:", od)
    od.move_to_end("c", last=False)
    print("moved c to the front:", od)
    od.move_to_end("c", False)
    od.move_to_end("b", True)
    print("moved again (no change):", od)
    od.move_to_end("a", last=0)
    print("a to the front:", od, list(od.keys()), list(od.items()))
    print("popitem:", od.popitem(), od.popitem(last=False), od)
    od.update([("m", 1), ("n", 2)], o=3)
    od.update({"p": 4})
    od.update(q=5)
    print("updated:", od, od.pop("m"), od.pop("zz", None), od.setdefault("n", 99), od.setdefault("r"), od)
    print("reversed:", list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))

    first = OrderedDict(a=1, b=2)
    second = OrderedDict(b=2, a=1)
    plain = {"b": 2, "a": 1}
    print(first == second, first != second, first == plain, plain == first, second == OrderedDict(b=2, a=1))
    print(first == OrderedDict(a=1.0, b=2), first == OrderedDict(a=1), first.keys() == second.keys())
    merged = first | {"c": 3}
    right = {"z": 0} | first
    print(merged, type(merged).__name__, right, type(right).__name__, dict(first) | plain)
    first |= [("d", 4)]
    first |= {"a": 10}
    print(first, OrderedDict(first) == first, first.copy() is first, dict(first), sorted(first))

    loop = OrderedDict()
    loop["self"] = loop
    loop["other"] = [loop]
    print(loop)
    del od["n"]
    od.clear()
    print(od, len(od))
    box = Box(OrderedDict(b=[1, Box(2)], a=2))
    print(asdict(box), astuple(box), type(asdict(box)["items"]).__name__)

    attempt("move_to_end missing", lambda: OrderedDict(a=1).move_to_end("zz"))
    attempt("move_to_end empty", lambda: OrderedDict().move_to_end("a"))
    attempt("popitem empty", lambda: OrderedDict().popitem())
    attempt("popitem first empty", lambda: OrderedDict().popitem(last=False))
    attempt("pop missing", lambda: OrderedDict().pop("k"))
    attempt("getitem missing", lambda: OrderedDict(a=1)["b"])
    attempt("popitem args", lambda: OrderedDict(a=1).popitem(True, False))
    attempt("popitem keywords", lambda: OrderedDict(a=1).popitem(last=1, first=2))
    attempt("popitem bad keyword", lambda: OrderedDict(a=1).popitem(first=2))
    attempt("move_to_end no key", lambda: OrderedDict(a=1).move_to_end())
    attempt("move_to_end three", lambda: OrderedDict(a=1).move_to_end("a", True, 1))
    attempt("move_to_end twice", lambda: OrderedDict(a=1).move_to_end("a", key="a"))
    attempt("move_to_end unknown", lambda: OrderedDict(a=1).move_to_end("a", lst=True))
    attempt("pop no key", lambda: OrderedDict().pop())
    attempt("setdefault no key", lambda: OrderedDict().setdefault())
    attempt("fromkeys none", lambda: OrderedDict.fromkeys())
    attempt("two arguments", lambda: OrderedDict({}, {}))
    attempt("not iterable", lambda: OrderedDict(5))
    attempt("not pairs", lambda: OrderedDict([1, 2]))
    attempt("short pair", lambda: OrderedDict([("a",)]))
    attempt("empty pair", lambda: OrderedDict([()]))
    attempt("long pair", lambda: OrderedDict([(1, 2, 3)]))
    attempt("update two", lambda: OrderedDict().update({}, {}))
    attempt("update not pairs", lambda: OrderedDict().update(["ab", "c"]))
    attempt("hash", lambda: hash(OrderedDict()))
    attempt("order", lambda: OrderedDict() < OrderedDict())
    attempt("or list", lambda: OrderedDict() | [("a", 1)])
    attempt("unhashable key", lambda: OrderedDict([([], 1)]))


asyncio.run(main())
