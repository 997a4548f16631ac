import asyncio

# The throughput benchmark's program: 500 tasks that sleep 20 times each on timers of 7 different
# lengths (so the timer heap and the ready queue both work), then each prints one line.
async def worker(n):
    for i in range(20):
        await asyncio.sleep(0.01 * (n % 7 + 1))
    print("worker", n, "done")
    return n

async def main():
    results = await asyncio.gather(*[worker(n) for n in range(500)])
    print("total", sum(results))

asyncio.run(main())
