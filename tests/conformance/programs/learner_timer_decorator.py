# A learner's decorators: one that times coroutines on the loop's clock, one with arguments.
import asyncio


def timed(label):
    def decorate(func):
        async def wrapper(*args, **kwargs):
            loop = asyncio.get_running_loop()
            began = loop.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"[{label}] {func.__name__}{args} took {loop.time() - began:.2f}s")
        return wrapper
    return decorate


def counted(func):
    calls = 0

    def wrapper(*args):
        nonlocal calls
        calls += 1
        print(f"call #{calls} of {func.__name__}")
        return func(*args)
    return wrapper


@timed("io")
async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name}.bin"


@counted
def checksum(text):
    return sum(ord(ch) for ch in text) % 251


async def main():
    files = await asyncio.gather(download("a", 0.5), download("b", 0.25))
    print(files, [checksum(f) for f in files])
    try:
        await timed("bad")(download)("c", -1)
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
