#@module asyncio.taskgroups /usr/lib/python3.11/asyncio/taskgroups.py
# asyncio.TaskGroup, written for loopscope after the semantics of CPython 3.11's Lib/asyncio/taskgroups.py:
# the first child to fail cancels its siblings and the parent's body, the block waits for every child,
# and the errors leave it as one ExceptionGroup. Marks as in asyncio_locks.py.
#
# One difference loopscope cannot avoid: CPython keeps the children in a set, so when one fails it
# cancels the others in an order that depends on their memory addresses (for up to three children,
# newest first). loopscope keeps them in insertion order and cancels newest first.

__all__ = ('TaskGroup',)

from asyncio import CancelledError
from asyncio import current_task as _current_task
from asyncio import get_running_loop as _get_running_loop


# What CPython's lines name by module
class events:
    get_running_loop = _get_running_loop


class exceptions:
    CancelledError = CancelledError


class tasks:
    current_task = _current_task


class TaskGroup:
    def __init__(self):  #@ 14
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}  # a set in CPython: see above
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None
        _primitive(self)

    def __repr__(self):  #@ 26
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):  #@ 40
        if self._entered:
            raise RuntimeError(  #@ 42
                f"TaskGroup {self!r} has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(  #@ 51
                f'TaskGroup {self!r} cannot determine the parent task')
        _primitive(self)
        return self

    async def __aexit__(self, et, exc, tb):  #@ 56
        self._exiting = True
        _primitive(self)
        if (exc is not None and
                self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc
        propagate_cancellation_error = \
            exc if et is exceptions.CancelledError else None
        if self._parent_cancel_requested:
            # The group cancelled its parent itself: that request is taken back
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                # The parent's body failed or was cancelled: the children are cancelled
                self._abort()
        # Each cancellation of the parent meanwhile cancels the wait, not the waiting
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut  #@ 98
            except exceptions.CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        assert not self._tasks
        if self._base_error is not None:
            raise self._base_error  #@ 117
        # Other errors win over a cancellation
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error  #@ 122
        if et is not None and et is not exceptions.CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None  #@ 133
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):  #@ 137
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")  #@ 139
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")  #@ 141
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")  #@ 143
        if context is None:
            task = self._loop.create_task(coro)  #@ 145
        else:
            task = self._loop.create_task(coro, context=context)  #@ 147
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        _primitive(self)
        return task

    def _is_base_error(self, exc: BaseException) -> bool:  #@ 157
        assert isinstance(exc, BaseException)
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):  #@ 161
        self._aborting = True
        for t in reversed(list(self._tasks)):
            if not t.done():
                _cancel('taskgroup', self, t)
        _primitive(self)

    def _on_task_done(self, task):  #@ 168
        self._tasks.pop(task, None)
        _primitive(self)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        _primitive(self)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({  #@ 189
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # The parent's body is cancelled so that the block ends now; __aexit__ takes the request back
            self._abort()
            self._parent_cancel_requested = True
            _cancel('taskgroup', self, self._parent_task)
