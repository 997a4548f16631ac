# except and except* on one try: a SyntaxError before the first line runs.
print("never printed")
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
