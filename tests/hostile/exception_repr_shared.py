# Each exception holds the one before twice: a repr of 2**26 parts, stopped by the repr bound.
# expect: ResourceLimitError a printed value would be longer than
x = ValueError()
for i in range(26):
    x = ValueError(x, x)
print(len(repr(x)))
