# An asynchronous generator alive when asyncio.run() ends whose cleanup awaits and then raises: closed by
# shutdown_asyncgens' gather, the exception logged as the loop's exception handler logs it.
import asyncio
async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("ticker closed", asyncio.current_task().get_name())
        await asyncio.sleep(0.1)
        raise ValueError("bad close")
kept = []
async def main():
    kept.append(ticker(5))
    print(await kept[0].__anext__())
    print("main ends", asyncio.current_task().get_name())
asyncio.run(main())
print("done")
