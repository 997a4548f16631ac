"""The inside of the oracle: runs one program as `python3 PROGRAM.py` would, on a program clock.

Started by oracle.py as `python3 -c "...; oracle_child.main()" PROGRAM.py`, so the program runs as the
real `__main__` module (its globals are torn down at interpreter exit, exactly like a script's, which is
when a coroutine held by a module-level name reports "never awaited").

Two program clocks ($LOOPSCOPE_ORACLE_CLOCK):

virtual (the default): program time moves only by waits, as on `loopscope run --clock virtual`.
The event loop's selector never blocks: when nothing is ready it jumps the clock to the deadline the
loop asked for (exactly the head timer's `when`, so `loop.time()` equals it bit for bit); `time.sleep(d)`
adds d; running code costs no program time. `loop.time()`, `time.monotonic()`, `time.perf_counter()`
read program time and `time.time()` is a fixed epoch plus it, as in the engine. Two things real time
does that a clock standing still does not, modelled here:
  - equal deadlines: real time moves a little between two readings, so of two timers due at the same
    program instant the one scheduled first has the earlier real deadline and fires first. With a
    frozen clock their `when`s are equal and heapq would pop them in heap order (not FIFO once three
    or more are pending), so timers compare by (when, order of scheduling) -- what the engine does
    ($LOOPSCOPE_ORACLE_TIES=heap leaves heapq alone, to show the difference).
    OS wake-ups being late by microseconds only matters for deadlines that differ by less than that;
    on the exact clock equal deadlines are equal, and `_run_once` takes all of them in one iteration.
  - executor threads (`asyncio.to_thread`, `run_in_executor`): a submitted work item holds the clock
    from submission until its result has been handed to the loop (`call_soon_threadsafe`), so the
    loop waits for it for real instead of jumping past it; a worker's `time.sleep(d)` gives the clock
    back and wakes when program time reaches now + d (the loop, when it waits, advances it). Program
    time therefore only moves when every thread is waiting, to the earliest deadline of any of them.

scaled: one program-second lasts `scale` real seconds. The event loop's clock (`loop.time()`),
`time.time()` and every recorded `t` read program time, which is
    (real seconds spent waiting for a deadline + CPU seconds spent running the program) / scale.
The selector's wait and `time.sleep` are stretched by `scale` and count for exactly what was asked,
however late the OS wakes the process; running code counts for the CPU time it takes (the main thread's
CPU clock). So neither wake-up latency nor time spent runnable but not running on a loaded machine
leaks into the program's times, while everything CPython itself does still costs what it costs.
From the first thread-pool submission on, the clock is plain real time divided by `scale`: threads
sleep and compute on real time, beside the loop.

Every print call, shown warning and uncaught exception is appended as one JSON line to the file named
by LOOPSCOPE_ORACLE_RECORDS, at the moment it happens. Warnings CPython emits while the interpreter
shuts down (a coroutine held by a module-level name) bypass the `warnings` module and cannot be hooked;
oracle.py finds those in stderr.
"""

import builtins
import concurrent.futures.thread
import heapq
import io
import json
import os
import selectors
import sys
import threading
import time
import traceback
import warnings

import asyncio  # imported before the clock starts: its import time is not the program's

_perf = time.perf_counter
_real_sleep = time.sleep
# The main thread's CPU clock, read from any thread: a pool thread that prints reads the loop's clock.
_main_cpu_clock = time.pthread_getcpuclockid(threading.main_thread().ident)


def _cpu():
    return time.clock_gettime(_main_cpu_clock)


class program_clock:
    def __init__(self, scale):
        self.scale = scale
        self.cpu_start = _cpu()
        self.cpu_excluded = 0.0
        self.waited = 0.0
        self.real_since = None  # (real time, program time) when the clock became plain real time

    def now(self):
        if self.real_since is not None:
            began, base = self.real_since
            return base + (_perf() - began) / self.scale
        return (self.waited + _cpu() - self.cpu_start - self.cpu_excluded) / self.scale

    def follow_real_time(self):
        """Executor threads run on real time (their sleeps, their code, their prints while the loop
        waits), so from the first one on the clock is plain real time, late wake-ups included, or
        the loop would see their results early."""
        if self.real_since is None:
            self.real_since = (_perf(), self.now())

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
    if threading.current_thread() is not threading.main_thread():
        # A pool thread's sleep runs beside the loop; only the main thread's waits are program time.
        return _real_sleep(requested)
    _clock.wait(lambda: _real_sleep(requested), requested)


