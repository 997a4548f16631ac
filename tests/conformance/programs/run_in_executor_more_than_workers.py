# The default executor has min(32, os.cpu_count() + 4) threads (6 on 2 cores): more blocking calls than that wait in
# its queue for a thread to finish. A worker that is free takes the next call at once.
import asyncio
import time

START = time.monotonic()


def job(i):
    time.sleep(1)
    return (i, round(time.monotonic() - START, 2))


async def main():
    loop = asyncio.get_running_loop()
    # 40 calls: more than any machine's default executor has threads (at most 32)
    futures = [loop.run_in_executor(None, job, i) for i in range(40)]
    done_at = {}
    for fut in asyncio.as_completed(futures):
        i, t = await fut
        done_at.setdefault(t, []).append(i)
    for t, jobs in sorted(done_at.items()):
        print(f"at {t}: {len(jobs)} jobs done, the first {min(jobs)}, the last {max(jobs)}")


asyncio.run(main())
