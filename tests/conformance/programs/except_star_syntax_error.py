# except* clauses cannot be left by break, continue or return: CPython's SyntaxError, before any line runs.
print("never printed")
for i in range(3):
    try:
        raise ValueError(i)
    except* ValueError:
        break
