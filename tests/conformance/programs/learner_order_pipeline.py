# A learner's order pipeline: an Enum for order states, an asynchronous generator of incoming orders,
# workers that fail some orders, and except* sorting the failures by kind.
import asyncio
import time
from enum import Enum, auto


class Status(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    FAILED = auto()


class PaymentError(Exception):
    pass


class StockError(Exception):
    pass


class Order:
    def __init__(self, number, amount):
        self.number = number
        self.amount = amount
        self.status = Status.NEW

    def __repr__(self):
        return f"Order({self.number}, {self.amount}, {self.status.name})"


async def incoming(count):
    for n in range(1, count + 1):
        await asyncio.sleep(0.2)
        yield Order(n, n * 15)


async def process(order):
    await asyncio.sleep(0.1 * (order.number % 3))
    if order.amount > 60:
        order.status = Status.FAILED
        raise PaymentError(f"order {order.number}: {order.amount} is over the limit")
    if order.number == 2:
        order.status = Status.FAILED
        raise StockError(f"order {order.number}: out of stock")
    order.status = Status.PAID
    await asyncio.sleep(0.05)
    order.status = Status.SHIPPED
    return order


async def main():
    print(f"opened at {time.strftime('%X')}")
    orders = [order async for order in incoming(6)]
    print("received", orders)
    results = await asyncio.gather(*(process(o) for o in orders), return_exceptions=True)
    failures = [r for r in results if isinstance(r, Exception)]
    try:
        raise ExceptionGroup("failed orders", failures)
    except* PaymentError as group:
        for e in group.exceptions:
            print("refund:", e)
    except* StockError as group:
        print("restock:", [str(e) for e in group.exceptions])
    by_status = {}
    for o in orders:
        by_status.setdefault(o.status, []).append(o.number)
    for status in Status:
        print(f"{status.name:8} {by_status.get(status, [])}")
    print(f"closed at {time.strftime('%X')}")

asyncio.run(main())
