# Queue.get on a queue bound to an earlier loop: the whole traceback through queues.py and mixins.py
# conformance: whole stderr
import asyncio
q = asyncio.Queue()
async def a(): await q.put(1); await q.get(); t = asyncio.create_task(q.get()); await asyncio.sleep(0); t.cancel()
asyncio.run(a())
async def b():
    await q.get()
asyncio.run(b())
