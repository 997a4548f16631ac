# A handle cancelled by an argument's __repr__ while asyncio logs its exception (once a crash)
# conformance: whole stderr
import asyncio

handles = []

class Evil:
    def __repr__(self):
        handles[0].cancel()
        return "Evil"

def boom(*args):
    raise ValueError("boom")

async def main():
    loop = asyncio.get_running_loop()
    handles.append(loop.call_soon(boom, Evil(), [1, 2, 3]))
    await asyncio.sleep(0)
    print("end", handles[0])

asyncio.run(main())
