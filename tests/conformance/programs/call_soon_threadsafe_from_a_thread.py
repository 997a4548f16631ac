# A worker thread hands items to the loop with loop.call_soon_threadsafe(queue.put_nowait, item): the
# loop's task gets each at the program time the thread sent it. In a worker, get_event_loop() has no loop.
import asyncio, time
def w(loop, q):
    for i in range(3):
        time.sleep(0.25)
        loop.call_soon_threadsafe(q.put_nowait, i)
def no_loop_here():
    time.sleep(1)
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        return str(e)
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon_threadsafe(print, "from the loop's own thread too")
    q = asyncio.Queue()
    t = asyncio.create_task(asyncio.to_thread(w, loop, q))
    for _ in range(3):
        print("got", await q.get())
    await t
    print(await asyncio.to_thread(no_loop_here))
asyncio.run(main())
