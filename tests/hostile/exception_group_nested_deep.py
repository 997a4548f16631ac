# A group nested 20,000 deep: except* splits it (RecursionError, as in CPython), printing it stops at
# depth 10, and it is destroyed without recursion.
# expect: RecursionError maximum recursion depth exceeded
g = ValueError("leaf")
for i in range(20000):
    g = ExceptionGroup("level", [g])
try:
    raise g
except* ValueError:
    print("never")
