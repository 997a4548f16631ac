# str() of an exception whose only argument is an exception, 50,000 deep.
# expect: RecursionError maximum recursion depth exceeded
x = ValueError()
for i in range(50000):
    x = ValueError(x)
print(str(x))
