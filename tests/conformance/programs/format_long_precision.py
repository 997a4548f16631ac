# Precisions past a double's exact digits (767 significant, 1074 after the point): the digits CPython
# writes, then zeros; a 'g' without '#' strips them. Shown as length, head, tail and a checksum.
import asyncio


def show(label, text):
    total = 0
    for ch in text:
        total = (total * 31 + ord(ch)) % 1000000007
    print(label, len(text), text[:24], text[-24:], total)


async def main():
    values = [1.5, -0.1, 5e-324, 1.7976931348623157e308, 0.0, -0.0, 2.0 ** -1074 * 3, 123456.789e-300,
              float("inf"), float("nan")]
    for p in (1099, 1100, 1101, 1500, 4000):
        for x in values:
            for spec in (".{}f", ".{}e", ".{}E", ".{}g", "#.{}g", ".{}G", ".{}%", "+.{}f", "#.{}e", "#.{}G", "-.{}F"):
                full = spec.format(p)
                show(full, format(x, full))
        await asyncio.sleep(0)
    print(len("%.3000f" % 0.1), ("%.3000e" % -7.25)[-30:], ("%#.2000g" % 1e100)[-12:])
    print(len(f"{2.5:.12000f}"), f"{1e-5:.1200g}", f"{-1e22:.5000}"[:30])


asyncio.run(main())
