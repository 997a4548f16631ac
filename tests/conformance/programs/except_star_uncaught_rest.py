# except*: a group split across clauses; the KeyError part reraised (bare raise) and the TypeError nobody handled leave together as the original group.
def f():
    raise ExceptionGroup("many", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [KeyError("k")])])
try:
    f()
except* ValueError as e:
    print("caught", repr(e), e.exceptions)
except* KeyError as e:
    print("k", repr(e))
    raise
print("end")
