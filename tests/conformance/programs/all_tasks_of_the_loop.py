# asyncio.all_tasks(): the running loop's tasks not yet done, as a set (printed sorted: its order is
# CPython's addresses'), with loop=; outside a running loop it is a RuntimeError
import asyncio

async def w(n):
    await asyncio.sleep(n)

async def main():
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    ts = [asyncio.create_task(w(i), name=f"w{i}") for i in range(3)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks(asyncio.get_running_loop())))
    print(type(asyncio.all_tasks()).__name__)
    await asyncio.gather(*ts)
    print(asyncio.all_tasks() == {asyncio.current_task()})

asyncio.run(main())
try:
    asyncio.all_tasks()
except RuntimeError as e:
    print(e)
