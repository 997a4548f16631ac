# d.get(...) and super().m(...) called without a bound object in between: dict.get's arguments and errors (none, three, unhashable, a key whose __hash__ or __eq__ raises or mutates), defaultdict/Counter/OrderedDict get, a class's own get method; super() reaching functions, properties, static and class methods, a base method replaced or deleted while called in a loop, a diamond, object's __init__, a missing name
import asyncio
from collections import Counter, OrderedDict, defaultdict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Key:
    def __init__(self, n, loud=False):
        self.n = n
        self.loud = loud

    def __hash__(self):
        if self.loud:
            raise ValueError("no hash for " + str(self.n))
        return hash(self.n)

    def __eq__(self, other):
        print("  eq", self.n, getattr(other, "n", other))
        return isinstance(other, Key) and other.n == self.n


d = {1: "one", "a": "A", (1, 2): "pair", Key(5): "five"}
show("get 1", lambda: d.get(1))
show("get missing", lambda: d.get(2))
show("get default", lambda: d.get(2, "dflt"))
show("get found with default", lambda: d.get("a", "dflt"))
show("get tuple", lambda: d.get((1, 2)))
show("get Key(5)", lambda: d.get(Key(5)))
show("get no args", lambda: d.get())
show("get three", lambda: d.get(1, 2, 3))
show("get unhashable", lambda: d.get([1]))
show("get unhashable dict", lambda: d.get({}, 0))
show("get loud", lambda: d.get(Key(7, loud=True), "x"))
show("get keyword", lambda: d.get(1, default=3))
show("get True is 1", lambda: d.get(True))
show("get 1.0", lambda: d.get(1.0))
g = d.get
show("bound get", lambda: g("a"))
show("bound repr", lambda: repr(d.get)[:27])

dd = defaultdict(list)
dd["x"].append(1)
show("defaultdict get missing", lambda: dd.get("y"))
show("defaultdict after", lambda: sorted(dd))
c = Counter("hello")
show("Counter get", lambda: (c.get("l"), c.get("z"), c.get("z", 0)))
od = OrderedDict([("k", 1)])
show("OrderedDict get", lambda: (od.get("k"), od.get("q", "none")))


class Store:
    def __init__(self):
        self.data = {"a": 1}

    def get(self, key, default=None):
        print("  Store.get", key)
        return self.data.get(key, default)


st = Store()
show("a class's own get", lambda: st.get("a"))
show("a class's own get missing", lambda: st.get("b", 9))
st.get = lambda key: "instance get " + key
show("instance attribute get", lambda: st.get("c"))


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        return False


m = {1: "x"}
show("get with mutating eq", lambda: m.get(Mutator(m), "gone"))
show("after mutation", lambda: m)

counts = {}
for i in range(300):
    counts[i % 5] = counts.get(i % 5, 0) + 1
print("counts", counts)


class Base:
    tag = "base"

    def __init__(self):
        self.log = []

    def greet(self, who):
        return "Base.greet " + who

    @property
    def name(self):
        return "Base.name"

    @staticmethod
    def static(x):
        return "static " + str(x)

    @classmethod
    def klass(cls, x):
        return "classmethod " + cls.__name__ + " " + str(x)


class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")

    def greet(self, who):
        return "Child/" + super().greet(who)

    @property
    def name(self):
        return "Child/" + super().name

    def call_static(self):
        return super().static(3)

    def call_klass(self):
        return super().klass(4)

    def missing(self):
        return super().nothing_here()

    def tagged(self):
        return super().tag


c1 = Child()
print(c1.log)
for i in range(3):
    print(c1.greet(str(i)))
print(c1.name)
print(c1.call_static())
print(c1.call_klass())
print(c1.tagged())
show("missing", c1.missing)


def new_greet(self, who):
    return "replaced " + who


results = []
for i in range(6):
    if i == 2:
        Base.greet = new_greet
    if i == 4:
        del Base.greet
    try:
        results.append(c1.greet(str(i)))
    except Exception as e:
        results.append(type(e).__name__ + ": " + str(e))
print(results)


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who())


class Plain:
    def __init__(self, x):
        super().__init__()
        self.x = x

    def __repr__(self):
        return "Plain(" + str(self.x) + ") / " + super().__repr__()[:14]


print(Plain(3))


class Shadow(Base):
    def greet(self, who):
        return "Shadow/" + super().greet(who)


s = Shadow()
s.greet = lambda who: "instance attribute " + who
show("instance shadows", lambda: s.greet("q"))
show("class path", lambda: Shadow.greet(s, "q"))


async def worker(obj, n):
    out = []
    for i in range(n):
        out.append(obj.greet(str(i)))
        await asyncio.sleep(0)
    return out


async def main():
    Base.greet = lambda self, who: "lambda " + who
    print(await asyncio.gather(worker(Shadow(), 2), worker(D(), 1) if False else worker(Shadow(), 1)))


asyncio.run(main())
