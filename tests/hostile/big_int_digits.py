# str() of an int is limited to 4300 digits as in CPython 3.11; just under it, over and over.
# expect: ResourceLimitError steps
x = 2 ** 14000
while True:
    s = str(x)
