# Construct: dataclasses.asdict/astuple recursing through nested dataclasses, lists, tuples, dicts and named tuples (new containers, the same atoms), fields() with each Field's name/default/default_factory/init/repr/compare/hash, replace(), is_dataclass(), in a small asyncio program.
import asyncio
import dataclasses
from collections import namedtuple, defaultdict
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass

Pos = namedtuple("Pos", "x y")


@dataclass
class Item:
    name: str
    qty: int = 1
    tags: list = field(default_factory=list)


@dataclass(order=True)
class Order:
    id: int
    items: list = field(default_factory=list)
    where: Pos = Pos(0, 0)
    notes: dict = field(default_factory=dict)
    pair: tuple = (1, 2)
    secret: str = field(default="s", repr=False, compare=False)
    done: bool = field(default=False, init=False)


@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0


class Plain(Point):
    pass


async def main():
    o = Order(7, [Item("apple", 3, ["red"]), Item("pear")], Pos(1, Item("nested")), {"k": Item("v"), Item("kk").name: [1, (2, Item("z"))]})
    await asyncio.sleep(0.1)
    d = asdict(o)
    print(d)
    print(type(d["where"]).__name__, d["where"], d["where"].x)
    t = astuple(o)
    print(t)
    print(d["items"] is o.items, d["items"][0]["tags"] is o.items[0].tags, d["pair"] is o.pair, d["pair"] == o.pair)
    print(d["items"][0]["name"] is o.items[0].name)
    print(asdict(Point(1.5)), astuple(Point(2, 3)))
    print(asdict(Plain(4)), astuple(Plain(5, 6)))
    dd = defaultdict(int, {"a": 1})
    print(asdict(Item("x", 2, [{1: None}, (), [dd.default_factory, {2, 3}, frozenset("a"), range(3), None]]))["tags"])
    for f in fields(Order):
        print(f.name, f.default if f.default is not dataclasses.MISSING else "MISSING",
              f.default_factory if f.default_factory is not dataclasses.MISSING else "MISSING", f.init, f.repr, f.compare, f.hash, f.kw_only)
    print([f.name for f in fields(o)], [f.name for f in fields(Plain(1))], type(fields(Point)).__name__, len(fields(Point)))
    print(type(fields(Point)[0]).__name__, isinstance(fields(Point)[0], dataclasses.Field))
    print(dataclasses.MISSING is dataclasses.MISSING, fields(Point)[0].hash)
    p = Point(1, 2)
    q = replace(p, y=5)
    print(p, q, q is p, replace(p) == p, replace(p) is p)
    r = replace(o, id=8)
    print(r.id, r.items is o.items, r.done, r.secret)
    print(is_dataclass(Point), is_dataclass(p), is_dataclass(Plain), is_dataclass(Plain(1)), is_dataclass(5), is_dataclass(int), is_dataclass(Pos), is_dataclass(None))
    print(Order(1) < Order(2), Order(1, [1]) < Order(1, [2]), sorted([Order(3), Order(1), Order(2)])[0].id)
    try:
        p.x = 3
    except dataclasses.FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))


asyncio.run(main())
