# A ValueError raised in a finally while asyncio.timeout expires: it replaces the CancelledError, so no TimeoutError (from a review against python3)
import asyncio

async def main():
    async with asyncio.timeout(0.1) as cm:
        try:
            await asyncio.sleep(1)
        finally:
            print("expired?", cm.expired())
            raise ValueError("in finally")

asyncio.run(main())
