# Construct: str methods on text beyond ASCII count code points (find, count, zfill, replace), capitalize/title as CPython, and Python's ASCII whitespace (\x1c-\x1f included).
import asyncio

async def main():
    s = 'h\xe9llo w\xf6rld'
    print(s.find('l'), s.find('w'), s.find('zz'), s.count(''), 'h\xe9'.zfill(4), s.split('l'), s.replace('', '.'), len(s), s[2:4])
    print('1abc'.capitalize(), 'hELLO wORLD'.capitalize(), 'hello2world foo-bar'.title(), "they're".title(), 'MiXeD'.lower(), 'MiXeD'.upper())
    print(repr('\x1cab c\x1f'.strip()), '\x1ca\x1db\x1ec\x1fd e'.split(), repr(' \t x \n'.strip()), 'xxhixx'.strip('x'), repr('  a b  '.rstrip()))

asyncio.run(main())
