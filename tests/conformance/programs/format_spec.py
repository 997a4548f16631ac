# Construct: the format-spec mini-language (format(), f-strings, str.format) for int, bool, float and str, errors included.
import asyncio

VALUES = [1234, -1234, 0, 255, True, 1.5, -0.0, 1234.5678, 1e20, 1e-5, 100.0, 2.5, float('inf'), float('nan'), 'ab', 'héllo', None]
SPECS = ['', 'd', 'x', 'X', 'o', 'b', '#x', '#o', '#b', '010', '010,', '08,', '07,', '_', '06_x', '#010x', '+', ' ', '=+8',
         '>8', '<8', '^8', '*^9', 'é>4', ',', '.2f', '012,.2f', '.3', '.0f', '.0e', 'e', 'G', '#.3g', 'n', '%', '.1%',
         'z.2f', 'z', 'c', '.2d', 's', ',x', '_n', '+c', '05', '<05', '=', '#', 'y', '%%', '<<<', '.', '10.3s',
         '^10.2', 'F', '0=10,', 'x=10,', '+08.2f', '-^12,.1f', ' 015,.3e']


async def main():
    # One print per value: the oracle's program clock counts python3's CPU time, and a thousand
    # prints would move it past the comparison's tolerance.
    for v in VALUES:
        lines = []
        for spec in SPECS:
            try:
                lines.append(repr(v) + ' ' + repr(spec) + ' ' + repr(format(v, spec)))
            except (ValueError, TypeError, OverflowError) as e:
                lines.append(repr(v) + ' ' + repr(spec) + ' ' + type(e).__name__ + ' ' + str(e))
        print('\n'.join(lines))
    x, w = 3.14159, 8
    print(f'[{x:8.2f}] [{255:#x}] [{255:o}] [{255:#b}] [{-42:+06d}] [{1234567:,}] [{0.25:.0%}]')
    print('[{:>6}] [{:^7.1f}] [{:_b}]'.format('ab', 2.25, 1000))

asyncio.run(main())
