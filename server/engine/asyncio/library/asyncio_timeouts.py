#@module asyncio.timeouts /usr/lib/python3.11/asyncio/timeouts.py
# asyncio.timeout and asyncio.timeout_at, written for loopscope after the semantics of CPython 3.11's
# Lib/asyncio/timeouts.py: at the deadline a timer cancels the task inside the block; leaving the block
# with that cancellation (and no other cancel request outstanding) raises TimeoutError instead.
# Marks as in asyncio_locks.py.

__all__ = ('Timeout', 'timeout', 'timeout_at')

from enum import Enum
from typing import Optional

from asyncio import CancelledError
from asyncio import current_task as _current_task
from asyncio import get_running_loop as _get_running_loop


# What CPython's lines name by module (asyncio.events, asyncio.exceptions, asyncio.tasks)
class events:
    get_running_loop = _get_running_loop


class exceptions:
    CancelledError = CancelledError


class tasks:
    current_task = _current_task


class _State(Enum):
    CREATED = "created"
    ENTERED = "active"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    EXITED = "finished"


class Timeout:
    def __init__(self, when: Optional[float]) -> None:  #@ 29
        self._state = _State.CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when
        _primitive(self)

    def when(self) -> Optional[float]:  #@ 36
        return self._when

    def reschedule(self, when: Optional[float]) -> None:  #@ 39
        assert self._state is not _State.CREATED  #@ 40
        if self._state is not _State.ENTERED:
            raise RuntimeError(  #@ 42
                f"Cannot change state of {self._state.value} Timeout",
            )
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = events.get_running_loop()  #@ 54
            if when <= loop.time():  #@ 55
                self._timeout_handler = loop.call_soon(self._on_timeout)  #@ 56
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)  #@ 58
        _primitive(self)

    def expired(self) -> bool:  #@ 60
        return self._state in (_State.EXPIRING, _State.EXPIRED)

    def __repr__(self) -> str:  #@ 64
        info = ['']
        if self._state is _State.ENTERED:
            when = round(self._when, 3) if self._when is not None else None  #@ 67
            info.append(f"when={when}")
        info_str = ' '.join(info)
        return f"<Timeout [{self._state.value}]{info_str}>"

    async def __aenter__(self) -> "Timeout":  #@ 72
        self._state = _State.ENTERED
        self._task = tasks.current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")  #@ 76
        self.reschedule(self._when)  #@ 77
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state in (_State.ENTERED, _State.EXPIRING)  #@ 86
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state is _State.EXPIRING:
            self._state = _State.EXPIRED
            _primitive(self)
            # No other cancel request is outstanding: the cancellation was this timeout's own
            if self._task.uncancel() == 0 and exc_type is exceptions.CancelledError:
                raise TimeoutError  #@ 98
        elif self._state is _State.ENTERED:
            self._state = _State.EXITED
            _primitive(self)
        return None

    def _on_timeout(self) -> None:  #@ 104
        assert self._state is _State.ENTERED  #@ 105
        _cancel('timeout', self, self._task)
        self._state = _State.EXPIRING
        self._timeout_handler = None
        _primitive(self)


def timeout(delay: Optional[float]) -> Timeout:  #@ 112
    loop = events.get_running_loop()  #@ 128
    return Timeout(loop.time() + delay if delay is not None else None)  #@ 129


def timeout_at(when: Optional[float]) -> Timeout:  #@ 132
    return Timeout(when)
