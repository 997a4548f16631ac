# list.copy(): a shallow copy (a new list, the same items); its argument errors.
import asyncio


async def main():
    queue = [["a"], "b", 3]
    snapshot = queue.copy()
    queue.append("late")
    snapshot[0].append("shared")
    print(queue, snapshot, snapshot is queue, snapshot[0] is queue[0])
    await asyncio.sleep(0.1)
    for bad in (lambda: queue.copy(1), lambda: queue.copy(deep=True)):
        try:
            bad()
        except TypeError as e:
            print(e)


asyncio.run(main())
