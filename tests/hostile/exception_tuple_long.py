# A tuple of 50,000 exception classes that never matches, looked through again and again by
# `except`, suppress() and issubclass(): each class looked at is charged, so the loop ends at the step
# bound instead of holding the thread for minutes of uncharged work.
# expect: ResourceLimitError the program ran more than 10000000 steps
from contextlib import suppress
classes = (KeyError,) * 50000
while True:
    try:
        with suppress(*classes):
            raise ValueError
    except classes:
        pass
    except ValueError:
        issubclass(ValueError, classes)
