# Construct: heapq's C functions — heappush, heappop, heapify, heapreplace, heappushpop — the same list CPython makes (ties, tuples, a program's __lt__ and the order it is asked in), their errors, and a scheduler of timed jobs on a heap driven by asyncio.
import asyncio
import heapq
import random

random.seed(11)
data = [random.randint(0, 50) for _ in range(25)]
heap = list(data)
heapq.heapify(heap)
print(heap)
print([heapq.heappop(heap) for _ in range(5)], heap)
heapq.heappush(heap, -1)
print(heapq.heapreplace(heap, 99), heapq.heappushpop(heap, 3), heapq.heappushpop(heap, 100), heap)
print(heapq.heappushpop([], 7), heapq.heappop([4]))

tasks = []
for name, priority in [("write", 2), ("read", 1), ("send", 2), ("idle", 5), ("boot", 0), ("read", 1)]:
    heapq.heappush(tasks, (priority, name))
print(tasks)
print([heapq.heappop(tasks) for _ in range(len(tasks))])


class Job:
    asked = 0

    def __init__(self, name, due):
        self.name, self.due = name, due

    def __lt__(self, other):
        Job.asked += 1
        print(f"  {self.name} < {other.name}?")
        return self.due < other.due

    def __repr__(self):
        return f"Job({self.name}, {self.due})"


jobs = [Job("c", 3), Job("a", 1), Job("d", 4), Job("b", 1), Job("e", 0)]
heapq.heapify(jobs)
print(jobs, Job.asked)

for call in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((1,), 2),
             lambda: heapq.heapify((1, 2)), lambda: heapq.heappop(None), lambda: heapq.heappush([1]),
             lambda: heapq.heappop([1], 2), lambda: heapq.heappush(heap=[], item=1), lambda: heapq.heapify([3, "a", 1])):
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)


class Shrinking:
    def __init__(self, n, heap):
        self.n, self.heap = n, heap

    def __lt__(self, other):
        self.heap.clear()
        return True


shrink = []
shrink.append(Shrinking(1, shrink))
try:
    heapq.heappush(shrink, Shrinking(2, shrink))
except RuntimeError as e:
    print("RuntimeError", e)
print(heapq.heappush, heapq.heapify)


async def scheduler():
    loop = asyncio.get_running_loop()
    start = loop.time()
    timers = []
    for delay, what in [(0.3, "third"), (0.1, "first"), (0.2, "second"), (0.1, "also first")]:
        heapq.heappush(timers, (delay, what))
    while timers:
        delay, what = heapq.heappop(timers)
        await asyncio.sleep(max(0.0, start + delay - loop.time()))
        print(f"{loop.time() - start:.1f} {what}")


asyncio.run(scheduler())
