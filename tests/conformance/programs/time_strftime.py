# The Python docs' asyncio examples print time.strftime('%X'): the program's clock (time.time(), a fixed
# epoch plus program time) as a calendar time, here in UTC; and time.ctime().
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")
    print(time.strftime("%Y-%m-%d %H:%M:%S %Z %a %A %b %B %j %p %I %y %% %c %x"))
    print(time.ctime(), "|", time.ctime(0), "|", time.ctime(1e9 + 0.7), "|", time.ctime(None))
    await asyncio.sleep(1800 + 61)
    print(time.strftime("%H:%M"), time.strftime(""), repr(time.strftime("plain")))
    for bad in [lambda: time.strftime(5), lambda: time.strftime(), lambda: time.ctime("x")]:
        try:
            bad()
        except TypeError as e:
            print(e)

asyncio.run(main())
