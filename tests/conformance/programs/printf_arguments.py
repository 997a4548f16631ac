# Construct: printf-style formatting's arguments as CPython 3.11 takes them: a list or range is a mapping (no leftover error, %(key)s looks up in it), one length modifier only ('%lld' is unsupported 'l'), %c of a bool, a '*' width taken before the next argument, widths past Py_ssize_t and precisions past C's int.
import asyncio

CASES = [('%lld', 5), ('%hd|%ld|%Ld', (1, 2, 3)), ('%c', True), ('%5c|', False + 65), ('%%', [1]), ('abc', []), ('abc', range(3)),
         ('%s', [1, 2]), ('%(a)s', [1]), ('%(a)s', range(2)), ('%(a', [1]), ('%(a)s', 'a'), ('%(a)s', 1), ('', 1), ('', (1,)),
         ('%*d', 2000000), ('%*d|', (-4, 7)), ('%.*f', (2, 3.14159)), ('%99999999999999999999d', 1), ('%.99999999999999999999f', 1.0),
         ('%.*f', (2 ** 31, 1.5)), ('%.*s', (2 ** 40, 'ab')), ('%.*d', (-2 ** 31 - 1, 1)), ('%.99999999999f', 1.5), ('%.2147483648f', 1.5)]


async def main():
    lines = []
    for fmt, args in CASES:
        try:
            lines.append(repr(fmt) + ' ' + repr(fmt % args))
        except (ValueError, TypeError, OverflowError) as e:
            lines.append(repr(fmt) + ' ' + type(e).__name__ + ' ' + str(e))
    print('\n'.join(lines))

asyncio.run(main())
