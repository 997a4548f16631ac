# loop.run_forever until a task calls loop.stop(): the lifecycle style of the tutorial's last section
import asyncio

async def tick(loop):
    for i in range(3):
        print("tick", i, loop.time())
        await asyncio.sleep(1)
    loop.stop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.create_task(tick(loop))
loop.run_forever()
print("stopped", loop.is_running())
loop.close()
