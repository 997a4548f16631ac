# run_until_complete on a closed loop, run_forever of another loop inside asyncio.run: base_events' checks
# conformance: whole stderr
import asyncio

loop = asyncio.new_event_loop()
loop.close()
try:
    loop.run_until_complete(asyncio.sleep(0))
except RuntimeError as e:
    print(e)

async def inner():
    other = asyncio.new_event_loop()
    other.run_forever()

asyncio.run(inner())
