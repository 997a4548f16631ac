# asyncio.Event as a starting gun: waiters wake in the order they waited, set() twice, clear(), wait() when set
import asyncio


async def runner(name, gun):
    print(name, "ready", gun)
    await gun.wait()
    print(name, "runs at", asyncio.get_running_loop().time(), gun.is_set())


async def main():
    gun = asyncio.Event()
    print(gun, gun.is_set())
    runners = [asyncio.create_task(runner(f"r{i}", gun)) for i in range(3)]
    await asyncio.sleep(0.5)
    print(gun)
    gun.set()
    gun.set()
    print(gun)
    await asyncio.gather(*runners)
    print(await gun.wait())
    gun.clear()
    print(gun.is_set(), gun)
    late = asyncio.create_task(runner("late", gun))
    await asyncio.sleep(1)
    late.cancel()
    try:
        await late
    except asyncio.CancelledError:
        print("late was cancelled", gun)


asyncio.run(main())
