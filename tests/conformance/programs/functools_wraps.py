# Construct: functools.wraps and update_wrapper in the decorators learners write: a timing decorator on
# coroutines, a retry decorator with arguments, a counting wrapper, a class-based decorator calling
# update_wrapper(self, func); the partial wraps() returns, the WRAPPER_* tuples, the Python-level
# argument errors, and a decorated coroutine's first line (its decorator's) in a task's repr.
import asyncio
import functools
import time
from functools import wraps

def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = await func(*args, **kwargs)
        print(f"{func.__name__} took {time.perf_counter() - start:.2f}s")
        return result
    return wrapper

def retry(times):
    def decorate(func):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args, **kwargs)
                except ValueError as e:
                    print(f"{wrapper.__name__}: attempt {attempt} failed: {e}")
            raise RuntimeError("gave up")
        return wrapper
    return decorate

@timed
async def fetch(name, delay=0.5):
    """Fetches a thing."""
    await asyncio.sleep(delay)
    return name.upper()

calls = 0
@retry(3)
async def flaky():
    global calls
    calls += 1
    await asyncio.sleep(0.1)
    if calls < 3:
        raise ValueError(f"bad {calls}")
    return "ok"

def log_calls(f):
    @wraps(f)
    def inner(*a):
        inner.count += 1
        return f(*a)
    inner.count = 0
    return inner

@log_calls
def square(x):
    "Squares."
    return x * x

class CountCalls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)

@CountCalls
def hello(who):
    """Says hello."""
    return "hello " + who

async def main():
    print(fetch.__name__, fetch.__qualname__, fetch.__doc__, fetch.__module__)
    print(fetch.__wrapped__)
    print(fetch)
    results = await asyncio.gather(fetch("a"), fetch("b", delay=1))
    print(results)
    print(await flaky())
    t = asyncio.create_task(fetch("c"))
    print(t)
    await t
    print(square(3), square(4), square.count, square.__doc__, square.__name__)
    print(hello("you"), hello.calls, hello.__name__, hello.__doc__, hello.__wrapped__)
    w = functools.wraps(square)
    print(type(w).__name__, w.keywords["assigned"], w.keywords["updated"])
    print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
    print(functools.update_wrapper, functools.wraps)
    print(type(functools.wraps))
    def plain():
        pass
    functools.update_wrapper(plain, square)
    print(plain.__name__, plain.count, plain.__wrapped__.__name__)
    try:
        functools.wraps()
    except TypeError as e:
        print(e)
    try:
        functools.update_wrapper(plain)
    except TypeError as e:
        print(e)
    try:
        functools.wraps(square, (), (), 3)
    except TypeError as e:
        print(e)
    try:
        functools.wraps(square, x=1)
    except TypeError as e:
        print(e)
    try:
        fetch("x", 1, 2)
    except TypeError as e:
        print(e)
    c = fetch("never")
    print(c)

asyncio.run(main())
