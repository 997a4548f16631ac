# A learner's pipeline of generators feeding async workers: batches, filters and a running average.
import asyncio


def read_orders():
    orders = [("tea", 3), ("cake", 0), ("coffee", 2), ("tea", 5), ("bun", 1), ("coffee", 4), ("cake", 2)]
    for number, (item, qty) in enumerate(orders, start=1):
        print(f"read order {number}")
        yield number, item, qty


def valid(orders):
    for number, item, qty in orders:
        if qty > 0:
            yield number, item, qty
        else:
            print(f"skipped order {number}")


def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def running_average():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


async def prepare(number, item, qty):
    await asyncio.sleep(qty * 0.1)
    print(f"  prepared {qty} x {item} (order {number})")
    return qty


async def main():
    averages = running_average()
    next(averages)
    for batch in batches(valid(read_orders()), 2):
        done = await asyncio.gather(*(prepare(*order) for order in batch))
        print("batch done:", done, "at", round(asyncio.get_running_loop().time() - start, 2))
    squares = (n * n for n in range(5))
    print(sum(squares), list(squares))


start = 0.0


async def run():
    global start
    start = asyncio.get_running_loop().time()
    await main()


asyncio.run(run())
