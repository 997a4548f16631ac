# Five thousand to_thread sleeps: at most 32 threads (min(32, cpu_count + 4)), the rest queued; the run
# stays within its bounds and ends as CPython's would.
# expect: ok
# stdout: 5000
import asyncio
import time


async def main():
    done = await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.001) for _ in range(5_000)))
    print(len(done))


asyncio.run(main())
