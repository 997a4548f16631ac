# Construct: @dataclass — fields from annotations with defaults and field(default_factory=...), the generated __init__/__repr__/__eq__ (and their TypeErrors), __hash__ None, inheritance of fields, a class's own __repr__ kept, dataclasses in async code.
import asyncio
import dataclasses
from dataclasses import dataclass, field


@dataclass
class Order:
    id: int
    item: str
    quantity: int = 1
    notes: list = field(default_factory=list)

    def total(self, price):
        return self.quantity * price


@dataclass()
class RushOrder(Order):
    deadline: float = 0.5


@dataclasses.dataclass
class Point:
    x: float
    y: float = 0.0

    def __repr__(self):
        return f"<{self.x}, {self.y}>"


async def prepare(order):
    await asyncio.sleep(order.quantity / 10)
    order.notes.append(f"prepared {order.item}")
    return order


async def main():
    orders = [Order(1, "tea", 3), RushOrder(2, "cake", deadline=0.1), Order(3, "soup", quantity=2)]
    print(orders)
    done = await asyncio.gather(*(prepare(o) for o in orders))
    for o in sorted(done, key=lambda o: o.quantity):
        print(o, o.total(2.5))
    print(Order(1, "tea", 3) == Order(1, "tea", 3, []), Order(1, "tea") == Order(2, "tea"), Order(1, "tea") == (1, "tea", 1, []))
    print(Order(4, "x").notes is Order(5, "y").notes, Point(1), Point(1, 2) == Point(1, 2), [Point(0.5)])
    for attempt in (lambda: Order(), lambda: Order(1, "a", 2, [], 5), lambda: Order(1, item="a", colour="red"), lambda: hash(Point(1))):
        try:
            attempt()
        except TypeError as e:
            print("TypeError", e)
    r = RushOrder(9, "pie")
    r.quantity += 4
    print(r, isinstance(r, Order), Order.quantity, RushOrder.deadline)


asyncio.run(main())
