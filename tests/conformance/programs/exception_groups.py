# ExceptionGroup and BaseExceptionGroup: construction and its checks, str/repr, message and
# exceptions, split/subgroup/derive with types, tuples and predicates, a program's subclass.
eg = ExceptionGroup("m", [ValueError(1)])
print(str(eg), repr(eg), eg.args, eg.message, eg.exceptions)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
for args in [(1, []), ("x", 5), ("x", []), ("x", [1]), ("x", [KeyboardInterrupt()]), ("x",), ("x", [ValueError()], 3)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", excs=[ValueError()])
except TypeError as e:
    print(e)
try:
    ExceptionGroup("x", [ValueError()], code=1)
except TypeError as e:
    print(e)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", (KeyboardInterrupt(),))).__name__)
print(repr(ExceptionGroup("t", (ValueError("a"), TypeError("b")))))
print(ExceptionGroup("ab", "ab") if False else "str is a sequence:", end=" ")
try:
    ExceptionGroup("ab", "ab")
except ValueError as e:
    print(e)

eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)]), KeyError(4)])
print(eg.split(ValueError))
print(eg.split((KeyError, TypeError)))
print(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError))))
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(Exception) is eg)
print(eg.split(OSError))
print(eg.subgroup(OSError))
match, rest = eg.split(TypeError)
print(match.exceptions[0].exceptions, rest.message, len(rest.exceptions))
print(eg.derive([ValueError(9)]), type(eg.derive([KeyboardInterrupt()])).__name__)
for bad in [1, "x", (ValueError, 1), int]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("split", repr(bad), "->", e)
try:
    eg.split()
except TypeError as e:
    print(e)


class Batch(ExceptionGroup):
    pass


b = Batch("batch", [ValueError("v"), OSError("o")])
print(repr(b), type(b).__name__, isinstance(b, ExceptionGroup))
m, r = b.split(ValueError)
print(type(m).__name__, repr(m), type(r).__name__)
try:
    Batch("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)


class Loud(BaseExceptionGroup):
    def derive(self, excs):
        return Loud(self.message + "!", excs)


l = Loud("loud", [KeyboardInterrupt(), ValueError(2)])
print(repr(l.subgroup(ValueError)), type(l).__name__)
try:
    raise l
except BaseExceptionGroup as caught:
    print("caught", caught)
for call in (lambda: eg.split(ValueError, x=1), lambda: eg.derive(1, 2), lambda: eg.subgroup(), lambda: eg.derive(5)):
    try:
        call()
    except TypeError as e:
        print(e)
