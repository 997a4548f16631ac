# printf-style and format() precisions of two billion digits: bounded before C's printf writes them.
# expect: ResourceLimitError a string or list would hold 2000000000 items
x = 1.5
print(len(format(x, '.999999f')))
print(len('%.2000000000f' % x))
