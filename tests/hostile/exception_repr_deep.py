# A repr that recurses 50,000 exceptions deep: RecursionError, as in CPython, never a stack overflow.
# expect: RecursionError maximum recursion depth exceeded while getting the repr of an object
x = ValueError()
for i in range(50000):
    x = ValueError(x)
print(len(repr(x)))
