# Interpreter exit waits for the default executor's threads: a call submitted to a loop that never runs
# still runs in its thread, and the program ends when it does.
import asyncio, time
def w():
    time.sleep(1)
    print("thread end")
loop = asyncio.new_event_loop()
fut = loop.run_in_executor(None, w)
print("submitted")
