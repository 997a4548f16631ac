# Construct: bitwise operators & | ^ ~ << >> and their augmented forms on ints and bools, with CPython's precedence and errors.
import asyncio

READ, WRITE, EXECUTE = 1, 2, 4

async def check(flags, name):
	await asyncio.sleep(0.01 * flags)
	allowed = [label for bit, label in ((READ, "r"), (WRITE, "w"), (EXECUTE, "x")) if flags & bit]
	print(name, flags, "".join(allowed) or "-", bin(flags))

async def main():
	await asyncio.gather(check(READ | WRITE, "a"), check(EXECUTE, "b"), check(0, "c"), check(READ ^ EXECUTE | WRITE, "d"))
	print(5 & 3, 5 | 3, 5 ^ 3, ~5, 5 << 2, 5 >> 1, -5 >> 1, -5 & 3, -5 | 3, -5 ^ 3)
	print(1 | 2 ^ 3 & 4 << 1, (1 | 2) ^ 3, 1 + 2 << 3, 2 ** 3 << 1, -1 << 3, 16 >> 10)
	print(True & False, True | False, True ^ True, ~True, ~False, True << 3, True & 3)
	mask = 0
	mask |= 8
	mask ^= 2
	mask <<= 3
	mask >>= 1
	mask &= 0b1111_1111
	print(mask, f"{mask:08b}")
	try:
		print(1.5 | 1)
	except TypeError as e:
		print("TypeError:", e)
	try:
		x = None
		x &= 1
	except TypeError as e:
		print("TypeError:", e)
	try:
		print(~1.5)
	except TypeError as e:
		print("TypeError:", e)
	try:
		print(1 << -1)
	except ValueError as e:
		print("ValueError:", e)

	for left, right in [("ab", 1.5), ([1], [2]), (None, (1,)), (2.0, "x")]:
		try:
			print(left * right)
		except TypeError as e:
			print("TypeError:", e)

asyncio.run(main())
