# Debug mode off, said out loud: get_debug() is False, set_debug(False), Runner(debug=False) and
# asyncio.run(debug=False) run as CPython does (debug mode itself, True, is refused).
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug())
    loop.set_debug(False)
    print(loop.get_debug())
with asyncio.Runner(debug=False) as r:
    r.run(main())
asyncio.run(main(), debug=False)
