# loop.run_forever driven by callbacks (call_soon/call_later, stop() from a callback); stop() before
# run_forever runs one iteration; run_until_complete stopped early; a closed loop; run_forever inside a running loop
# conformance: whole stderr
import asyncio

def hello(loop, n):
    print("hello", n, loop.time())
    if n < 3:
        loop.call_later(0.5, hello, loop, n + 1)
    else:
        loop.stop()

loop = asyncio.new_event_loop()
loop.call_soon(hello, loop, 0)
loop.run_forever()
print("after", loop.is_running(), loop.is_closed())
loop.stop()
loop.call_soon(print, "one iteration")
loop.call_later(1, print, "never")
loop.run_forever()
print("stopped again at", loop.time())
fut = loop.create_future()
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print(e)
loop.close()
try:
    loop.run_forever()
except RuntimeError as e:
    print(e)

async def inner():
    asyncio.get_running_loop().run_forever()

asyncio.run(inner())
