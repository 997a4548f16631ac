# Learner program: a pipeline of stage objects passing items along shared lists — a base class with an async run() template method, subclasses overriding a step, and a report built from the objects.
import asyncio


class Stage:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        self.inbox = []
        self.outbox = None
        self.processed = 0

    def connect(self, other):
        self.outbox = other.inbox
        return other

    def transform(self, item):
        return item

    async def run(self, expected):
        while self.processed < expected:
            if not self.inbox:
                await asyncio.sleep(0.01)
                continue
            item = self.inbox.pop(0)
            await asyncio.sleep(self.delay)
            result = self.transform(item)
            self.processed += 1
            print(f"[{self.name}] {item!r} -> {result!r}")
            if self.outbox is not None:
                self.outbox.append(result)

    def __str__(self):
        return f"{type(self).__name__}({self.name}, {self.processed} done)"


class Upper(Stage):
    def transform(self, item):
        return item.upper()


class Exclaim(Stage):
    def __init__(self, name, delay, marks=1):
        super().__init__(name, delay)
        self.marks = marks

    def transform(self, item):
        return super().transform(item) + "!" * self.marks


class Collect(Stage):
    def __init__(self, name):
        super().__init__(name, 0)
        self.items = []

    def transform(self, item):
        self.items.append(item)
        return len(self.items)


async def main():
    words = ["ready", "set", "go"]
    first = Stage("read", 0.02)
    last = Collect("collect")
    stages = [first, Upper("upper", 0.03), Exclaim("exclaim", 0.01, marks=2), last]
    for a, b in zip(stages, stages[1:]):
        a.connect(b)
    first.inbox.extend(words)
    print([type(s).__name__ for s in stages], last.outbox is None)
    await asyncio.gather(*(s.run(len(words)) for s in stages))
    print(last.items)
    for s in stages:
        print(s)


asyncio.run(main())
