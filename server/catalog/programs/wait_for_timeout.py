import asyncio

def now() -> float:
	return asyncio.get_running_loop().time()	# program time, in seconds

async def slow_answer() -> int:
	print(f"t={now()} slow_answer starts: it needs 5 seconds")
	try:
		await asyncio.sleep(5)
	except asyncio.CancelledError:
		print(f"t={now()} slow_answer is cancelled")
		raise
	return 42

async def main():
	try:
		answer = await asyncio.wait_for(slow_answer(), timeout=2)
		print("Answer:", answer)
	except TimeoutError:
		print(f"t={now()} wait_for gave up after 2 seconds")

	answer = await asyncio.wait_for(slow_answer(), timeout=10)	# enough time
	print(f"t={now()} Answer: {answer}")

asyncio.run(main())
