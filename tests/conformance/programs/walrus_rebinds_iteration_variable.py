# An assignment expression cannot rebind a comprehension's iteration variable: CPython's SyntaxError before any line runs.
print("never printed")
squares = [i := i * i for i in range(3)]
