# Learner program: an inventory updated by concurrent orders — dicts of dicts, closures, lambda sorting, generator expressions.
import asyncio

stock = {"apple": {"count": 5, "price": 0.5}, "pear": {"count": 2, "price": 0.75}, "fig": {"count": 0, "price": 2}}

def make_order(name, wants):
    async def order():
        await asyncio.sleep(len(name) * 0.1)
        item = stock.get(name)
        if item is None:
            raise KeyError(name)
        taken = min(item["count"], wants)
        item["count"] -= taken
        print(f"{name}: wanted {wants}, got {taken}, {item['count']} left")
        return name, taken * item["price"]
    return order

async def main():
    orders = [make_order(n, w)() for n, w in [("apple", 3), ("pear", 5), ("kiwi", 1), ("apple", 4)]]
    results = await asyncio.gather(*orders, return_exceptions=True)
    paid = {r[0]: r[1] for r in results if isinstance(r, tuple)}
    failed = [repr(r) for r in results if isinstance(r, Exception)]
    print(paid, failed)
    print(sorted(stock, key=lambda n: (stock[n]["count"], n)), sum(v["count"] for v in stock.values()))
    print(any(v["count"] == 0 for v in stock.values()), {k: v["count"] for k, v in stock.items() if v["count"]})

asyncio.run(main())
