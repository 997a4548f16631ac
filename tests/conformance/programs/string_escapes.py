# Construct: string escapes (\x \u \U octal, unknown ones kept) in plain, raw and f-strings; f-string specs with fields of their own.
import asyncio

async def main():
    print('\x41\u00e9\U0001F600|\101\12|\q|', repr('\7\777'), len('\U0001F600'))
    w = 3
    print(f'\x41{w}\u00e9\U0001F600\101|{w:>{w}}|', rf'\n{w}\d', r'\n\x41', f'{"a"!r}\t|')

asyncio.run(main())
