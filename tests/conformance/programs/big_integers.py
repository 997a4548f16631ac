# Construct: ints of any size (factorials, Fibonacci, powers, big literals) with CPython's digits, floor division and the 4300-digit str limit.
import asyncio

async def factorial(n):
	result = 1
	for k in range(2, n + 1):
		result *= k
		if k % 10 == 0:
			await asyncio.sleep(0)
	return result

async def fibonacci(n):
	a, b = 0, 1
	for _ in range(n):
		a, b = b, a + b
	await asyncio.sleep(0.1)
	return a

async def main():
	f30, fib = await asyncio.gather(factorial(30), fibonacci(200))
	print("30! =", f30)
	print("fib(200) =", fib, "digits:", len(str(fib)))
	print(2 ** 64, 2 ** 64 - 1, -2 ** 63, (-2) ** 63, 2 ** 100 // 3, -2 ** 100 // 3, -2 ** 100 % 7)
	big = 123456789012345678901234567890
	print(big * big, big // 97, big % 97, divmod(-big, 1000), abs(-big), -big)
	print(big / 7, big / 10 ** 29, float(2 ** 80), 2 ** 80 == 2.0 ** 80, 2 ** 53 + 1 > 2.0 ** 53)
	print(sum([2 ** 62] * 4), max(3, 2 ** 70, 10 ** 20), sorted([10 ** 20, -10 ** 20, 5, 2.5]))
	print(f"{big:,}", f"{big:_x}", f"{2 ** 70:#b}"[:12], f"{big:e}", f"{-big:>40}", "%d|%x|%o" % (big, big, big))
	print(hex(2 ** 70), oct(-2 ** 70), bin(2 ** 65), int("9" * 30), int("-0x_ff_ff_ff_ff_ff_ff_ff_ff_ff", 16))
	print(pow(3, 200, 10 ** 9 + 7), pow(2, -1, 1000003), round(10 ** 20 + 50, -2), round(2 ** 70, -3))
	print(1 << 100, (1 << 100) >> 98, -(1 << 100) >> 99, ~(2 ** 70), (2 ** 70 - 1) & 0xFFFF, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 69))
	print(9223372036854775807 + 1, -9223372036854775808 - 1, 0x1234567890ABCDEF1234, 0b1 << 64)
	try:
		print(str(10 ** 4300))
	except ValueError as e:
		print("ValueError:", e)
	try:
		print([1, 2, 3][2 ** 70])
	except IndexError as e:
		print("IndexError:", e)
	try:
		print(float(10 ** 400))
	except OverflowError as e:
		print("OverflowError:", e)
	print(len(str(10 ** 4299)), 10 ** 400 > 1e308, 1 / 10 ** 400)

asyncio.run(main())
