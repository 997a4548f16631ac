# Construct: defaultdict with asyncio — fetch tasks run under gather(return_exceptions=True); a defaultdict(int) tallies outcomes by exception type name, a defaultdict(list) groups hosts by outcome, and the failed hosts go into a deque of retries worked afterwards (a defaultdict(int) of attempts).
import asyncio
from collections import defaultdict, deque

HOSTS = {"alpha": 0.3, "beta": 0.1, "gamma": 0.5, "delta": 0.2, "eps": 0.4, "zeta": 0.15}


async def fetch(host, delay):
    await asyncio.sleep(delay)
    if host.startswith("g"):
        raise TimeoutError(f"{host} timed out")
    if len(host) == 3:
        raise ValueError(f"{host}: bad reply")
    return f"{host}:200"


async def main():
    results = await asyncio.gather(*(fetch(h, d) for h, d in HOSTS.items()), return_exceptions=True)
    tally = defaultdict(int)
    by_outcome = defaultdict(list)
    retries = deque()
    for host, result in zip(HOSTS, results):
        outcome = type(result).__name__ if isinstance(result, Exception) else "ok"
        tally[outcome] += 1
        by_outcome[outcome].append(host)
        if outcome != "ok":
            retries.append(host)
    print(tally)
    print(by_outcome)
    print(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])), tally["missing"], len(tally))
    attempts = defaultdict(int)
    while retries:
        host = retries.popleft()
        attempts[host] += 1
        try:
            print("retry", host, "->", await fetch(host + "2", 0.05))
        except Exception as exc:
            print("retry", host, "failed:", exc)
            if attempts[host] < 2:
                retries.append(host)
    print(dict(attempts), retries, by_outcome["ok"])


asyncio.run(main())
