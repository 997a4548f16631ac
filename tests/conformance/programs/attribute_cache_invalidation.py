# Methods called in loops while classes change: a method replaced on the class and on a base, an instance attribute shadowing a method then deleted, a class attribute changed after instances exist, setattr/delattr on classes, a subclass made later, properties, static and class methods put on a class later, a method swapped while a task calls it
import asyncio


class Base:
    kind = "base"

    def describe(self):
        return "Base.describe " + self.kind

    def other(self):
        return "Base.other"


class Child(Base):
    pass


class Grandchild(Child):
    def other(self):
        return "Grandchild.other / " + super().other()


def call_all(objs):
    return [o.describe() for o in objs] + [o.other() for o in objs]


objs = [Base(), Child(), Grandchild()]
for _ in range(2):
    print(call_all(objs))

Base.describe = lambda self: "replaced on Base " + self.kind
print(call_all(objs))
Child.describe = lambda self: "Child's own " + self.kind
print(call_all(objs))
del Child.describe
print(call_all(objs))
Base.kind = "changed kind"
print(call_all(objs))
objs[1].kind = "instance kind"
print(call_all(objs))

objs[0].describe = lambda: "instance attribute wins"
print(call_all(objs))
del objs[0].describe
print(call_all(objs))

setattr(Grandchild, "other", lambda self: "setattr on Grandchild")
print(call_all(objs))
delattr(Grandchild, "other")
print(call_all(objs))
try:
    del Grandchild.other
except AttributeError as e:
    print(type(e).__name__, e)

del Base.other
for o in objs:
    try:
        print(o.other())
    except AttributeError as e:
        print(type(e).__name__, e)


def new_other(self):
    return "restored other on " + type(self).__name__


Base.other = new_other
print(call_all(objs))


class Later(Base):
    def describe(self):
        return "Later.describe"


print(call_all(objs + [Later()]))


class WithProperty:
    def __init__(self):
        self.n = 0

    def step(self):
        self.n += 1
        return self.n


w = WithProperty()
print([w.step() for _ in range(3)])
WithProperty.step = property(lambda self: (lambda: "property now"))
print(w.step())
WithProperty.step = staticmethod(lambda: "static now")
print(w.step())
WithProperty.step = classmethod(lambda cls: "class method of " + cls.__name__)
print(w.step())
del WithProperty.step
try:
    w.step()
except AttributeError as e:
    print(type(e).__name__, e)
w.step = lambda: "an instance's own step"
print(w.step())
WithProperty.step = property(lambda self: "a property shadows the instance's")
print(w.step)


class Counter:
    calls = 0

    def hit(self):
        Counter.calls += 1
        return Counter.calls


async def hitter(c, n):
    out = []
    for _ in range(n):
        out.append(c.hit())
        await asyncio.sleep(0)
    return out


async def main():
    c = Counter()
    first = asyncio.create_task(hitter(c, 3))
    await asyncio.sleep(0)
    Counter.hit = lambda self: "swapped while a task loops"
    print(await first, c.hit())


asyncio.run(main())
