from asyncio import AbstractEventLoop	# Import `AbstractEventLoop` for type-hints
import asyncio

async def main():
	print("Inside main: is the loop running?", asyncio.get_event_loop().is_running())
	await asyncio.sleep(1)
	print("main is done")

# Instantiate the loop
loop: AbstractEventLoop = asyncio.get_event_loop()

# Run the loop in a `try` bloc
try:
	print("Before run_until_complete: is_running() =", loop.is_running())	# Returns `True`
	loop.run_until_complete(main())
finally:
	loop.close()
	print("After close: is_closed() =", loop.is_closed())	# Returns `True`
