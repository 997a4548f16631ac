# What goes wrong around `with`, and CPython's words for it.
class OnlyEnter:
    def __enter__(self):
        return self


class Nothing:
    pass


for manager in (Nothing(), OnlyEnter(), 42, "text", [1]):
    try:
        with manager:
            print("never")
    except TypeError as e:
        print("TypeError", e)


class ExitRaises:
    def __enter__(self):
        print("enter")
        return "value"

    def __exit__(self, exc_type, exc, tb):
        print("exit sees", exc_type)
        raise LookupError("from __exit__")


try:
    with ExitRaises() as v:
        print("got", v)
        raise ValueError("original")
except LookupError as e:
    print("LookupError", e)

try:
    with ExitRaises():
        pass
except LookupError as e:
    print("LookupError on a clean exit", e)


class EnterRaises:
    def __enter__(self):
        raise OSError("cannot open")

    def __exit__(self, *args):
        print("exit is not called")


try:
    with EnterRaises():
        print("never")
except OSError as e:
    print("OSError", e)


class Truthy:
    def __init__(self, answer):
        self.answer = answer

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return self.answer


for answer in (1, "", [0], 0, None, "yes"):
    try:
        with Truthy(answer):
            raise ArithmeticError(answer)
        print(repr(answer), "suppressed")
    except ArithmeticError:
        print(repr(answer), "propagated")

with ExitRaises():
    print("the last one escapes")
