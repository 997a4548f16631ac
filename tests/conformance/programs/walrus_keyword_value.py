# A keyword argument's value cannot be a bare assignment expression (f(x=(y := 1)) can): CPython's SyntaxError.
print("never printed")
print(sep=y := "-")
