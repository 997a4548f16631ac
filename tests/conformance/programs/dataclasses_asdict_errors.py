# Construct: the errors a learner meets with dataclasses' functions: asdict/astuple/replace/fields of a non-dataclass (a class, an instance, an int), wrong arguments, replace() of an init=False field or an unknown one, an unset init=False field, a dict key that becomes unhashable, a defaultdict inside, custom factories; the last error uncaught, with dataclasses.py's frames and the AttributeError it was raised while handling.
import asyncio
from collections import defaultdict, namedtuple
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass


@dataclass
class Cfg:
    name: str
    level: int = 0
    cache: dict = field(default_factory=dict, init=False)


@dataclass
class Late:
    a: int
    b: int = field(init=False)


@dataclass(frozen=True)
class Key:
    k: int


@dataclass
class Holder:
    items: list


class NotDC:
    pass


def show(label, f, *args, **kwargs):
    try:
        print(label, f(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)


async def main():
    c = Cfg("x")
    await asyncio.sleep(0)
    show("asdict class", asdict, Cfg)
    show("asdict int", asdict, 5)
    show("asdict plain", asdict, NotDC())
    show("astuple list", astuple, [c])
    show("asdict none", asdict)
    show("asdict two", asdict, c, c)
    show("asdict kw", asdict, c, factory=dict)
    show("asdict obj kw", asdict, obj=c)
    show("astuple kw", astuple, c, dict_factory=dict)
    show("fields int", fields, 5)
    show("fields plain", fields, NotDC)
    show("fields none", fields)
    show("fields two", fields, c, c)
    show("replace class", replace, Cfg)
    show("replace none", replace)
    show("replace obj kw", replace, obj=c)
    show("replace two", replace, c, 1)
    show("replace init false", replace, c, cache={})
    show("replace unknown", replace, c, colour=1)
    show("replace ok", replace, c, level=3, name="y")
    show("replace late", replace, Late(1))
    show("asdict late", asdict, Late(1))
    show("is_dataclass none", is_dataclass)
    show("is_dataclass kw", is_dataclass, obj=c)
    show("asdict key", asdict, Holder([{Key(1): "v"}]))
    show("astuple key", astuple, Holder([{Key(1): "v"}]))
    show("asdict defaultdict", asdict, Holder([defaultdict(list)]))
    show("asdict factory", asdict, c, dict_factory=lambda pairs: [k for k, v in pairs])
    show("astuple factory", astuple, Holder([c, (c,)]), tuple_factory=list)
    show("asdict bad factory", asdict, c, dict_factory=len)
    show("asdict factory raises", asdict, c, dict_factory=lambda pairs: 1 / 0)
    print(fields(c)[0] is fields(Cfg)[0], fields(c) is fields(Cfg))
    fields(NotDC())


asyncio.run(main())
