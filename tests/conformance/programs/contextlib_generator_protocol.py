# A @contextmanager generator's every way through CPython 3.11's _GeneratorContextManager: it does
# not yield, yields twice, handles the exception and returns, yields again after a throw, turns the
# exception into another (chained, with contextlib.py's frame), re-raises a StopIteration thrown in
# (PEP 479), suppresses by returning, a generator function that is not a generator, and __exit__
# called by hand. The last one ends the program with a traceback through contextlib.py.
import asyncio
from contextlib import contextmanager


@contextmanager
def no_yield():
    print("no_yield runs")
    if False:
        yield


@contextmanager
def twice():
    yield 1
    yield 2


@contextmanager
def swallow():
    try:
        yield
    except Exception as e:
        print("swallowed", type(e).__name__)


@contextmanager
def yields_after_throw():
    try:
        yield
    except ValueError:
        yield


@contextmanager
def converts():
    try:
        yield
    except ValueError as e:
        raise RuntimeError("converted") from e


@contextmanager
def plain():
    yield "plain"


@contextmanager
def not_a_generator():
    return [1, 2]


def attempt(label, manager, error=None):
    try:
        with manager as value:
            print(label, "body with", value)
            if error is not None:
                raise error
        print(label, "went on")
    except BaseException as e:
        print(label, "->", type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
              "| suppressed context:", e.__suppress_context__)


async def main():
    attempt("no_yield", no_yield())
    attempt("twice", twice())
    attempt("swallow", swallow(), KeyError("k"))
    attempt("swallow base", swallow(), KeyboardInterrupt())
    attempt("yields_after_throw", yields_after_throw(), ValueError("v"))
    attempt("converts", converts(), ValueError("v"))
    attempt("plain stop", plain(), StopIteration(5))
    attempt("plain generator exit", plain(), GeneratorExit())
    attempt("not_a_generator", not_a_generator())
    m = plain()
    print(m.__enter__())
    print(m.__exit__(ValueError, None, None))
    m = swallow()
    m.__enter__()
    print(m.__exit__(TypeError, TypeError("t"), None))
    m = plain()
    m.__enter__()
    print(m.__exit__(None, None, None))
    await asyncio.sleep(0.5)
    with converts():
        await asyncio.sleep(0.5)
        raise ValueError("the end")


asyncio.run(main())
