# A handle's repr shows its arguments as they are when printed, not when scheduled
import asyncio

def f(x):
    pass

async def main():
    loop = asyncio.get_running_loop()
    lst = []
    h = loop.call_soon(f, lst)
    lst.append(1)
    print(h)

asyncio.run(main())
