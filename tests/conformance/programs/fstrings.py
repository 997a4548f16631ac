# Construct: f-strings with {name} and simple expressions (arithmetic, comparison, calls, nested quotes).
import asyncio

def double(n):
	return n * 2

async def main():
	name = "coffee"
	cups = 3
	price = 2.5
	print(f"{name}")
	print(f"{cups} cups of {name}")
	print(f"total {cups * price} for {cups + 0} cups")
	print(f"more than two? {cups > 2}; none? {None}; double {double(cups)}")
	print(f"{'quoted'} and {{braces}} and {[1, 2]} {(1, 'a')}")
	print(f"{cups}{cups}{name}", f"")

asyncio.run(main())
