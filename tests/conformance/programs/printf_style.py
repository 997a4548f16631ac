# Construct: printf-style formatting (str % args) as CPython does it, errors included.
import asyncio

CASES = [
    ('%s costs %.3f', ('tea', 1.5)), ('%5d|%-5d|%05d|%+d|% d', (1, 2, 3, 4, 5)), ('%x %X %#x %#o %o', (255, 255, 255, 8, 8)),
    ('%e %g %G %.2e', (1234.5, 0.00001, 1e20, 3.14159)), ('%c%c', (65, 'b')), ('%r %s', ('a', 'a')), ('%.3d %.2s', (5, 'abc')),
    ('%*d|%-*.*f', (4, 1, 8, 2, 3.14159)), ('%d', 3.7), ('%d%%', 50), ('%s', (1, 2)), ('%s', [1, 2]), ('%d', ('x',)),
    ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%y', (1,)), ('%y', ()), ('abc %', (1,)), ('%x', (3.5,)), ('%f', ('x',)),
    ('%c', ('ab',)), ('%c', (1.5,)), ('%08.3f|%-8.2e|%+.1g', (-3.14159, 12345.678, 0.5)), ('%#08x|%#o|%05s', (255, 0, 'ab')),
    ('abc', 5), ('%i %u', (True, -7)), ('%5s|%-5s|%.1r', ('é', 'x', 'abc')), ('%f %F', (float('inf'), float('nan'))),
    ('%010.2f', (float('-inf'),)), ('%5%|', ()), ('%5%|', (1,)), ('%.0f %.0f', (2.5, 3.5)), ('%(name)s', 5),
]


async def main():
    for fmt, args in CASES:
        try:
            print(repr(fmt % args))
        except (ValueError, TypeError, OverflowError) as e:
            print(type(e).__name__, e)
    name, price = 'coffee', 2.5
    print("%s costs %.2f after %d%% off" % (name, price * 0.9, 10))

asyncio.run(main())
