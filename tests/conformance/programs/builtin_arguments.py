# Construct: builtins' and list methods' arguments as CPython 3.11 takes them (start, stop, ndigits, keywords) and the TypeError it words for each wrong call.
import asyncio

def c0():
    return [3, 1, 2].index(2, 1)

def c1():
    return [3, 1, 2].index(3, 1)

def c2():
    return [3, 1, 2].index(2, -2, 5)

def c3():
    return [3, 1, 2].pop(0)

def c4():
    return [3, 1, 2].pop(5)

def c5():
    return sorted([3, 1], reverse=True)

def c6():
    return max(3, 1, 2)

def c7():
    return sum([1, 2], 10)

def c8():
    return sum([1, 2], start=10)

def c9():
    return list(enumerate('ab', 1))

def c10():
    return list(enumerate('ab', start=5))

def c11():
    return round(2.675, 2)

def c12():
    return round(5, -1)

def c13():
    return round(15, -1)

def c14():
    return round(25, -1)

def c15():
    return round(-25, -1)

def c16():
    return round(1234.5, -2)

def c17():
    return round(1250.0, -2)

def c18():
    return round(True, 2)

def c19():
    return abs(-3, 4)

def c20():
    return len([1], [2])

def c21():
    return [1, 2].count(1, 2)

def c22():
    return [1].append(1, 2)

def c23():
    return [1, 2].insert(0)

def c24():
    return (1, 2).index(2, 0, 5)

def c25():
    return list(range(1, 10, 3))

def c26():
    return print('a', file=None)

def c27():
    return str(5, 'x')

def c28():
    return str('a', 'x')

def c29():
    return repr(1, 2)

def c30():
    return isinstance(1, (int, str))

def c31():
    return isinstance('a', (int, (float, str)))

def c32():
    return isinstance(1.5, (int, str))

def c33():
    return list(reversed([1, 2]))

def c34():
    return [1,2,3].remove(2, 3)

def c35():
    return bool(1, 2)

def c36():
    return float('1e3')

def c37():
    return tuple([1], [2])

def c38():
    return [].clear(1)

def c39():
    return [].pop(1, 2)

def c40():
    return round()

def c41():
    return round(1, 2, 3)

def c42():
    return sum()

def c43():
    return len()

def c44():
    return isinstance(1)

def c45():
    return list(1, 2)

def c46():
    return range()

def c47():
    return min()

def c48():
    return sorted()

def c49():
    return reversed(1, 2)


def c51():
    return str(1, 2, 3, 4)

def c52():
    return int(1, 2, 3)

CALLS = [('[3, 1, 2].index(2, 1)', c0), ('[3, 1, 2].index(3, 1)', c1), ('[3, 1, 2].index(2, -2, 5)', c2), ('[3, 1, 2].pop(0)', c3), ('[3, 1, 2].pop(5)', c4), ('sorted([3, 1], reverse=True)', c5), ('max(3, 1, 2)', c6), ('sum([1, 2], 10)', c7), ('sum([1, 2], start=10)', c8), ("list(enumerate('ab', 1))", c9), ("list(enumerate('ab', start=5))", c10), ('round(2.675, 2)', c11), ('round(5, -1)', c12), ('round(15, -1)', c13), ('round(25, -1)', c14), ('round(-25, -1)', c15), ('round(1234.5, -2)', c16), ('round(1250.0, -2)', c17), ('round(True, 2)', c18), ('abs(-3, 4)', c19), ('len([1], [2])', c20), ('[1, 2].count(1, 2)', c21), ('[1].append(1, 2)', c22), ('[1, 2].insert(0)', c23), ('(1, 2).index(2, 0, 5)', c24), ('list(range(1, 10, 3))', c25), ("print('a', file=None)", c26), ("str(5, 'x')", c27), ("str('a', 'x')", c28), ('repr(1, 2)', c29), ('isinstance(1, (int, str))', c30), ("isinstance('a', (int, (float, str)))", c31), ('isinstance(1.5, (int, str))', c32), ('list(reversed([1, 2]))', c33), ('[1,2,3].remove(2, 3)', c34), ('bool(1, 2)', c35), ("float('1e3')", c36), ('tuple([1], [2])', c37), ('[].clear(1)', c38), ('[].pop(1, 2)', c39), ('round()', c40), ('round(1, 2, 3)', c41), ('sum()', c42), ('len()', c43), ('isinstance(1)', c44), ('list(1, 2)', c45), ('range()', c46), ('min()', c47), ('sorted()', c48), ('reversed(1, 2)', c49), ('str(1, 2, 3, 4)', c51), ('int(1, 2, 3)', c52)]


async def main():
    for name, call in CALLS:
        try:
            print(name, '=', repr(call()))
        except (TypeError, ValueError, IndexError) as e:
            print(name, '!', type(e).__name__, e)

asyncio.run(main())
