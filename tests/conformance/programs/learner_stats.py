# Learner program: response-time statistics over tasks — big sums, map/filter/zip/enumerate, divmod, rounding, formatting.
import asyncio

async def probe(host, latency):
    await asyncio.sleep(latency)
    return host, latency

async def main():
    hosts = ["db", "cache", "api", "web", "queue"]
    latencies = [0.12, 0.03, 0.25, 0.08, 0.4]
    results = await asyncio.gather(*map(probe, hosts, latencies))
    for rank, (host, latency) in enumerate(sorted(results, key=lambda r: r[1]), start=1):
        print(f"{rank:>2}. {host:<6}{latency * 1000:>7.1f} ms")
    slow = list(filter(lambda r: r[1] > 0.1, results))
    print("slow:", [h for h, _ in slow], "fast:", [h for h, l in results if l <= 0.1])
    total = sum(l for _, l in results)
    mean = total / len(results)
    print(f"mean {mean:.3f}s, max {max(latencies)}, spread {max(latencies) - min(latencies):.2f}")
    minutes, seconds = divmod(3725, 60)
    print(minutes, seconds, round(mean, 2), round(2.675, 2), round(12345, -2), f"{2 ** 64:,}", hex(255), 7 // 2, -7 // 2, 7 % -3)
    pairs = dict(zip(hosts, latencies))
    print(pairs, list(reversed(hosts)), [h.upper() for h in hosts if "a" in h])

asyncio.run(main())
