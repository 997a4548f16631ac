import asyncio
async def inner():
    await asyncio.sleep(1)
    raise KeyError("k")
async def outer():
    try:
        await inner()
    except KeyError as e:
        print("caught", e, type(e).__name__)
    await inner()
asyncio.run(outer())
