# Construct: inheritance — C3 method resolution order in a diamond, super() chains, class attributes shadowed and changed, *args/**kwargs through super().__init__, __str__ falling back, isinstance/issubclass with tuples.
import asyncio

class A:
    greeting = "hello from A"
    def hello(self):
        return "A.hello"
    def who(self):
        return "A"

class B(A):
    def hello(self):
        return "B>" + super().hello()

class C(A):
    greeting = "hello from C"
    def hello(self):
        return "C>" + super().hello()
    def who(self):
        return "C"

class D(B, C):
    def hello(self):
        return "D>" + super().hello()

d = D()
print(d.hello(), d.who(), d.greeting)
print([k.__name__ for k in (D, B, C, A)])
print(isinstance(d, (int, C)), isinstance(d, str), issubclass(D, (int, C)), issubclass(B, C))
A.greeting = "changed"
print(B().greeting, D.greeting)
d.greeting = "mine"
print(d.greeting, D.greeting)
del d.greeting
print(d.greeting)

class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.n = Counter.total
    def bump(self, by=1):
        self.n += by
        return self

c = Counter().bump().bump(5)
print(c.n, Counter.total, Counter().n, Counter.total)

class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

class Child(Base):
    def __init__(self, x, *rest, key=None, **kw):
        super().__init__(x, *rest, **kw)
        self.key = key

ch = Child(1, 2, 3, key="k", extra=True)
print(ch.args, ch.kwargs, ch.key)

class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
    def __str__(self):
        return self.describe()

class Triangle(Shape):
    sides = 3

class Square(Shape):
    sides = 4
    def __repr__(self):
        return "Square()"

shapes = [Triangle(), Square()]
for s in shapes:
    print(s, str(s), f"{s}", "%s" % s)
print(repr(shapes[1]), [shapes[1]], shapes[1].describe())

class Plain:
    pass

p = Plain()
p.x = 1
p.y = [p.x]
print(p.x, p.y, type(p) is Plain, type(p) == Plain, p.__class__ is Plain, Plain.__module__)

class NoInit:
    def method(self):
        return self

n = NoInit()
print(n.method() is n, NoInit.method(n) is n)

async def main():
    class Job:
        def __init__(self, name, seconds):
            self.name = name
            self.seconds = seconds
        async def run(self):
            print(f"{self.name} starts")
            await asyncio.sleep(self.seconds)
            print(f"{self.name} ends")
            return self.name.upper()
    jobs = [Job("x", 0.3), Job("y", 0.1), Job("z", 0.2)]
    tasks = [asyncio.create_task(j.run(), name=j.name) for j in jobs]
    for t in tasks:
        print(await t, t.get_name())

asyncio.run(main())
