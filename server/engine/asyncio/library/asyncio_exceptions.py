#@module asyncio.exceptions /usr/lib/python3.11/asyncio/exceptions.py
# asyncio's own exceptions that are not the engine's (CancelledError, InvalidStateError and TimeoutError
# are), after CPython 3.11's Lib/asyncio/exceptions.py. Marks as in asyncio_locks.py.

__all__ = ('BrokenBarrierError',)


class BrokenBarrierError(RuntimeError):
    pass
