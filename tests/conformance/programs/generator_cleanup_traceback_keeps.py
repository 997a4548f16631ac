# A generator held by a local of a frame that an exception leaves stays alive as long as the
# exception does (its traceback keeps the frame): CPython closes it when the `except` that caught the
# exception ends, not as the frame goes. One on the frame's stack (a for loop's) is closed at once.
def numbers(name):
    try:
        yield 1
        yield 2
    finally:
        print("closed", name)


def holds_one(name):
    g = numbers(name)
    next(g)
    raise ValueError(name)


def loops(name):
    for x in numbers(name):
        raise KeyError(name)


try:
    holds_one("kept by the traceback")
except ValueError as e:
    print("caught", e)
print("after the first")

try:
    holds_one("no name for it")
except ValueError:
    print("caught without as")
print("after the second")

try:
    loops("on the stack")
except KeyError as e:
    print("caught", e)


def outer():
    try:
        holds_one("re-raised")
    except ValueError:
        print("handling, then raising again")
        raise


try:
    outer()
except ValueError as e:
    print("caught again", e)
print("end")
