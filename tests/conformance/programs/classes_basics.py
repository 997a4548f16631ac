# Construct: classes — __init__, instance and class attributes, async methods awaited by gather, __repr__, a subclass calling super(), a class inside a function, AttributeError and TypeError from instances.
import asyncio

class Worker:
    """A worker."""
    count = 0

    def __init__(self, name, delay=0.1):
        self.name = name
        self.delay = delay
        self.done = []
        Worker.count += 1

    async def work(self, n):
        for i in range(n):
            await asyncio.sleep(self.delay)
            self.done.append(i)
            print(f"{self.name} did {i}")
        return len(self.done)

    def __repr__(self):
        return f"Worker({self.name!r}, {self.delay})"

class Fast(Worker):
    def __init__(self, name):
        super().__init__(name, delay=0.05)
        self.kind = "fast"

    async def work(self, n):
        r = await super().work(n)
        print("fast finished", self)
        return r * 10

async def main():
    ws = [Worker("a"), Fast("b")]
    print(ws, Worker.count, type(ws[1]).__name__, isinstance(ws[1], Worker), isinstance(ws[0], Fast))
    results = await asyncio.gather(*(w.work(3) for w in ws))
    print(results)
    print(str(ws[0]), ws[1].kind, issubclass(Fast, Worker), issubclass(Worker, object))
    o = object()
    print(type(o).__name__)
    class Local:
        pass
    l = Local()
    print(Local.__qualname__, repr(Local)[:30])
    try:
        ws[0].missing
    except AttributeError as e:
        print("AE", e)
    try:
        Worker()
    except TypeError as e:
        print("TE", e)
    del ws[1].kind
    try:
        print(ws[1].kind)
    except AttributeError as e:
        print("AE", e)
    m = ws[0].work
    print(type(m).__name__, m.__name__)

asyncio.run(main())
