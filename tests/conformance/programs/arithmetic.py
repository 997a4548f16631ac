# Construct: integer and float arithmetic and comparisons, with CPython's results (floor division, modulo, powers).
import asyncio

async def main():
	print(7 + 3, 7 - 10, 7 * 6, 7 / 2, 8 / 4)
	print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3)
	print(2 ** 10, 2 ** -1, -3 ** 2, (-3) ** 2)
	print(7.5 // 2, 7.5 % 2, -7.5 // 2, 1.5 * 4, 0.1 * 3)
	print(1 + 2 * 3, (1 + 2) * 3, 10 - 2 - 3, 2 ** 3 ** 2)
	print(3 == 3.0, 1 < 2 < 3, 3 > 2 > 2, 1 != 1.0, 2 <= 2, "a" < "b")
	print(1 and 2, 0 and 2, 0 or "default", None or 0, not 0, not "x")
	print(True + True, 10 * 1.0, 3 - 0.5, -(-4))
	x = 5
	x = x * 2 + 1
	print("x is", x, x / 11)

asyncio.run(main())
