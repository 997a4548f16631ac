# except* semantics: naked exceptions wrapped, type expressions evaluated in order, raised vs reraised parts, TypeErrors for bad types, split/subgroup/derive.
def t(name, v):
    print("eval", name)
    return v
try:
    raise ValueError("naked")
except* t("first", ValueError) as e:
    print("1", repr(e))
except* t("second", TypeError):
    print("2")
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise RuntimeError("from handler")
    except* TypeError as e:
        raise
    except* KeyError as e:
        raise e
except BaseException as x:
    print(repr(x))
    for s in x.exceptions:
        print(" ", repr(s), repr(s.__context__))
try:
    try:
        raise ValueError("v")
    except* ValueError:
        raise
except BaseException as x:
    print("naked reraise", repr(x))
try:
    try:
        raise ValueError("v")
    except* TypeError:
        pass
except BaseException as x:
    print("naked unmatched", repr(x))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup:
        pass
except BaseException as x:
    print(repr(x))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* 5:
        pass
except BaseException as x:
    print(repr(x))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* (ValueError, ExceptionGroup):
        pass
except BaseException as x:
    print(repr(x))
eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)]), KeyError(4)])
print(eg.split(ValueError))
print(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError))))
print(eg.subgroup(lambda e: True) is eg)
print(eg.split(OSError))
print(eg.derive([ValueError(9)]), type(eg.derive([KeyboardInterrupt()])))
