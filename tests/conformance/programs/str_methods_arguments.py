# Construct: str methods' wrong arguments worded as CPython 3.11 words them (replace() argument 2, removeprefix() argument, a fill that is not a str, str.find() takes no keywords, None named None), splitlines' keepends an int, startswith's tuple checked item by item as it is reached; str() with no argument and with a wrong encoding.
import asyncio

CALLS = [("replace", (1, 'a')), ("replace", ('a', 1)), ("replace", (None, 'a')), ("removeprefix", (1,)), ("removesuffix", (None,)),
         ("ljust", (6, 1)), ("center", (5, None)), ("rjust", (5, 'ab')), ("splitlines", ('x',)), ("splitlines", (2,)), ("splitlines", (1.5,)),
         ("startswith", (('a', 1),)), ("startswith", ((1, 'a'),)), ("endswith", (('c', None),)), ("startswith", (('x', 1), 9)),
         ("partition", (None,)), ("find", (None,)), ("split", (1,)), ("strip", (1,)), ("zfill", ('5',))]
KEYWORDS = ["find", "startswith", "count", "index", "replace", "zfill", "join", "upper"]


async def main():
    lines = []
    for name, args in CALLS:
        try:
            lines.append(name + ' ' + repr(getattr_call('abc\nd', name, args)))
        except (TypeError, ValueError) as e:
            lines.append(name + ' ' + type(e).__name__ + ' ' + str(e))
    for name in KEYWORDS:
        try:
            kw_call('abc', name)
        except TypeError as e:
            lines.append(name + ' ' + str(e))
    for args in [(), (1, 2), ('a', None), (1, 'u', 2), (1, 'utf-8'), ('a', 'utf-8')]:
        try:
            lines.append(repr(str(*args)))
        except TypeError as e:
            lines.append(str(e))
    try:
        str(b='a')
    except TypeError as e:
        lines.append(str(e))
    print('\n'.join(lines))


def getattr_call(s, name, args):
    if name == 'replace':
        return s.replace(*args)
    if name == 'removeprefix':
        return s.removeprefix(*args)
    if name == 'removesuffix':
        return s.removesuffix(*args)
    if name == 'ljust':
        return s.ljust(*args)
    if name == 'rjust':
        return s.rjust(*args)
    if name == 'center':
        return s.center(*args)
    if name == 'splitlines':
        return s.splitlines(*args)
    if name == 'startswith':
        return s.startswith(*args)
    if name == 'endswith':
        return s.endswith(*args)
    if name == 'partition':
        return s.partition(*args)
    if name == 'find':
        return s.find(*args)
    if name == 'split':
        return s.split(*args)
    if name == 'strip':
        return s.strip(*args)
    return s.zfill(*args)


def kw_call(s, name):
    if name == 'find':
        return s.find(sub='a')
    if name == 'startswith':
        return s.startswith(prefix='a')
    if name == 'count':
        return s.count(x='a')
    if name == 'index':
        return s.index(sub='a')
    if name == 'replace':
        return s.replace(old='a', new='b')
    if name == 'zfill':
        return s.zfill(width=3)
    if name == 'join':
        return s.join(iterable=[])
    return s.upper(x=1)

asyncio.run(main())