def _program_time():
    return _clock.now()


# --- the virtual clock -------------------------------------------------------------------------------

# time.time() on the virtual clock: the engine's fixed epoch (server/engine/vm/builtins.cpp) plus
# program time, so a program that prints a date prints the same one under both.
EPOCH = 1_700_000_000.0


class virtual_clock:
    """Program time that moves only when every thread of the program is waiting.

    The main thread (the event loop) holds the clock whenever it runs. A work item submitted to a
    thread pool holds it from submission (while a thread of the pool is free to take it; with every
    thread busy or asleep it waits in the queue for one) until it has finished (and so has posted its
    result to the loop); `busy_workers` counts those that are running rather than sleeping. A sleeping thread is an
    entry [wake time, order of falling asleep, woken?] in the heap `sleepers`. The main thread, when
    it waits and finds no worker running, advances `t` to the earliest deadline: a sleeper's (which
    it wakes, then waits for again) or its own. Process pools and threads started by hand are not
    modelled (they run on real time, which this clock does not see).
    """

    def __init__(self):
        self.t = 0.0
        self.changed = threading.Condition()
        self.busy_workers = 0
        # Submitted items no thread has started yet, and the pool they wait for: such an item holds
        # the clock only while one of the pool's threads is free to take it (with every thread busy
        # or asleep it waits for one, and the clock moves on to the first to wake)
        self.queued = 0
        self.pool = None
        self.sleepers = []  # heap of [wake time, order, woken?]
        self.order = 0

    def now(self):
        return self.t

    def exclude(self, work):
        """Harness work: costs no program time here anyway."""
        return work()

    def worker_submitted(self, pool):
        with self.changed:
            self.queued += 1
            self.pool = pool

    def worker_started(self):
        with self.changed:
            self.queued -= 1
            self.busy_workers += 1
            self.changed.notify_all()

    def _holding(self):
        free = len(self.pool._threads) - self.busy_workers - len(self.sleepers) if self.pool is not None else 0
        return self.busy_workers > 0 or (self.queued > 0 and free > 0)

    def worker_finished(self):
        with self.changed:
            self.busy_workers -= 1
            self.changed.notify_all()

    def worker_sleep(self, secs):
        """A pool thread sleeps: it gives the clock back until program time reaches now + secs."""
        with self.changed:
            self.order += 1
            entry = [self.t + secs, self.order, False]
            heapq.heappush(self.sleepers, entry)
            self.busy_workers -= 1
            self.changed.notify_all()
            while not entry[2]:
                self.changed.wait()

    def wait_until(self, deadline, interrupted=lambda: False):
        """The main thread waits until program time `deadline` (None: until interrupted). Threads
        that are running finish or sleep first (for real); sleepers due no later than the deadline
        are woken in deadline order and run before the clock moves on. Returns True if the
        deadline was reached, False if `interrupted()` became true first."""
        while True:
            with self.changed:
                while self._holding():
                    self.changed.wait()
            if interrupted():
                return False
            with self.changed:
                if self.sleepers and (deadline is None or self.sleepers[0][0] <= deadline):
                    entry = heapq.heappop(self.sleepers)
                    self.t = max(self.t, entry[0])
                    entry[2] = True
                    self.busy_workers += 1
                    self.changed.notify_all()
                    continue
                if deadline is None:
                    return False
                self.t = max(self.t, deadline)
                return True


_on_pool_thread = threading.local()


class virtual_selector(selectors.DefaultSelector):
    """The event loop's selector on the virtual clock: it never waits for time to pass."""

    loop = None  # set by the loop that owns it (_remember_selector_owner)

    def select(self, timeout=None):
        ready = super().select(0)
        if ready or (timeout is not None and timeout <= 0):
            return ready
        deadline = None
        if timeout is not None:
            deadline = _clock.t + timeout
            # _run_once passes `head.when - time()`; jump to `when` itself, not to a sum rounded
            # differently, so loop.time() equals the deadline as it does in the engine.
            scheduled = self.loop._scheduled if self.loop is not None else None
            if scheduled and abs(scheduled[0]._when - deadline) < 1e-6:
                deadline = scheduled[0]._when
        if _clock.wait_until(deadline, lambda: bool(super(virtual_selector, self).select(0))):
            return super().select(0)
        ready = super().select(0)
        if ready or deadline is not None:
            return ready
        # Nothing pending and nothing to wake: only I/O from outside (or nothing, like CPython,
        # which then waits forever) can end this wait.
        return super().select(None)


