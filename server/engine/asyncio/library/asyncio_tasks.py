#@module asyncio.tasks /usr/lib/python3.11/asyncio/tasks.py
# asyncio's waiting functions, written for loopscope after the semantics of CPython 3.11's
# Lib/asyncio/tasks.py: wait, wait_for, as_completed and shield, built as CPython builds them on futures
# and done callbacks (the engine keeps Task, sleep, gather and ensure_future in C++). Marks as in
# asyncio_locks.py.
#
# One difference loopscope cannot avoid: as_completed() makes its tasks from a set of the coroutines it
# is given, so CPython starts them in an order that depends on their memory addresses; loopscope's set
# has its own addresses. Programs that pass tasks (not coroutines) start them where they are created.

__all__ = ('wait', 'wait_for', 'as_completed', 'shield', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED')

import functools

from asyncio import CancelledError
from asyncio import Future as _Future
from asyncio import Queue as _Queue
from asyncio import ensure_future
from asyncio import ensure_future as _ensure_future
from asyncio import get_event_loop as _get_event_loop
from asyncio import get_running_loop as _get_running_loop


# What CPython's lines name by module
class events:
    get_running_loop = _get_running_loop
    _get_event_loop = _get_event_loop


class exceptions:
    CancelledError = CancelledError
    TimeoutError = TimeoutError


def _isfuture(obj):
    return isinstance(obj, _Future)


def _iscoroutine(obj):
    # coroutines.iscoroutine: a generator too
    return type(obj).__name__ in ('coroutine', 'generator')


class futures:
    isfuture = _isfuture


class coroutines:
    iscoroutine = _iscoroutine


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):  #@ 389
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")  #@ 406
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')  #@ 408
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')  #@ 410
    fs = set(fs)  #@ 412
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")  #@ 415
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)  #@ 418


def _release_waiter(waiter, *args):  #@ 421
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):  #@ 426
    loop = events.get_running_loop()
    if timeout is None:
        return await fut  #@ 442
    if timeout <= 0:  #@ 444
        fut = ensure_future(fut, loop=loop)  #@ 445
        if fut.done():
            return fut.result()  #@ 448
        await _cancel_and_wait(fut, loop=loop)  #@ 450
        try:
            return fut.result()  #@ 452
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc  #@ 454
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)  #@ 457
    cb = functools.partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)  #@ 460
    fut.add_done_callback(cb)
    try:
        # Until the future completes or the time is up
        try:
            await waiter  #@ 466
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()  #@ 469
            else:
                fut.remove_done_callback(cb)
                # wait_for() never returns while the task still runs
                await _cancel_and_wait(fut, loop=loop)  #@ 475
                raise  #@ 476
        if fut.done():
            return fut.result()  #@ 479
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)  #@ 485
            # A task that would not be cancelled ends wait_for with its own result or exception
            try:
                return fut.result()  #@ 490
            except exceptions.CancelledError as exc:
                raise exceptions.TimeoutError() from exc  #@ 492
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):  #@ 497
    assert fs, 'Set of Futures is empty.'
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)  #@ 506
    counter = len(fs)

    def _on_completion(f):  #@ 509
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
            return_when == FIRST_COMPLETED or
            return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)  #@ 522
    try:
        await waiter  #@ 525
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):  #@ 541
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        _cancel('wait_for', None, fut)
        # Not `await fut`: _cancel_and_wait itself stays cancellable
        await waiter  #@ 552
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):  #@ 558
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")  #@ 577
    done = _Queue()
    loop = events._get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}  #@ 583
    timeout_handle = None

    def _on_timeout():  #@ 586
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # A dummy for each _wait_for_one() still to come
        todo.clear()

    def _on_completion(f):  #@ 592
        if not todo:
            return  # _on_timeout() was here first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():  #@ 600
        f = await done.get()  #@ 601
        if f is None:
            raise exceptions.TimeoutError  #@ 604
        return f.result()  # May raise f.exception().  #@ 605

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)  #@ 610
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):  #@ 841
    inner = _ensure_future(arg)  #@ 874
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):  #@ 881
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # Its exception is retrieved: never logged
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):  #@ 898
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer
