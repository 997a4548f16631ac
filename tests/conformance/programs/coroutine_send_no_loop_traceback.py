# A coroutine driven by send() outside asyncio.run() that awaits asyncio.sleep(1): sleep() asks for the
# running loop and fails; the uncaught RuntimeError's traceback shows the send(), the coroutine's await
# and asyncio's own line.
import asyncio


async def nap():
    print("about to sleep")
    await asyncio.sleep(1)


c = nap()
c.send(None)
