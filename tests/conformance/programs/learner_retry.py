# Learner program: a retry decorator with arguments around a flaky coroutine — decorators, *args/**kwargs, nonlocal counters, exceptions.
import asyncio

def retry(times, delay=0.1):
    def decorate(fn):
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError as e:
                    print(f"attempt {attempt} of {fn.__name__}{args} failed: {e!r}")
                    await asyncio.sleep(delay * attempt)
            raise TimeoutError(f"{fn.__name__} gave up after {times} attempts")
        return wrapper
    return decorate

def flaky(fail_times):
    calls = 0
    @retry(3)
    async def fetch(url, *, verbose=False):
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.05)
        if calls <= fail_times:
            raise ConnectionResetError(104, "Connection reset by peer")
        if verbose:
            print("fetched", url, "on call", calls)
        return len(url) * calls
    return fetch

async def main():
    ok = await flaky(2)("https://example.org", verbose=True)
    print("result", ok)
    try:
        await flaky(5)("https://example.com")
    except TimeoutError as e:
        print("TimeoutError:", e)
    results = await asyncio.gather(flaky(0)("a"), flaky(1)("bb"), return_exceptions=True)
    print(results)

asyncio.run(main())
