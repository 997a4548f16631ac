#@module asyncio.locks /usr/lib/python3.11/asyncio/locks.py
# asyncio's synchronisation primitives, written for loopscope after the semantics of CPython 3.11's
# Lib/asyncio/locks.py: the same waiters, in the same order, woken by the same futures. A line that a
# traceback can show ends with `#@ N`, N its line in CPython's file; its text there is this line's
# (without the mark), which tests/engine/library_lines_test.py checks against the real python3.
# The engine compiles this once for the process; each run gets its own module namespace.
# `_primitive(self)` (the engine's, which only the library sees) sends the object's state to the events
# after each change: asyncio's own code has no such calls, and they change nothing a program sees.

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier')

import collections
from enum import Enum

from asyncio import CancelledError
from asyncio import BrokenBarrierError as _BrokenBarrierError


# What CPython's lines name as `exceptions.X` (its module asyncio.exceptions)
class exceptions:
    CancelledError = CancelledError
    BrokenBarrierError = _BrokenBarrierError


class _ContextManagerMixin:
    async def __aenter__(self):  #@ 14
        await self.acquire()  #@ 15
        return None

    async def __aexit__(self, exc_type, exc, tb):  #@ 20
        self.release()  #@ 21


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = _running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')  #@ mixins.py:20
        return loop


def _running_loop():
    try:
        return _get_running_loop()
    except RuntimeError:
        return None


from asyncio import get_running_loop as _get_running_loop


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self):  #@ 78
        self._waiters = None
        self._locked = False
        _primitive(self)

    def __repr__(self):  #@ 82
        res = super().__repr__()
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):  #@ 89
        return self._locked

    async def acquire(self):  #@ 93
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            _primitive(self)
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._get_loop().create_future()  #@ 106
        self._waiters.append(fut)
        _primitive(self)
        # The waiter leaves the queue before a cancellation is looked at, so that waking the next
        # one cannot wake this one again
        try:
            try:
                await fut  #@ 114
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            _primitive(self)
            raise  #@ 120
        self._locked = True
        _primitive(self)
        return True

    def release(self):  #@ 125
        if self._locked:
            self._locked = False
            self._wake_up_first()
            _primitive(self)
        else:
            raise RuntimeError('Lock is not acquired.')  #@ 140

    def _wake_up_first(self):  #@ 142
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    def __init__(self):  #@ 167
        self._waiters = collections.deque()
        self._value = False
        _primitive(self)

    def __repr__(self):  #@ 171
        res = super().__repr__()
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):  #@ 178
        return self._value

    def set(self):  #@ 182
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)
            _primitive(self)

    def clear(self):  #@ 194
        if self._value:
            self._value = False
            _primitive(self)

    async def wait(self):  #@ 200
        if self._value:
            return True
        fut = self._get_loop().create_future()  #@ 210
        self._waiters.append(fut)
        _primitive(self)
        try:
            await fut  #@ 213
            return True
        finally:
            self._waiters.remove(fut)
            _primitive(self)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, lock=None):  #@ 229
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The lock's own methods, bound to it, as attributes of the condition
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()
        _primitive(self)

    def __repr__(self):  #@ 241
        res = super().__repr__()
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):  #@ 248
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')  #@ 260
        self.release()  #@ 262
        try:
            fut = self._get_loop().create_future()  #@ 264
            self._waiters.append(fut)
            _primitive(self)
            try:
                await fut  #@ 267
                return True
            finally:
                self._waiters.remove(fut)
                _primitive(self)
        finally:
            # The lock is taken again whatever happened, even through cancellations, which are raised after
            cancelled = False
            while True:
                try:
                    await self.acquire()  #@ 277
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise exceptions.CancelledError  #@ 283

    async def wait_for(self, predicate):  #@ 285
        result = predicate()  #@ 292
        while not result:
            await self.wait()  #@ 294
            result = predicate()  #@ 295
        return result

    def notify(self, n=1):  #@ 298
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')  #@ 311
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)
        _primitive(self)

    def notify_all(self):  #@ 322
        self.notify(len(self._waiters))  #@ 328


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, value=1):  #@ 346
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")  #@ 348
        self._waiters = None
        self._value = value
        _primitive(self)

    def __repr__(self):  #@ 352
        res = super().__repr__()
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):  #@ 359
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):  #@ 364
        if not self.locked():
            self._value -= 1
            _primitive(self)
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._get_loop().create_future()  #@ 379
        self._waiters.append(fut)
        _primitive(self)
        try:
            try:
                await fut  #@ 387
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            _primitive(self)
            raise  #@ 394
        if self._value > 0:
            self._wake_up_next()
        _primitive(self)
        return True

    def release(self):  #@ 400
        self._value += 1
        self._wake_up_next()
        _primitive(self)

    def _wake_up_next(self):  #@ 409
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):  #@ 428
        self._bound_value = value
        super().__init__(value)  #@ 430

    def release(self):  #@ 432
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  #@ 434
        super().release()


