# A raise inside an except* clause: its exception, with the clause's group as its context, beside what was not handled, drawn in boxes.
def g():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
g()
