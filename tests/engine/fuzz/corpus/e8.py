import asyncio
async def child(i):
    await asyncio.sleep(i)
    print("child", i)
async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(3)]
    done = await asyncio.gather(*tasks)
    print(done, tasks[0])
    loop = asyncio.get_running_loop()
    print(loop.time(), loop.is_running())
asyncio.run(main())
