# Construct: str.format's markup (numbering, .attr and [key], !r !s !a, nested fields in a spec) and its errors; f-string specs with fields of their own; ascii().
import asyncio

async def main():
    tests=['{0','{','}','{!}','{0!}','{0!x}','{0!rr}','{:{:{}}}','{0}{}','{}{0}','{0.real}','{0[1]}','{0[}','{0.}','{:{}}','{0:{1}}','{!r:>{w}}','{0!a}','{0.args[0]}','{0[-1]}','{ 0}','{0 }','{0:}','{00}', '{1:>{w}}|{0!s:^6}', '{x[1]}', '{0[0]}{0[1]}', '{} {}', '{1} {0}', '{:>{}}', '{0:{1}.{2}f}', 'a{{b}}c', '{0]}', '{0[1]x}', '{w:#x}', '{!a}']
    for t in tests:
        try:
            print(repr(t), repr(t.format('ab', 'é', 3, w=6, x=(1, 2))))
        except (ValueError, IndexError, KeyError, TypeError, AttributeError) as e:
            print(repr(t), type(e).__name__, e)
    for t in ['{2:{1}.{0}f}']:
        print(t.format(2, 8, 3.14159))
    w, p, x = 9, 3, 3.14159
    print(f'[{x:{w}.{p}f}] [{255:#{w}x}] [{"é"!a}] [{x!r:>{w}}] [{"ab"!a:^{w}}]')
    print('%a|%5a' % ('é', 1))
    print(ascii('é\u0100\U0001F600'), ascii(['ä', 1]))

asyncio.run(main())
