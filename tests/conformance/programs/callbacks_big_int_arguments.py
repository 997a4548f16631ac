# call_soon with big integers as arguments: nothing converts them to text (CPython makes no repr of them)
import asyncio

def f(*a):
    print("f got", len(a), "args")

async def main():
    loop = asyncio.get_running_loop()
    big = 10 ** 4000
    loop.call_soon(f, *[big] * 20)
    await asyncio.sleep(0)

asyncio.run(main())
