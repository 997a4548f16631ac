import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

def remind(what: str):
	print(f"t={now()} reminder: {what}")

async def main():
	loop = asyncio.get_running_loop()
	loop.call_later(2, remind, "stretch")	# a plain function, called in 2 seconds
	loop.call_later(1, remind, "drink water")
	tea = loop.call_later(3, remind, "tea")
	print(f"t={now()} three reminders set; the tea one is due at t={tea.when()}")
	tea.cancel()				# a handle can be cancelled before it runs
	await asyncio.sleep(4)			# keep the loop running meanwhile
	print(f"t={now()} main ends")

asyncio.run(main())
