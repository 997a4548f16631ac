# obj.method(args) as CPython calls it: instance attributes that shadow methods, properties, static and class methods, callables kept on instances, obj.__class__ on every kind, builtins' identity
import asyncio


class Base:
    label = "base"

    def greet(self, who, punctuation="!"):
        return f"{self.label} greets {who}{punctuation}"

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def make(cls, label):
        obj = cls()
        obj.label = label
        return obj

    @property
    def shout(self):
        return lambda s: s.upper()

    async def later(self, x):
        await asyncio.sleep(0.01)
        return x + 1


class Child(Base):
    def greet(self, who, punctuation="?"):
        return "child: " + super().greet(who, punctuation)


async def main():
    b, c = Base(), Child.make("kid")
    print(b.greet("ann"), c.greet("bob"), c.greet("cy", "."))
    print(b.twice(21), c.make("x").label, Child.make("y").greet("z"), b.shout("loud"))
    b.greet = lambda who: "instance attribute wins for " + who
    print(b.greet("dee"), Base.greet(c, "eve"))
    del b.greet
    print(b.greet("fay"))
    print(await c.later(41))
    print(b.__class__.__name__, (1).__class__, "x".__class__, [].__class__, {}.__class__, len.__class__.__name__)
    print(b.greet.__class__.__name__, super(Child, c).__class__, ValueError("v").__class__, Base.greet.__class__.__name__)
    print(len is len, print is print, max is min)
    d = {}
    for k in range(5):
        d[k % 2] = d.get(k % 2, 0) + k
    d.update({"z": 1})
    print(d, d.keys(), "a-b".split("-"), [3, 1, 2].index(2))
    try:
        b.missing(1)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        c.greet()
    except TypeError as e:
        print("TypeError:", e)
    try:
        (5).nope()
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
