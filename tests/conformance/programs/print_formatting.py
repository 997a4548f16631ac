# Construct: print with sep/end and str/int/float/bool/None/list/tuple values, formatted as CPython does.
import asyncio

async def main():
	print("a", "b", "c")
	print("a", "b", "c", sep="-")
	print("no newline", end="")
	print(" ... continued", end="!\n")
	print("x", "y", sep="", end="\n\n")
	print()
	print(1, -2, 3.0, 0.5, -0.25, True, False, None)
	print([1, 2, 3], ["tea", "it's"], [], [None, True, 1.5])
	print((1, 2), (1,), (), ("a", [2, (3,)]))
	print("tabs\tand 'quotes'", sep=None, end=None)
	print(["tab\there", 'double " quote'])
	print(100.0, 1e16, 1.5e-07, 123456789.0, 0.1 + 0.2, 1 / 3, 2 / 3)

asyncio.run(main())
