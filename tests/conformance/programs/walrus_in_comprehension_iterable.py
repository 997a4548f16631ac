# An assignment expression in a comprehension's iterable is CPython's SyntaxError, before any line runs.
print("never printed")
print([x for x in (data := [1, 2, 3])])
