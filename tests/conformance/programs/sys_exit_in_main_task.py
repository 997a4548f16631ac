# sys.exit(3) in asyncio.run's main task: its finally runs, the other task is cancelled as asyncio.run
# ends, and the process exits with status 3 without a traceback.
import asyncio
import sys


async def ticker():
    try:
        while True:
            await asyncio.sleep(0.3)
            print("tick")
    finally:
        print("ticker cancelled")


async def main():
    asyncio.create_task(ticker())
    try:
        await asyncio.sleep(1)
        print("giving up")
        sys.exit(3)
    finally:
        print("main's finally")


asyncio.run(main())
print("never printed")
