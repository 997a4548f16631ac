# Construct: OSError's arguments as CPython 3.11 keeps them: a None filename keeps args whole and drops filename2, str() shows errno and strerror for two to five arguments, BlockingIOError's number is characters written, a bool errno picks its subclass.
import asyncio


async def main():
    errors = [OSError(2, 'no', None, None, 'g'), OSError(2, 'no', 'f', None, 'g'), OSError(2, 'no', 'f', None, None), OSError(11, 'busy', 5),
              BlockingIOError(11, 'busy', 'f'), OSError(True, 'x'), OSError(None, 'x'), OSError(1, 2, 3, 4, 5, 6),
              FileNotFoundError(2, 'no', None), TimeoutError(1, 'late', None, 3)]
    print('\n'.join(repr(e) + ' | ' + str(e) + ' | ' + repr(e.args) for e in errors))
    try:
        BlockingIOError(11, 'busy', 2.5)
    except TypeError as e:
        print('TypeError', e)

asyncio.run(main())
