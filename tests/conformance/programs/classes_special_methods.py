# Construct: special methods — __eq__/__hash__ (dict keys, unhashable beside __eq__), ordering reflected to the subclass, sorted/min/max of objects, __len__/__bool__ truth, __contains__, __getitem__/__setitem__/__delitem__, __iter__/__next__, __call__ (an async one gathered).
import asyncio

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents

a, b, c = Money(5), Money(3), Money(5)
print(a == c, a != c, a == b, a != b, a is c, a == 5, 5 == a)
print(sorted([a, b, c, Money(1)]), min(a, b), max([b, a]))
print(b < a, a > b, b <= a, a >= c, {a: "five", b: "three"}[c], a in [b, c], len([a]))
d = {}
d[a] = 1
d[c] = 2
print(d)

class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError", e)
print(NoHash() == 1, NoHash() != 1, [1, 2].index(NoHash()), NoHash() in [5])

class Plain:
    pass
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError", e)
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print("TypeError", e)

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __call__(self, x, times=1):
        return [x] * times

bag = Bag(1, 2, 3)
print(len(bag), bool(bag), bool(Bag()), 2 in bag, 9 not in bag, bag[0], bag[-1], bag[1:])
bag[0] = 10
del bag[1]
print(bag.items, list(bag), [x * 2 for x in bag], sum(bag), bag("z", times=3), sorted(bag, reverse=True))
if not Bag():
    print("empty bag is falsy")

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)), next(Countdown(5)), [i for i in Countdown(2)])
for i in Countdown(2):
    print("tick", i)
it = Countdown(1)
print(next(it), next(it, "done"))

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no", Flag(True) and 1, not Flag(True))

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)

class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(1, 2), Version(1, 10), Version(1, 2, 1), Version(0, 9)]
print(sorted(vs), max(vs), sorted(vs, key=lambda v: v.parts[-1]), vs.index(Version(1, 10)), vs.count(Version(1, 2)))

class Greater(Version):
    def __lt__(self, other):
        print("Greater.__lt__")
        return False
    def __gt__(self, other):
        print("Greater.__gt__")
        return True
print(Version(1) < Greater(2))

async def main():
    class Job:
        def __init__(self, priority, name):
            self.priority, self.name = priority, name
        def __lt__(self, other):
            return self.priority < other.priority
        async def __call__(self):
            await asyncio.sleep(self.priority / 10)
            print("ran", self.name)
            return self.name
    jobs = sorted([Job(3, "c"), Job(1, "a"), Job(2, "b")])
    print(await asyncio.gather(*(j() for j in jobs)))

asyncio.run(main())
