# Construct: operators on objects — __add__/__sub__/__mul__/__truediv__ with __rmul__/__radd__ reflections (sum() of objects), __iadd__ in place and += falling back to __add__, the subclass's reflection first, unary __neg__ and abs(), and CPython's TypeErrors.
import asyncio

class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

v, w = Vector(3, 4), Vector(1, 2)
print(v + w, v - w, v * 2, 3 * v, v / 2, -v, abs(v), v == Vector(3, 4))
u = v
u += w
print(u, v, u is v)
try:
    v + 1
except AttributeError as e:
    print("AttributeError", e)
try:
    "a" + v
except TypeError as e:
    print("TypeError", e)
try:
    v % w
except TypeError as e:
    print("TypeError", e)
try:
    v -= 5
except AttributeError as e:
    print("AttributeError", e)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        print("radd", other)
        return self + other
    def __iadd__(self, other):
        print("iadd")
        self.cents += other.cents if isinstance(other, Money) else other
        return self
    def __repr__(self):
        return f"${self.cents / 100:.2f}"

wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), sum(wallet, Money(0)), 10 + wallet[0])
m = Money(1)
m += Money(2)
m += 7
print(m)

class Sub(Money):
    def __radd__(self, other):
        print("Sub radd first")
        return Money(-1)
print(Money(1) + Sub(2))

async def main():
    class Counter:
        def __init__(self):
            self.n = 0
        def __iadd__(self, k):
            self.n += k
            return self
    c = Counter()
    async def bump(k):
        nonlocal c
        await asyncio.sleep(k / 10)
        c += k
        print("bumped", c.n)
    await asyncio.gather(bump(2), bump(1))

asyncio.run(main())
