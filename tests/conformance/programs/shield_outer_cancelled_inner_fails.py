# shield(): the outer future cancelled, then the inner task fails (its exception is retrieved, not logged) (from a review against python3)
# conformance: whole stderr
import asyncio

async def failing():
    await asyncio.sleep(0.2)
    raise RuntimeError("nobody listens")

async def main():
    t = asyncio.create_task(failing())
    s = asyncio.shield(t)
    s.cancel()
    await asyncio.sleep(0.5)
    print("t done", t.done(), s.cancelled())
    u = asyncio.ensure_future(failing())
    s = asyncio.shield(u)
    await asyncio.sleep(0.5)
    print("s", s.done())
    del s, u

asyncio.run(main())
print("end")
