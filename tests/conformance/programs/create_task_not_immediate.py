# Rule: create_task schedules the task's first step with call_soon; it runs only when the creator yields.
import asyncio

async def job(name):
	print("job", name, "starts")
	await asyncio.sleep(1)
	print("job", name, "ends")

async def main():
	t1 = asyncio.create_task(job("one"))
	print("created one")
	t2 = asyncio.create_task(job("two"))
	print("created two")
	print("main still running; one started?", t1.done())
	await asyncio.sleep(0)
	print("main resumed after both first steps")
	await t1
	await t2

asyncio.run(main())
