# A future's exception nobody retrieved is logged when the future goes; a retrieved one is not
# conformance: whole stderr
import asyncio


async def fail_later(fut):
    await asyncio.sleep(0.1)
    try:
        {}["missing"]
    except KeyError as e:
        fut.set_exception(e)


async def main():
    loop = asyncio.get_running_loop()
    lost = loop.create_future()
    lost.set_exception(ValueError("nobody looks"))
    del lost
    print("after del")
    kept = loop.create_future()
    kept.set_exception(ValueError("looked at"))
    print(kept.exception())
    del kept
    raised = loop.create_future()
    await fail_later(raised)
    del raised
    print("end of main")


asyncio.run(main())
