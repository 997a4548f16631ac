# Construct: the math module's constants and functions of floats, with CPython's results and errors.
import asyncio
import math


async def main():
	print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
	print(math.sqrt(2), math.sqrt(16), math.sqrt(True), math.fabs(-3), math.fabs(-2.5))
	print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(7), math.ceil(True))
	print(math.floor(1e30), math.ceil(-1e20), type(math.floor(2.5)).__name__)
	print(math.exp(1), math.exp(0), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001))
	print(math.sin(math.pi / 2), math.cos(0), math.tan(math.pi / 4), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
	print(math.degrees(math.pi), math.radians(180), math.copysign(3, -0.0), math.copysign(-2.5, 1))
	print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(3))
	print(math.log(10 ** 20), math.sqrt(10 ** 20), math.isnan(math.sqrt(math.nan)))
	for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1.5), lambda: math.log2(0), lambda: math.exp(1000),
			lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.sqrt("4"), lambda: math.floor("x"),
			lambda: math.trunc("x"), lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.atan2(1), lambda: math.log(),
			lambda: math.log(1, 2, 3), lambda: math.log(8, 1), lambda: math.sqrt(x=4), lambda: math.cos(math.inf)]:
		try:
			print(bad())
		except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
			print(type(e).__name__, e)
	await asyncio.sleep(0.1)
	print("circle area", round(math.pi * 2.5 ** 2, 3), "hypotenuse", math.sqrt(3 ** 2 + 4 ** 2))


asyncio.run(main())
# Logarithms of ints too large for a float (mathmodule.c's loghelper)
for big in (10 ** 400, 2 ** 1024, 2 ** 1024 - 1, 3 ** 5000 + 7, 2 ** 1023):
    print(math.log(big), math.log2(big), math.log10(big), math.log(big, 10), math.log(big, 2 ** 2000))
for bad in (0, -(10 ** 400)):
    try:
        math.log(bad)
    except ValueError as e:
        print("ValueError", e)
