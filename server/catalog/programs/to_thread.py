import asyncio
import time

# time.sleep() blocks the thread it runs in. asyncio.to_thread() runs a blocking
# function in a worker thread, so the event loop's own thread stays free.
def brew_coffee() -> str:
	time.sleep(3)				# Blocks this worker thread only
	print("Done brewing coffee.")
	return "Coffee is ready!"

def toast_bagel() -> str:
	time.sleep(2)				# Blocks another worker thread
	print("Done toasting bagel.")
	return "Bagel is ready!"

async def keep_busy():
	for i in range(3):
		await asyncio.sleep(0.5 if i == 0 else 1)
		print("The loop runs other tasks meanwhile.")

async def main():
	print("Start brewing coffee...")
	print("Start toasting bagel...")
	# Both blocking functions run at once, each in a thread of its own: 3 seconds again, not 5
	coffee_result, bagel_result, _ = await asyncio.gather(
		asyncio.to_thread(brew_coffee),
		asyncio.to_thread(toast_bagel),
		keep_busy(),
	)
	print(coffee_result)
	print(bagel_result)

asyncio.run(main())
