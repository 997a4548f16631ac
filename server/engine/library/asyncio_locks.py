#@module asyncio.locks /usr/lib/python3.11/asyncio/locks.py
# asyncio's synchronisation primitives, written for loopscope after the semantics of CPython 3.11's
# Lib/asyncio/locks.py: the same waiters, in the same order, woken by the same futures. A line that a
# traceback can show ends with `#@ N`, N its line in CPython's file; its text there is this line's
# (without the mark), which tests/engine/library_lines_test.py checks against the real python3.
# The engine compiles this once for the process; each run gets its own module namespace.

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
    async def __aenter__(self):
        await self.acquire()  #@ 15
        return None

    async def __aexit__(self, exc_type, exc, tb):
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
    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._get_loop().create_future()  #@ 106
        self._waiters.append(fut)
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
            raise  #@ 120
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')  #@ 140

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        res = super().__repr__()
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()  #@ 210
        self._waiters.append(fut)
        try:
            await fut  #@ 213
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The lock's own methods, bound to it, as attributes of the condition
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')  #@ 260
        self.release()  #@ 262
        try:
            fut = self._get_loop().create_future()  #@ 264
            self._waiters.append(fut)
            try:
                await fut  #@ 267
                return True
            finally:
                self._waiters.remove(fut)
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

    async def wait_for(self, predicate):
        result = predicate()  #@ 292
        while not result:
            await self.wait()  #@ 294
            result = predicate()  #@ 295
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')  #@ 311
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))  #@ 328


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")  #@ 348
        self._waiters = None
        self._value = value

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._get_loop().create_future()  #@ 379
        self._waiters.append(fut)
        try:
            try:
                await fut  #@ 387
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise  #@ 394
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)  #@ 430

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  #@ 434
        super().release()


class _BarrierState(Enum):
    FILLING = 'filling'
    DRAINING = 'draining'
    RESETTING = 'resetting'
    BROKEN = 'broken'


class Barrier(_LoopBoundMixin):
    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')  #@ 458
        self._cond = Condition()
        self._parties = parties
        self._state = _BarrierState.FILLING
        self._count = 0

    def __repr__(self):
        res = super().__repr__()
        extra = f'{self._state.value}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{res[1:-1]} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()  #@ 476

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:  #@ 488
            await self._block() # Block while the barrier drains or resets.  #@ 489
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()  #@ 495
                else:
                    await self._wait()  #@ 497
                return index
            finally:
                self._count -= 1
                self._exit()  #@ 502

    async def _block(self):
        await self._cond.wait_for(  #@ 510
            lambda: self._state not in (  #@ 511
                _BarrierState.DRAINING, _BarrierState.RESETTING
            )
        )
        if self._state is _BarrierState.BROKEN:
            raise exceptions.BrokenBarrierError("Barrier aborted")  #@ 518

    async def _release(self):
        self._state = _BarrierState.DRAINING
        self._cond.notify_all()  #@ 526

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state is not _BarrierState.FILLING)  #@ 534
        if self._state in (_BarrierState.BROKEN, _BarrierState.RESETTING):
            raise exceptions.BrokenBarrierError("Abort or reset of barrier")  #@ 537

    def _exit(self):
        if self._count == 0:
            if self._state in (_BarrierState.RESETTING, _BarrierState.DRAINING):
                self._state = _BarrierState.FILLING
            self._cond.notify_all()  #@ 545

    async def reset(self):
        async with self._cond:  #@ 553
            if self._count > 0:
                if self._state is not _BarrierState.RESETTING:
                    self._state = _BarrierState.RESETTING
            else:
                self._state = _BarrierState.FILLING
            self._cond.notify_all()  #@ 560

    async def abort(self):
        async with self._cond:  #@ 568
            self._state = _BarrierState.BROKEN
            self._cond.notify_all()  #@ 570

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state is _BarrierState.FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state is _BarrierState.BROKEN
