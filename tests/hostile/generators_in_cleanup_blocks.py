# @contextmanager generators entered by hand and dropped at once, a million of them: each one let go
# at its yield inside try/finally is closed there and runs its cleanup, as in CPython; the printed
# lines reach their bound.
# expect: ResourceLimitError the program printed more than
from contextlib import contextmanager


@contextmanager
def held(n):
    try:
        yield n
    finally:
        print("released", n)


for i in range(1000000):
    held(i).__enter__()
