# `raise` of an exception raised before: its context becomes the exception being handled (replacing
# the one it had), and a context chain that would lead back to it is cut, as CPython's
# _PyErr_SetObject does; with nothing being handled it keeps its context.
def describe(e):
    names = []
    while e is not None and len(names) < 5:
        names.append(type(e).__name__)
        e = e.__context__
    return " <- ".join(names)


def raised_inside_its_own_handler():
    try:
        raise ValueError("one")
    except ValueError as one:
        try:
            raise TypeError("two")
        except TypeError:
            raise one


try:
    raised_inside_its_own_handler()
except ValueError as e:
    print("one:", describe(e))
    print("two's context cut:", e.__context__.__context__ is None)

first = ValueError("first")
second = TypeError("second")
try:
    try:
        raise first
    except ValueError:
        raise second
except TypeError:
    pass
print("second:", describe(second))
try:
    raise second
except TypeError:
    print("raised with nothing handled, second keeps:", describe(second))
try:
    try:
        raise second
    except TypeError:
        raise first
except ValueError as e:
    print("first:", describe(e), "| second:", describe(second))

saved = None
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise LookupError("saved")
except LookupError as e:
    saved = e
print("saved:", describe(saved))
try:
    try:
        raise IndexError("i")
    except IndexError:
        raise saved
except LookupError as e:
    print("saved again:", describe(e))

try:
    raise first
except ValueError as e:
    print("raised while handling itself:", describe(e))

raised_inside_its_own_handler()
