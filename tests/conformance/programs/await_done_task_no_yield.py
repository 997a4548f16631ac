# Rule: awaiting a task that is already done returns its result at once, without yielding to other tasks.
import asyncio

async def quick():
	print("quick runs")
	return 42

async def other():
	print("other runs")

async def main():
	q = asyncio.create_task(quick())
	await asyncio.sleep(0.5)
	print("quick done?", q.done())
	o = asyncio.create_task(other())
	value = await q
	print("got", value, "before other ran")
	await o
	print("end")

asyncio.run(main())
