# Construct: str methods with CPython 3.11's signatures (positions, keywords, start/end, maxsplit, count) and exact errors; text beyond ASCII in code points.
import asyncio

def c0(s):
    return s.split()

def c1(s):
    return s.split(',')

def c2(s):
    return s.split(',', 1)

def c3(s):
    return s.split(None, 1)

def c4(s):
    return s.split(maxsplit=1)

def c5(s):
    return s.split(sep=',', maxsplit=0)

def c6(s):
    return s.rsplit()

def c7(s):
    return s.rsplit(',', 1)

def c8(s):
    return s.rsplit(None, 1)

def c9(s):
    return s.splitlines()

def c10(s):
    return s.splitlines(True)

def c11(s):
    return s.splitlines(keepends=True)

def c12(s):
    return s.strip()

def c13(s):
    return s.strip('a')

def c14(s):
    return s.lstrip(' a')

def c15(s):
    return s.rstrip(None)

def c16(s):
    return s.find('l')

def c17(s):
    return s.find('l', 3)

def c18(s):
    return s.find('l', -3)

def c19(s):
    return s.find('', 99)

def c20(s):
    return s.find('', 2, 1)

def c21(s):
    return s.rfind('l')

def c22(s):
    return s.rfind('o', 0, 5)

def c23(s):
    return s.index('l')

def c24(s):
    return s.rindex('l')

def c25(s):
    return s.index('zz')

def c26(s):
    return s.count('l')

def c27(s):
    return s.count('')

def c28(s):
    return s.count('', 2)

def c29(s):
    return s.count('', 99)

def c30(s):
    return s.count('l', 1, -1)

def c31(s):
    return s.startswith('a')

def c32(s):
    return s.startswith(('x', 'h'))

def c33(s):
    return s.startswith('', 99)

def c34(s):
    return s.startswith('l', 2)

def c35(s):
    return s.endswith('c')

def c36(s):
    return s.endswith(('d', 'c'), 0, 4)

def c37(s):
    return s.replace('l', 'L', 1)

def c38(s):
    return s.replace('', '-', 2)

def c39(s):
    return s.replace('l', '')

def c40(s):
    return s.zfill(8)

def c41(s):
    return s.ljust(9, '*')

def c42(s):
    return s.rjust(9)

def c43(s):
    return s.center(9, '.')

def c44(s):
    return s.center(10)

def c45(s):
    return s.partition(',')

def c46(s):
    return s.rpartition('l')

def c47(s):
    return s.partition('zz')

def c48(s):
    return s.removeprefix('a,')

def c49(s):
    return s.removesuffix('c')

def c50(s):
    return s.isdigit()

def c51(s):
    return s.isalpha()

def c52(s):
    return s.isalnum()

def c53(s):
    return s.isspace()

def c54(s):
    return s.isupper()

def c55(s):
    return s.islower()

def c56(s):
    return s.istitle()

def c57(s):
    return s.isascii()

def c58(s):
    return s.upper()

def c59(s):
    return s.lower()

def c60(s):
    return s.swapcase()

def c61(s):
    return s.title()

def c62(s):
    return s.capitalize()

def c63(s):
    return s.casefold()

def c64(s):
    return s.upper(1)

def c65(s):
    return s.split(1, 2, 3)

def c66(s):
    return s.find()

def c67(s):
    return s.replace('a')

def c68(s):
    return s.strip(1)

def c69(s):
    return s.find(1)

def c70(s):
    return s.startswith(1)

def c71(s):
    return s.zfill('x')

def c72(s):
    return s.split(sep=1)

def c73(s):
    return s.join(1)

def c74(s):
    return s.replace(old='a', new='b')

def c75(s):
    return s.strip(chars='a')

def c76(s):
    return s.split(x=1)

def c77(s):
    return s.find('a', 'x')

def c78(s):
    return s.ljust(5, 'ab')

def c79(s):
    return s.split(',', maxsplit=1, sep=',')

def c80(s):
    return s.partition('')

CALLS = [('split()', c0), ("split(',')", c1), ("split(',', 1)", c2), ('split(None, 1)', c3), ('split(maxsplit=1)', c4), ("split(sep=',', maxsplit=0)", c5), ('rsplit()', c6), ("rsplit(',', 1)", c7), ('rsplit(None, 1)', c8), ('splitlines()', c9), ('splitlines(True)', c10), ('splitlines(keepends=True)', c11), ('strip()', c12), ("strip('a')", c13), ("lstrip(' a')", c14), ('rstrip(None)', c15), ("find('l')", c16), ("find('l', 3)", c17), ("find('l', -3)", c18), ("find('', 99)", c19), ("find('', 2, 1)", c20), ("rfind('l')", c21), ("rfind('o', 0, 5)", c22), ("index('l')", c23), ("rindex('l')", c24), ("index('zz')", c25), ("count('l')", c26), ("count('')", c27), ("count('', 2)", c28), ("count('', 99)", c29), ("count('l', 1, -1)", c30), ("startswith('a')", c31), ("startswith(('x', 'h'))", c32), ("startswith('', 99)", c33), ("startswith('l', 2)", c34), ("endswith('c')", c35), ("endswith(('d', 'c'), 0, 4)", c36), ("replace('l', 'L', 1)", c37), ("replace('', '-', 2)", c38), ("replace('l', '')", c39), ('zfill(8)', c40), ("ljust(9, '*')", c41), ('rjust(9)', c42), ("center(9, '.')", c43), ('center(10)', c44), ("partition(',')", c45), ("rpartition('l')", c46), ("partition('zz')", c47), ("removeprefix('a,')", c48), ("removesuffix('c')", c49), ('isdigit()', c50), ('isalpha()', c51), ('isalnum()', c52), ('isspace()', c53), ('isupper()', c54), ('islower()', c55), ('istitle()', c56), ('isascii()', c57), ('upper()', c58), ('lower()', c59), ('swapcase()', c60), ('title()', c61), ('capitalize()', c62), ('casefold()', c63), ('upper(1)', c64), ('split(1, 2, 3)', c65), ('find()', c66), ("replace('a')", c67), ('strip(1)', c68), ('find(1)', c69), ('startswith(1)', c70), ("zfill('x')", c71), ('split(sep=1)', c72), ('join(1)', c73), ("replace(old='a', new='b')", c74), ("strip(chars='a')", c75), ('split(x=1)', c76), ("find('a', 'x')", c77), ("ljust(5, 'ab')", c78), ("split(',', maxsplit=1, sep=',')", c79), ("partition('')", c80)]
S = ['a,b,,c', '  a  b\tc \n', '', 'Hello World', 'HELLO', 'hello', '123', 'a1', ' ', 'Title Case', 'x\r\ny\nz\x0bw\x1cq']


async def main():
    for s in S:
        out = []
        for name, call in CALLS:
            try:
                out.append(name + '=' + repr(call(s)))
            except (TypeError, ValueError) as e:
                out.append(name + '!' + type(e).__name__ + ':' + str(e))
        print(repr(s), ' | '.join(out))

asyncio.run(main())
