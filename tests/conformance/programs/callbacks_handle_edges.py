# Handles at the edges: a bool delay, deadlines too large for a float, a handle cancelling itself while it runs, isinstance
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(True, print, "bool delay")
    print(h.when())
    for bad in (lambda: loop.call_later(10**400, print), lambda: loop.call_at(10**400, print), lambda: h.when(1)):
        try:
            print(bad())
        except Exception as e:
            print(type(e).__name__, e)
    me = []
    def self_cancel():
        print("running; cancelling myself:", me[0].cancel(), me[0])
    me.append(loop.call_soon(self_cancel))
    print(isinstance(h, asyncio.TimerHandle), isinstance(h, asyncio.Handle))
    await asyncio.sleep(2)
asyncio.run(main())
