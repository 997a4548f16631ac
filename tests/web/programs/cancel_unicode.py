import asyncio

async def sleeper():
    print("é" * 70)
    await asyncio.sleep(0.25)

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled")
    await asyncio.sleep(1e-7)

asyncio.run(main())
