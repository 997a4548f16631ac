# Construct: builtins' arguments as CPython 3.11 takes and words them: round of floats correctly rounded (negative and huge ndigits, inf, nan, keywords), list/tuple index and sort, isinstance with range and type, classes as values (type(1) is int, int == int, <class 'int'>), sum of strings refused, keyword errors worded per builtin, float() of Python's float literals only.
import asyncio


async def main():
    lines = []
    try:
        lines.append('round(2.675, 2)' + ' ' + repr(round(2.675, 2)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(2.675, 2)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1e-320, 323)' + ' ' + repr(round(1e-320, 323)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1e-320, 323)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(5e-324, 400)' + ' ' + repr(round(5e-324, 400)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(5e-324, 400)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("round(float('inf'), -1)" + ' ' + repr(round(float('inf'), -1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("round(float('inf'), -1)" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("round(float('nan'), -309)" + ' ' + repr(round(float('nan'), -309)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("round(float('nan'), -309)" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(-1.5, -400)' + ' ' + repr(round(-1.5, -400)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(-1.5, -400)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1.5e30, -25)' + ' ' + repr(round(1.5e30, -25)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1.5e30, -25)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1.7e308, -308)' + ' ' + repr(round(1.7e308, -308)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1.7e308, -308)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(-0.5, 0)' + ' ' + repr(round(-0.5, 0)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(-0.5, 0)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(250.0, -2)' + ' ' + repr(round(250.0, -2)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(250.0, -2)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(350.0, -2)' + ' ' + repr(round(350.0, -2)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(350.0, -2)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(0.04, -1)' + ' ' + repr(round(0.04, -1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(0.04, -1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(0.06, -1)' + ' ' + repr(round(0.06, -1)) + ' ' + repr(round(7.0, -1)) + ' ' + repr(round(5.0, -1)) + ' ' + repr(round(-5.000001, -1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(0.06, -1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("round(float('inf'))" + ' ' + repr(round(float('inf'))))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("round(float('inf'))" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("round(float('nan'))" + ' ' + repr(round(float('nan'))))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("round(float('nan'))" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("round('x')" + ' ' + repr(round('x')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("round('x')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(None)' + ' ' + repr(round(None)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(None)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1.55, ndigits=1)' + ' ' + repr(round(1.55, ndigits=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1.55, ndigits=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(number=2.5)' + ' ' + repr(round(number=2.5)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(number=2.5)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(x=1)' + ' ' + repr(round(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(ndigits=1)' + ' ' + repr(round(ndigits=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(ndigits=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1, 2, ndigits=3)' + ' ' + repr(round(1, 2, ndigits=3)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1, 2, ndigits=3)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1, x=1)' + ' ' + repr(round(1, x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1, x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('round(1, number=1)' + ' ' + repr(round(1, number=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('round(1, number=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("[1, 2, 3].index(1, 'a')" + ' ' + repr([1, 2, 3].index(1, 'a')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("[1, 2, 3].index(1, 'a')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('[1, 2, 3].index(1, None)' + ' ' + repr([1, 2, 3].index(1, None)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('[1, 2, 3].index(1, None)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('(1, 2).index(3)' + ' ' + repr((1, 2).index(3)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('(1, 2).index(3)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('[1].index(1, x=1)' + ' ' + repr([1].index(1, x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('[1].index(1, x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('[].append(1, x=1)' + ' ' + repr([].append(1, x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('[].append(1, x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('[2, 1].sort(x=1)' + ' ' + repr([2, 1].sort(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('[2, 1].sort(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sorted([2, 1], reverse=1.5)' + ' ' + repr(sorted([2, 1], reverse=1.5)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sorted([2, 1], reverse=1.5)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sorted([2, 1], reverse=2)' + ' ' + repr(sorted([2, 1], reverse=2)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sorted([2, 1], reverse=2)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(1, range)' + ' ' + repr(isinstance(1, range)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(1, range)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(range(3), range)' + ' ' + repr(isinstance(range(3), range)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(range(3), range)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(1, type)' + ' ' + repr(isinstance(1, type)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(1, type)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(int, type)' + ' ' + repr(isinstance(int, type)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(int, type)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(ValueError, type)' + ' ' + repr(isinstance(ValueError, type)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(ValueError, type)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(True, type(1))' + ' ' + repr(isinstance(True, type(1))))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(True, type(1))' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(None, type(None))' + ' ' + repr(isinstance(None, type(None))))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(None, type(None))' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(len, type(len))' + ' ' + repr(isinstance(len, type(len))))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(len, type(len))' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('isinstance(1, cls=int)' + ' ' + repr(isinstance(1, cls=int)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('isinstance(1, cls=int)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('type(1) is int' + ' ' + repr(type(1) is int))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('type(1) is int' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('type(1) == int' + ' ' + repr(type(1) == int))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('type(1) == int' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("type('a')('b')" + ' ' + repr(type('a')('b')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("type('a')('b')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('int == int' + ' ' + repr(int == int))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('int == int' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('len is len' + ' ' + repr(len is len))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('len is len' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('[int, str, len, type]' + ' ' + repr([int, str, len, type]))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('[int, str, len, type]' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('type(int)' + ' ' + repr(type(int)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('type(int)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('type(True) is bool' + ' ' + repr(type(True) is bool))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('type(True) is bool' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("sum(['a', 'b'], '')" + ' ' + repr(sum(['a', 'b'], '')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("sum(['a', 'b'], '')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("sum([1], 'a')" + ' ' + repr(sum([1], 'a')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("sum([1], 'a')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sum([1], start=2, x=3)' + ' ' + repr(sum([1], start=2, x=3)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sum([1], start=2, x=3)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sum([1], 2, start=3)' + ' ' + repr(sum([1], 2, start=3)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sum([1], 2, start=3)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sum([1], x=1)' + ' ' + repr(sum([1], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sum([1], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sum(x=1)' + ' ' + repr(sum(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sum(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sum([[1], [2]], start=[])' + ' ' + repr(sum([[1], [2]], start=[])))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sum([[1], [2]], start=[])' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('len([], x=1)' + ' ' + repr(len([], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('len([], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('max(x=1)' + ' ' + repr(max(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('max(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('max([1], x=1)' + ' ' + repr(max([1], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('max([1], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sorted(x=1)' + ' ' + repr(sorted(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sorted(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('sorted([1], x=1)' + ' ' + repr(sorted([1], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('sorted([1], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('reversed([1], x=1)' + ' ' + repr(reversed([1], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('reversed([1], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('reversed(1)' + ' ' + repr(reversed(1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('reversed(1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('type(x=1)' + ' ' + repr(type(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('type(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('type(1, x=1)' + ' ' + repr(type(1, x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('type(1, x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("format(1, format_spec='x')" + ' ' + repr(format(1, format_spec='x')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("format(1, format_spec='x')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('range(1, 2, 3, 4)' + ' ' + repr(range(1, 2, 3, 4)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('range(1, 2, 3, 4)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('range(x=1)' + ' ' + repr(range(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('range(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('list(x=1)' + ' ' + repr(list(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('list(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('float(x=1)' + ' ' + repr(float(x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('float(x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('int(1, x=1)' + ' ' + repr(int(1, x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('int(1, x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('enumerate([1], x=1)' + ' ' + repr(enumerate([1], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('enumerate([1], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('zip([1], x=1)' + ' ' + repr(zip([1], x=1)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('zip([1], x=1)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('1_0.5')" + ' ' + repr(float('1_0.5')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('1_0.5')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('1e1_0')" + ' ' + repr(float('1e1_0')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('1e1_0')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('0x10')" + ' ' + repr(float('0x10')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('0x10')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('nan(1)')" + ' ' + repr(float('nan(1)')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('nan(1)')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('1__0')" + ' ' + repr(float('1__0')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('1__0')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('_1')" + ' ' + repr(float('_1')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('_1')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('\\x0c1\\x0b')" + ' ' + repr(float('\x0c1\x0b')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('\\x0c1\\x0b')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('-Infinity')" + ' ' + repr(float('-Infinity')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('-Infinity')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('float(None)' + ' ' + repr(float(None)))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('float(None)' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append('float([1])' + ' ' + repr(float([1])))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append('float([1])' + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('1_')" + ' ' + repr(float('1_')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('1_')" + ' ' + type(e).__name__ + ' ' + str(e))
    try:
        lines.append("float('.e1')" + ' ' + repr(float('.e1')))
    except (TypeError, ValueError, OverflowError) as e:
        lines.append("float('.e1')" + ' ' + type(e).__name__ + ' ' + str(e))
    print('\n'.join(lines))

asyncio.run(main())
