# A learner's own round-robin "event loop": coroutines that await asyncio.sleep(0) driven in turn with
# send(None) until each one's StopIteration carries its result; one that fails is reported and
# dropped, the rest go on. No asyncio.run() at all.
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name}: step {i}")
        await asyncio.sleep(0)
    return f"{name} finished after {steps} steps"


async def flaky():
    await asyncio.sleep(0)
    raise ValueError("flaky gave up")


def run_all(*coros):
    ready = list(coros)
    results = []
    turns = 0
    while ready:
        coro = ready.pop(0)
        turns += 1
        try:
            coro.send(None)
        except StopIteration as done:
            results.append(done.value)
        except ValueError as e:
            print("dropped:", e)
        else:
            ready.append(coro)
    print("turns:", turns)
    return results


for line in run_all(worker("a", 3), flaky(), worker("b", 2), worker("c", 0)):
    print(line)
