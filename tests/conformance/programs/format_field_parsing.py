# Construct: how CPython 3.11 reads a replacement field and a spec: unclosed fields and specs, a '{' in a field name, one-character conversions, indices up to the largest Py_ssize_t, ',' with '_', the default type a spec's grouping is checked against, codes shown as \x; f-string '=' (spaces kept), escapes in an f-string's spec, '#' and backslashes in its expression.
import asyncio

MARKUP = ['{0', '{0!', '{0!r', '{0:', '{0:{', '{0:{1}', '{a{b}c}', '{!}', '{0! }', '{0!é}', '{0!rr}', '{0!r}}',
          '{1000000000000000000}', '{9223372036854775807}', '{9223372036854775808}', '{0[1000000000000000000]}',
          '{0[99999999999999999999]}', '{0[1]}{1:{2}}']
SPECS = [(1, ',_'), (1, '_,'), (1, ',,'), (1.5, '_,'), (1, '  '), (1, '+ '), (1, ', '), (1, '_ '), (1, ',€'), (1.5, '_€'),
         (1, '.2€'), (1, '€'), ('a', '#,'), ('a', '+,'), ('a', 'z_'), ('a', '=05'), ('a', 'x=05'), ('a', '05'), (-1, 'x=05'),
         (-1.5, '05'), ('a', '\x01'), (2, 'x<05'), (1, '9' * 30), (1.5, '.' + '9' * 30), ('ab', '.2000000'), ('ab', '.' + '9' * 12),
         (1, '.2000000'), (1.5, '.' + '9' * 12)]


async def main():
    lines = []
    for t in MARKUP:
        try:
            lines.append(repr(t) + ' ' + repr(t.format('ab', 3, 4)))
        except (ValueError, IndexError, KeyError, TypeError) as e:
            lines.append(repr(t) + ' ' + type(e).__name__ + ' ' + str(e))
    for v, spec in SPECS:
        try:
            lines.append(repr(v) + ' ' + repr(spec) + ' ' + repr(format(v, spec)))
        except (ValueError, TypeError) as e:
            lines.append(repr(v) + ' ' + repr(spec) + ' ' + type(e).__name__ + ' ' + str(e))
    print('\n'.join(lines))
    x, w = 7, 5
    print(f'{x = }|{x= }|{x =!r:>4}|{1+1 = }|{"é"=!a}|{x=:}|{x=:>{w}}|{x==7=}|{x<=8 = }')
    print(f'[{x:\x3e5}] [{x:\\>5}] [{x:{w}\x64}] [{"#"}] [{x:#x}]', rf'[{x:\^5}]')

asyncio.run(main())
