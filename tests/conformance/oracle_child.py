"""The inside of the oracle: runs one program as `python3 PROGRAM.py` would, with time scaled down.

Started by oracle.py as `python3 -c "...; oracle_child.main()" PROGRAM.py`, so the program runs as the
real `__main__` module (its globals are torn down at interpreter exit, exactly like a script's, which is
when a coroutine held by a module-level name reports "never awaited").

Program time: one program-second lasts `scale` real seconds. The event loop's clock (`loop.time()`),
`time.time()` and every recorded `t` read program time, which is
    (real seconds spent waiting for a deadline + CPU seconds spent running the program) / scale.
The selector's wait and `time.sleep` are stretched by `scale` and count for exactly what was asked,
however late the OS wakes the process; running code counts for the CPU time it takes (this thread's
CPU clock). So neither wake-up latency nor time spent runnable but not running on a loaded machine
leaks into the program's times, while everything CPython itself does still costs what it costs.

Every print call, shown warning and uncaught exception is appended as one JSON line to the file named
by LOOPSCOPE_ORACLE_RECORDS, at the moment it happens. Warnings CPython emits while the interpreter
shuts down (a coroutine held by a module-level name) bypass the `warnings` module and cannot be hooked;
oracle.py finds those in stderr.
"""

import builtins
import io
import json
import os
import selectors
import sys
import time
import traceback
import warnings

import asyncio  # imported before the clock starts: its import time is not the program's

_perf = time.perf_counter
_cpu = time.thread_time
_real_sleep = time.sleep


class program_clock:
    def __init__(self, scale):
        self.scale = scale
        self.cpu_start = _cpu()
        self.cpu_excluded = 0.0
        self.waited = 0.0

    def now(self):
        return (self.waited + _cpu() - self.cpu_start - self.cpu_excluded) / self.scale

    def wait(self, block, requested_real):
        """Run a blocking wait of `requested_real` seconds; it counts for no more than that."""
        began = _perf()
        result = block()
        self.waited += min(_perf() - began, requested_real)
        return result

    def exclude(self, work):
        """Run harness work whose CPU time is not the program's."""
        began = _cpu()
        try:
            return work()
        finally:
            self.cpu_excluded += _cpu() - began


_clock = None
_records_fd = None


def _record(**fields):
    fields["t"] = _clock.now() if _clock else 0.0
    os.write(_records_fd, (json.dumps(fields) + "\n").encode())


class scaled_selector(selectors.DefaultSelector):
    """The event loop's selector, waiting `scale` times as long in real time as the loop asks for."""

    def select(self, timeout=None):
        if timeout is not None and timeout <= 0:
            return super().select(timeout)
        if timeout is None:  # no timer pending: only I/O can wake the loop; count the real wait
            return _clock.wait(lambda: super(scaled_selector, self).select(None), float("inf"))
        requested = timeout * _clock.scale
        return _clock.wait(lambda: super(scaled_selector, self).select(requested), requested)


def _scaled_time_sleep(secs):
    requested = secs * _clock.scale
    _clock.wait(lambda: _real_sleep(requested), requested)


def _program_time():
    return _clock.now()


_real_print = builtins.print


def _recording_print(*args, sep=" ", end="\n", file=None, flush=False):
    if file is not None and file is not sys.stdout:
        return _real_print(*args, sep=sep, end=end, file=file, flush=flush)
    text = io.StringIO()
    _real_print(*args, sep=sep, end=end, file=text)
    text = text.getvalue()
    sys.stdout.write(text)
    if flush:
        sys.stdout.flush()
    _record(kind="print", text=text)


_real_showwarnmsg = warnings._showwarnmsg


def _recording_showwarnmsg(msg):
    # Called (also from C, for "coroutine ... was never awaited") only for warnings the filters show.
    _record(kind="warning", category=msg.category.__name__, message=str(msg.message),
            filename=msg.filename, lineno=msg.lineno)
    # Formatting a warning reads source files (linecache) and imports tracemalloc: milliseconds of
    # harness cost that a program-time model spends no time on, so keep them off the clock.
    _clock.exclude(lambda: _real_showwarnmsg(msg))


def _make_excepthook(program_path):
    real_hook = sys.excepthook

    def hook(exc_type, exc, tb):
        # Drop the harness's own frames so the traceback reads as `python3 PROGRAM.py` prints it.
        while tb is not None and tb.tb_frame.f_code.co_filename != program_path:
            tb = tb.tb_next
        lines = traceback.format_exception_only(exc_type, exc)
        _record(kind="exception", last_line=lines[-1].rstrip("\n") if lines else exc_type.__name__)
        if exc is not None:
            exc.__traceback__ = tb  # the default hook prints the exception's own traceback
        real_hook(exc_type, exc, tb)

    return hook


def main():
    global _clock, _records_fd
    harness_dir = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != harness_dir]

    program_path = sys.argv[1]
    scale = float(os.environ["LOOPSCOPE_ORACLE_SCALE"])
    _records_fd = os.open(os.environ["LOOPSCOPE_ORACLE_RECORDS"],
                          os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    with open(program_path, "rb") as f:
        source = f.read()
    code = compile(source, program_path, "exec")

    # What `python3 PROGRAM.py` sets up: argv, path[0] = the script's folder, a clean __main__.
    sys.argv = sys.argv[1:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(program_path)))
    main_module = sys.modules["__main__"]
    for name in list(vars(main_module)):
        if name not in ("__name__", "__builtins__", "__loader__", "__spec__"):
            delattr(main_module, name)
    main_module.__doc__ = None
    main_module.__file__ = program_path
    main_module.__cached__ = None

    selectors.DefaultSelector = scaled_selector
    asyncio.BaseEventLoop.time = lambda self: _clock.now()
    time.sleep = _scaled_time_sleep
    time.time = _program_time
    builtins.print = _recording_print
    warnings._showwarnmsg = _recording_showwarnmsg
    sys.excepthook = _make_excepthook(program_path)

    _clock = program_clock(scale)
    exec(code, vars(main_module))
    _record(kind="end")
