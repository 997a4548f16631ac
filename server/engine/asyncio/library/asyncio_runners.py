#@module asyncio.runners /usr/lib/python3.11/asyncio/runners.py
# asyncio.Runner, written for loopscope after the semantics of CPython 3.11's Lib/asyncio/runners.py:
# a loop made on first use, run() running one coroutine as the main task until it completes (several
# times if asked), close() cancelling what is left, shutting the loop down and closing it. asyncio.run
# stays in C++ (the engine's runner phases) and does the same. No signals, threads or contextvars here:
# Ctrl-C does not reach a program. Marks as in asyncio_locks.py.

__all__ = ('Runner',)

from enum import Enum

from asyncio import CancelledError
from asyncio import gather as _gather
from asyncio import get_running_loop as _get_running_loop
from asyncio import new_event_loop as _new_event_loop
from asyncio import set_event_loop as _set_event_loop


def _running_loop():
    try:
        return _get_running_loop()
    except RuntimeError:
        return None


def _iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


# What CPython's lines name by module
class coroutines:
    iscoroutine = _iscoroutine


class events:
    _get_running_loop = _running_loop
    new_event_loop = _new_event_loop
    set_event_loop = _set_event_loop


class exceptions:
    CancelledError = CancelledError


class tasks:
    gather = _gather


class _State(Enum):
    CREATED = "created"
    INITIALIZED = "initialized"
    CLOSED = "closed"


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):  #@ 49
        self._state = _State.CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):  #@ 58
        self._lazy_init()  #@ 59
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):  #@ 62
        self.close()  #@ 63

    def close(self):  #@ 65
        if self._state is not _State.INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)  #@ 71
            loop.run_until_complete(loop.shutdown_asyncgens())  #@ 72
            loop.run_until_complete(loop.shutdown_default_executor())  #@ 73
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()  #@ 77
            self._loop = None
            self._state = _State.CLOSED

    def get_loop(self):  #@ 81
        self._lazy_init()  #@ 83
        return self._loop

    def run(self, coro, *, context=None):  #@ 86
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))  #@ 89
        if events._get_running_loop() is not None:
            raise RuntimeError(  #@ 93
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()  #@ 96
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)  #@ 100
        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)  #@ 118
        except exceptions.CancelledError:
            raise  # CancelledError  #@ 124

    def _lazy_init(self):  #@ 131
        if self._state is _State.CLOSED:
            raise RuntimeError("Runner is closed")  #@ 133
        if self._state is _State.INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                # Once only, as CPython's (its child watchers)
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()  #@ 144
        if self._debug is not None:
            self._loop.set_debug(self._debug)  #@ 146
        self._state = _State.INITIALIZED


def _cancel_all_tasks(loop):  #@ 193
    # CPython's set of all_tasks(loop) has its addresses' order: these are in the order they were made
    to_cancel = _tasks_to_cancel(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))  #@ 201
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({  #@ 207
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
