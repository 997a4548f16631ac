# @contextmanager generators entered by hand and dropped at once, a million of them: each one let go
# at its yield inside try/finally would run its cleanup in CPython; the first ends the run there,
# before its finally would have printed.
# expect: UnsupportedError a generator let go while stopped at a 'yield' inside 'try'/'finally'
from contextlib import contextmanager


@contextmanager
def held(n):
    try:
        yield n
    finally:
        print("released", n)


for i in range(1000000):
    held(i).__enter__()
