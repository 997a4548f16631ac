# An exception in a loop callback is logged ("Exception in callback") and the loop goes on
# conformance: whole stderr
import asyncio


class Box:
    def poke(self, n):
        return 1 / n


def fails(n):
    print("fails runs with", n)
    return 10 // n


def done(task):
    print("done callback for", task.get_name(), task.result())
    raise RuntimeError("from a done callback")


async def child():
    await asyncio.sleep(0.5)
    return "child result"


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(fails, 0)
    loop.call_later(0.25, Box().poke, 0)
    loop.call_soon(len)
    loop.call_soon(5)
    t = asyncio.create_task(child())
    t.add_done_callback(done)
    print(t)
    await asyncio.sleep(1)
    print("main carries on", t)


asyncio.run(main())