class _BarrierState(Enum):
    FILLING = 'filling'
    DRAINING = 'draining'
    RESETTING = 'resetting'
    BROKEN = 'broken'


class Barrier(_LoopBoundMixin):
    def __init__(self, parties):  #@ 455
        if parties < 1:
            raise ValueError('parties must be > 0')  #@ 458
        self._cond = Condition()
        self._parties = parties
        self._state = _BarrierState.FILLING
        self._count = 0
        _primitive(self)

    def __repr__(self):  #@ 466
        res = super().__repr__()
        extra = f'{self._state.value}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{res[1:-1]} [{extra}]>'

    async def __aenter__(self):  #@ 473
        return await self.wait()  #@ 476

    async def __aexit__(self, *args):  #@ 478
        pass

    async def wait(self):  #@ 481
        async with self._cond:  #@ 488
            await self._block() # Block while the barrier drains or resets.  #@ 489
            try:
                index = self._count
                self._count += 1
                _primitive(self)
                if index + 1 == self._parties:
                    await self._release()  #@ 495
                else:
                    await self._wait()  #@ 497
                return index
            finally:
                self._count -= 1
                self._exit()  #@ 502

    async def _block(self):  #@ 504
        await self._cond.wait_for(  #@ 510
            lambda: self._state not in (  #@ 511
                _BarrierState.DRAINING, _BarrierState.RESETTING
            )
        )
        if self._state is _BarrierState.BROKEN:
            raise exceptions.BrokenBarrierError("Barrier aborted")  #@ 518

    async def _release(self):  #@ 520
        self._state = _BarrierState.DRAINING
        self._cond.notify_all()  #@ 526
        _primitive(self)

    async def _wait(self):  #@ 528
        await self._cond.wait_for(lambda: self._state is not _BarrierState.FILLING)  #@ 534
        if self._state in (_BarrierState.BROKEN, _BarrierState.RESETTING):
            raise exceptions.BrokenBarrierError("Abort or reset of barrier")  #@ 537

    def _exit(self):  #@ 539
        if self._count == 0:
            if self._state in (_BarrierState.RESETTING, _BarrierState.DRAINING):
                self._state = _BarrierState.FILLING
            self._cond.notify_all()  #@ 545
        _primitive(self)

    async def reset(self):  #@ 547
        async with self._cond:  #@ 553
            if self._count > 0:
                if self._state is not _BarrierState.RESETTING:
                    self._state = _BarrierState.RESETTING
            else:
                self._state = _BarrierState.FILLING
            self._cond.notify_all()  #@ 560
            _primitive(self)

    async def abort(self):  #@ 562
        async with self._cond:  #@ 568
            self._state = _BarrierState.BROKEN
            self._cond.notify_all()  #@ 570
            _primitive(self)

    @property
    def parties(self):  #@ 573
        return self._parties

    @property
    def n_waiting(self):  #@ 578
        if self._state is _BarrierState.FILLING:
            return self._count
        return 0

    @property
    def broken(self):  #@ 585
        return self._state is _BarrierState.BROKEN
