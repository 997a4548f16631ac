# asyncio.Runner: several run()s on one loop, get_loop, close() cancelling a forgotten task, a closed
# runner, loop_factory, run(42), and an uncaught error's traceback through runners.py
# conformance: whole stderr
import asyncio

async def step(name, delay):
    await asyncio.sleep(delay)
    print(name, asyncio.get_running_loop().time(), asyncio.current_task().get_name())
    return name

async def forgotten():
    try:
        await asyncio.sleep(100)
    finally:
        print("forgotten cancelled at close")

async def leave_one():
    asyncio.create_task(forgotten())
    await asyncio.sleep(0)

with asyncio.Runner() as runner:
    print(runner.run(step("first", 1)))
    print(runner.run(step("second", 2)))
    loop = runner.get_loop()
    print(loop.is_running(), loop.is_closed(), asyncio.get_event_loop() is loop)
    runner.run(leave_one())
print(loop.is_closed())
try:
    runner.run(step("again", 1))
except RuntimeError as e:
    print(e)
runner2 = asyncio.Runner(loop_factory=asyncio.new_event_loop)
print(runner2.run(step("factory", 0.5)))
runner2.close()
try:
    asyncio.Runner().run(42)
except ValueError as e:
    print(e)
with asyncio.Runner() as r:
    r.run(step("fail", 1))
    r.run(asyncio.sleep("x"))
