import asyncio
import time

# time.sleep() is an ordinary, synchronous call: it blocks the whole thread,
# so the event loop cannot switch to another task while it waits.
async def brew_coffee() -> str:
	print("Start brewing coffee...")
	time.sleep(3)				# Blocks the event loop for 3 seconds
	print("Done brewing coffee.")
	return "Coffee is ready!"

async def toast_bagel() -> str:
	print("Start toasting bagel...")
	time.sleep(3)				# Blocks again: nothing else can run meanwhile
	print("Done toasting bagel.")
	return "Bagel is ready!"

async def main():
	# The same gather as before, but it now takes 6 seconds instead of 3
	coffee_result, bagel_result = await asyncio.gather(brew_coffee(), toast_bagel())
	print(coffee_result)
	print(bagel_result)

asyncio.run(main())
