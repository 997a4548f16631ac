# A learner's shop: a class hierarchy, properties, class methods, dunder methods and async restocking.
import asyncio


class Item:
    count = 0

    def __init__(self, name, price, stock=0):
        self.name = name
        self._price = price
        self.stock = stock
        Item.count += 1

    @property
    def price(self):
        return self._price

    @price.setter
    def price(self, value):
        if value < 0:
            raise ValueError("price must not be negative")
        self._price = value

    @classmethod
    def free(cls, name):
        return cls(name, 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.price}, stock={self.stock})"

    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)

    def __bool__(self):
        return self.stock > 0


class Perishable(Item):
    def __init__(self, name, price, stock=0, days=3):
        super().__init__(name, price, stock)
        self.days = days

    def __repr__(self):
        return super().__repr__()[:-1] + f", days={self.days})"


async def restock(item, amount, delay):
    await asyncio.sleep(delay)
    item.stock += amount
    print(f"restocked {item.name} +{amount} at {delay}")
    return item


async def main():
    items = [Item("pen", 1.5), Perishable("milk", 0.99, 2), Item.free("sticker"), Item("book", 12, 1)]
    print(sorted(items))
    print([item.name for item in items if item])
    try:
        items[0].price = -1
    except ValueError as e:
        print("refused:", e)
    items[0].price = 2
    await asyncio.gather(restock(items[0], 10, 0.5), restock(items[2], 100, 0.25))
    print(sorted(items, key=lambda i: -i.stock))
    print(Item.count, isinstance(items[1], Item), issubclass(Perishable, Item))


asyncio.run(main())
