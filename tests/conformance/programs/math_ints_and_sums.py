# The rest of math that learners reach for: combinatorics on ints of any size, exact float sums,
# tolerances, norms, and the errors CPython gives for each.
import asyncio
import math


async def roll_stats(name, values, delay):
    await asyncio.sleep(delay)
    total = math.fsum(values)
    print(f"{name}: fsum={total!r} sum={sum(values)!r} prod={math.prod(values)!r}")
    return total


async def main():
    print(math.factorial(30), math.comb(52, 5), math.perm(10, 3), math.perm(6))
    print(math.gcd(84, 126, 210), math.lcm(4, 6, 15), math.isqrt(10 ** 30 + 12345))
    print(math.comb(200, 100))
    totals = await asyncio.gather(
        roll_stats("tenths", [0.1] * 10, 0.2),
        roll_stats("mixed", [1e100, 1.0, -1e100, 0.25], 0.1),
    )
    print(totals, math.isclose(totals[0], 1.0), math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-12, 0, abs_tol=1e-9))
    print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((1, 1), (4, 5)), math.dist([0, 0, 0], [1, 1, 1]))
    print(math.modf(-2.75), math.frexp(40.0), math.ldexp(0.625, 6), math.fmod(-7.5, 2), math.remainder(10, 4))
    print(math.pow(2, -2), math.exp2(5), math.cbrt(-27), math.expm1(1e-8), math.log1p(1e-8))
    print(math.asin(1), math.acos(0), math.sinh(0.5), math.cosh(0.5), math.tanh(2), math.asinh(2), math.acosh(2), math.atanh(0.25))
    print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.prod(range(1, 11), start=2), math.prod(["ab", 3]))
    checks = {
        "factorial(-3)": lambda: math.factorial(-3),
        "factorial(2.5)": lambda: math.factorial(2.5),
        "comb(5, -1)": lambda: math.comb(5, -1),
        "isqrt(-4)": lambda: math.isqrt(-4),
        "fsum([1e308, 1e308])": lambda: math.fsum([1e308, 1e308]),
        "fsum([inf, -inf])": lambda: math.fsum([math.inf, -math.inf]),
        "isclose(rel_tol=-0.5)": lambda: math.isclose(1, 2, rel_tol=-0.5),
        "dist((1, 2), (1,))": lambda: math.dist((1, 2), (1,)),
        "pow(0, -1)": lambda: math.pow(0, -1),
        "sinh(1000)": lambda: math.sinh(1000),
        "atanh(1)": lambda: math.atanh(1),
        "ldexp(1.0, 5000)": lambda: math.ldexp(1.0, 5000),
        "gcd(2, 3.0)": lambda: math.gcd(2, 3.0),
    }
    for label, check in checks.items():
        try:
            check()
        except (ValueError, TypeError, OverflowError) as e:
            print(f"{label}: {type(e).__name__}: {e}")


asyncio.run(main())