# asyncio logs `Using selector: EpollSelector` at DEBUG as its loop is made (Linux's DefaultSelector)
virtual_selector.__name__ = virtual_selector.__qualname__ = "EpollSelector"


_real_selector_loop_init = asyncio.selector_events.BaseSelectorEventLoop.__init__


def _remember_selector_owner(self, selector=None):
    _real_selector_loop_init(self, selector)
    if isinstance(self._selector, virtual_selector):
        self._selector.loop = self


class ordered_timer_handle(asyncio.events.TimerHandle):
    """A TimerHandle that sorts by (when, order of scheduling): of equal deadlines the one set first
    fires first, as under real time. Named like the original so reprs read the same."""

    __slots__ = ("_order",)
    _next_order = 0

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        ordered_timer_handle._next_order += 1
        self._order = ordered_timer_handle._next_order

    def _key(self):
        return (self._when, self._order)

    def __lt__(self, other):
        if isinstance(other, ordered_timer_handle):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, ordered_timer_handle):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, ordered_timer_handle):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, ordered_timer_handle):
            return self._key() >= other._key()
        return NotImplemented

    __hash__ = asyncio.events.TimerHandle.__hash__


ordered_timer_handle.__name__ = ordered_timer_handle.__qualname__ = "TimerHandle"


def _virtual_time_sleep(secs):
    if not isinstance(secs, (int, float)) or secs != secs or secs < 0:
        return _real_sleep(secs)  # CPython's own TypeError/ValueError
    if getattr(_on_pool_thread, "active", False):
        _clock.worker_sleep(secs)
    elif threading.current_thread() is threading.main_thread():
        _clock.wait_until(_clock.t + secs)
    else:  # a thread the clock does not know about (asyncio's executor shutdown never sleeps)
        _real_sleep(0)


_real_submit = concurrent.futures.thread.ThreadPoolExecutor.submit
_real_work_item_run = concurrent.futures.thread._WorkItem.run


def _submit_holding_clock(self, fn, /, *args, **kwargs):
    _clock.worker_submitted(self)
    try:
        return _real_submit(self, fn, *args, **kwargs)
    except BaseException:
        _clock.worker_started()
        _clock.worker_finished()
        raise


def _run_holding_clock(self):
    # The original sets the future's result, which posts it to the loop (call_soon_threadsafe)
    # before the clock is given back: the loop sees it at the program time the work ended.
    _clock.worker_started()
    _on_pool_thread.active = True
    try:
        _real_work_item_run(self)
    finally:
        _on_pool_thread.active = False
        _clock.worker_finished()


def _drain_pool_threads():
    """Interpreter exit (threading._shutdown) joins the pool's threads before anything else: program
    time moves on for their sleeps, as it does while the loop waits."""
    while True:
        with _clock.changed:
            while _clock._holding():
                _clock.changed.wait()
            if not _clock.sleepers:
                return
            deadline = _clock.sleepers[0][0]
        _clock.wait_until(deadline)


def _install_virtual_clock(ties):
    global _clock
    _clock = virtual_clock()
    selectors.DefaultSelector = virtual_selector
    asyncio.selector_events.BaseSelectorEventLoop.__init__ = _remember_selector_owner
    if ties == "fifo":
        asyncio.events.TimerHandle = ordered_timer_handle  # base_events creates `events.TimerHandle`
    asyncio.BaseEventLoop.time = lambda self: _clock.t
    concurrent.futures.thread.ThreadPoolExecutor.submit = _submit_holding_clock
    concurrent.futures.thread._WorkItem.run = _run_holding_clock
    # Registered after concurrent.futures' own exit hook, so it runs before that hook joins the threads
    threading._register_atexit(_drain_pool_threads)
    time.sleep = _virtual_time_sleep
    time.monotonic = time.perf_counter = _clock.now
    time.time = lambda: EPOCH + _clock.t


_real_strftime, _real_ctime = time.strftime, time.ctime


def _install_program_calendar():
    """time.strftime() and time.ctime() without a time read the program's clock (time.time(), EPOCH plus
    program time), in UTC, as loopscope's do."""
    os.environ["TZ"] = "UTC"
    time.tzset()
    time.strftime = lambda *args: _real_strftime(*args) if len(args) != 1 else _real_strftime(args[0], time.localtime(time.time()))
    time.ctime = lambda *secs: _real_ctime(*secs) if secs and secs[0] is not None else _real_ctime(time.time(), *secs[1:])


