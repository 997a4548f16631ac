# Interpreter exit waits for the default executor's threads (threading._shutdown joins them): a call
# left running by a closed loop still prints at its own program time.
import asyncio, time
def w():
    time.sleep(1)
    print("thread end")
loop = asyncio.new_event_loop()
fut = loop.run_in_executor(None, w)
loop.run_until_complete(asyncio.sleep(0.25))
loop.close()
print("closed")
