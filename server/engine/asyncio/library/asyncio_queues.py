#@module asyncio.queues /usr/lib/python3.11/asyncio/queues.py
# asyncio's queues, written for loopscope after the semantics of CPython 3.11's Lib/asyncio/queues.py:
# the same getters and putters, woken in the same order. Marks as in asyncio_locks.py; a function whose
# `def` line is marked `#@ C` stands for C code (heapq's): a traceback shows no frame of it.

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')

import collections

from asyncio import Event as _Event


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


def _running_loop():
    try:
        return _get_running_loop()
    except RuntimeError:
        return None


from asyncio import get_running_loop as _get_running_loop


# heapq.heappush and heappop (C in CPython's _heapq): the new item sifts towards the root while it is
# less than its parent; the last item replaces the root, the smaller child rises until a leaf and the
# item sifts back up. Only `<` compares; the heap's length is checked after each comparison (a
# comparison that changes it is C heapq's RuntimeError), and items are swapped as they are then.
def heappush(heap, item):  #@ C
    heap.append(item)
    _sift_towards_root(heap, 0, len(heap) - 1)


def heappop(heap):  #@ C
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    first = heap[0]
    heap[0] = last
    _sift_to_leaf(heap, 0)
    return first


def _sift_towards_root(heap, start, pos):  #@ C
    size = len(heap)
    while pos > start:
        parent_pos = (pos - 1) >> 1
        smaller = heap[pos] < heap[parent_pos]
        if size != len(heap):
            raise RuntimeError('list changed size during iteration')
        if not smaller:
            break
        heap[pos], heap[parent_pos] = heap[parent_pos], heap[pos]
        pos = parent_pos


def _sift_to_leaf(heap, pos):  #@ C
    end = len(heap)
    start = pos
    limit = end >> 1
    while pos < limit:
        child = 2 * pos + 1
        if child + 1 < end:
            if not heap[child] < heap[child + 1]:
                child += 1
            if end != len(heap):
                raise RuntimeError('list changed size during iteration')
        heap[child], heap[pos] = heap[pos], heap[child]
        pos = child
    _sift_towards_root(heap, start, pos)


class Queue:
    _loop = None

    def __init__(self, maxsize=0):  #@ 33
        self._maxsize = maxsize
        self._getters = collections.deque()
        self._putters = collections.deque()
        self._unfinished_tasks = 0
        self._finished = _Event()
        self._finished.set()
        self._init(maxsize)
        _primitive(self)

    def _get_loop(self):
        loop = _running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')  #@ mixins.py:20
        return loop

    def _init(self, maxsize):  #@ 47
        self._queue = collections.deque()

    def _get(self):  #@ 50
        return self._queue.popleft()

    def _put(self, item):  #@ 53
        self._queue.append(item)

    def _wakeup_next(self, waiters):  #@ 58
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):  #@ 66
        # id(self) is the address object.__repr__ shows
        plain = super().__repr__()
        return f'<{type(self).__name__} at {plain[plain.rfind(" at ") + 4:-1]} {self._format()}>'

    def __str__(self):  #@ 69
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):  #@ 74
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):  #@ 86
        return len(self._queue)

    @property
    def maxsize(self):  #@ 91
        return self._maxsize

    def empty(self):  #@ 95
        return not self._queue

    def full(self):  #@ 99
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):  #@ 110
        while self.full():
            putter = self._get_loop().create_future()  #@ 117
            self._putters.append(putter)
            _primitive(self)
            try:
                await putter  #@ 120
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                _primitive(self)
                raise  #@ 134
        return self.put_nowait(item)  #@ 135

    def put_nowait(self, item):  #@ 137
        if self.full():
            raise QueueFull  #@ 143
        self._put(item)  #@ 144
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)
        _primitive(self)

    async def get(self):  #@ 149
        while self.empty():
            getter = self._get_loop().create_future()  #@ 155
            self._getters.append(getter)
            _primitive(self)
            try:
                await getter  #@ 158
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                _primitive(self)
                raise  #@ 172
        return self.get_nowait()  #@ 173

    def get_nowait(self):  #@ 175
        if self.empty():
            raise QueueEmpty  #@ 181
        item = self._get()  #@ 182
        self._wakeup_next(self._putters)
        _primitive(self)
        return item

    def task_done(self):  #@ 186
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')  #@ 201
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()
        _primitive(self)

    async def join(self):  #@ 206
        if self._unfinished_tasks > 0:
            await self._finished.wait()  #@ 215


class PriorityQueue(Queue):
    def _init(self, maxsize):  #@ 224
        self._queue = []

    def _put(self, item):
        heappush(self._queue, item)  #@ 228

    def _get(self):
        return heappop(self._queue)  #@ 231


class LifoQueue(Queue):
    def _init(self, maxsize):  #@ 237
        self._queue = []

    def _put(self, item):  #@ 240
        self._queue.append(item)

    def _get(self):  #@ 243
        return self._queue.pop()