def _submit_on_real_time(self, fn, /, *args, **kwargs):
    _clock.follow_real_time()
    return _real_submit(self, fn, *args, **kwargs)


def _install_scaled_clock(scale):
    global _clock
    _clock = program_clock(scale)
    concurrent.futures.thread.ThreadPoolExecutor.submit = _submit_on_real_time
    selectors.DefaultSelector = scaled_selector
    asyncio.BaseEventLoop.time = lambda self: _clock.now()
    time.sleep = _scaled_time_sleep
    time.monotonic = time.perf_counter = _program_time
    time.time = lambda: EPOCH + _clock.now()


_real_print = builtins.print


class _PrintPieces:
    """What one print() has written so far: print writes each piece (an argument's str(), sep, end) as
    it goes, so an object's __str__ that prints, or raises, comes after what was written before it."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

    def emit(self):
        text = "".join(self.parts)
        self.parts.clear()
        if text:
            _real_stdout.write(text)
            _record(kind="print", text=text)


_prints_under_way = []
_real_stdout = sys.stdout


class TextIOWrapper:
    """sys.stdout for the program: what it writes itself (sys.stdout.write) is recorded as print()'s
    text is, so that the oracle times it too; everything else (its errors, its repr) is the real
    stream's, and its type is named as the real one's."""

    def write(self, *args):
        n = _real_stdout.write(*args)
        if args[0]:
            _record(kind="print", text=args[0])
        return n

    def __getattr__(self, name):
        return getattr(_real_stdout, name)

    def __repr__(self):
        return repr(_real_stdout)


class _RecordingPrint:
    """print() as the program sees it, recording what it prints: like the builtin it stands for, it has
    a __qualname__ and no source (asyncio names a callback `print('x')`, not `_recording_print() at
    oracle_child.py:N`), and a class attribute holding it is not bound as a method."""

    def __init__(self):
        self.__name__ = self.__qualname__ = "print"

    def __repr__(self):
        return "<built-in function print>"

    def __call__(self, *args, sep=" ", end="\n", file=None, flush=False):
        if file is not None and file is not sys.stdout:
            return _real_print(*args, sep=sep, end=end, file=file, flush=flush)
        for outer in _prints_under_way:
            outer.emit()
        pieces = _PrintPieces()
        _prints_under_way.append(pieces)
        try:
            _real_print(*args, sep=sep, end=end, file=pieces)
        finally:
            _prints_under_way.pop()
            pieces.emit()
        if flush:
            sys.stdout.flush()


_recording_print = _RecordingPrint()


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
    scale = float(os.environ.get("LOOPSCOPE_ORACLE_SCALE", "0.2"))
    _records_fd = os.open(os.environ["LOOPSCOPE_ORACLE_RECORDS"],
                          os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    with open(program_path, "rb") as f:
        source = f.read()
    code = compile(source, program_path, "exec")

    # What `python3 PROGRAM.py` sets up: argv, path[0] = the script's folder, a clean __main__.
    sys.argv = sys.argv[1:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(program_path)))
    # Its globals: the nine python3 gives __main__ (dir() lists them). Emptied in place, not cleared and
    # refilled: that way CPython's recursion limit is met at the same depth as under `python3 PROGRAM.py`.
    main_module = sys.modules["__main__"]
    for name in list(vars(main_module)):
        if name not in ("__name__", "__builtins__", "__loader__", "__spec__"):
            delattr(main_module, name)
    main_module.__doc__ = None
    main_module.__package__ = None
    main_module.__annotations__ = {}
    main_module.__file__ = program_path
    main_module.__cached__ = None

    clock = os.environ.get("LOOPSCOPE_ORACLE_CLOCK", "virtual")
    builtins.print = _recording_print
    sys.stdout = TextIOWrapper()
    warnings._showwarnmsg = _recording_showwarnmsg
    sys.excepthook = _make_excepthook(program_path)

    _install_program_calendar()
    if clock == "virtual":
        _install_virtual_clock(os.environ.get("LOOPSCOPE_ORACLE_TIES", "fifo"))
    else:
        _install_scaled_clock(scale)
    # `python3 PROGRAM.py` runs the module's frame first on the stack; here the bootstrap's frames are below
    # it. The recursion limit grows by them, so that a RecursionError comes at the program's own depth.
    below, frame = 0, sys._getframe()
    while frame is not None:
        below, frame = below + 1, frame.f_back
    sys.setrecursionlimit(sys.getrecursionlimit() + below)
    exec(code, vars(main_module))
    _record(kind="end")
