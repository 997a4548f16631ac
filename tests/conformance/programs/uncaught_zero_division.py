# Error: an uncaught ZeroDivisionError in main ends the program with exit status 1 and CPython's traceback.
import asyncio

def ratio(a, b):
	return a / b

async def main():
	print("computing")
	await asyncio.sleep(0.5)
	print(ratio(1, 2))
	print(ratio(1, 0))
	print("not reached")

asyncio.run(main())
print("not reached either")
