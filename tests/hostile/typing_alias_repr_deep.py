# list[...] nested 100,000 deep (CPython builds it) and printed: its repr recursed in C++ once a level
# without a bound (a stack overflow); CPython raises RecursionError.
# expect: RecursionError maximum recursion depth exceeded while getting the repr of an object
t = int
for i in range(100000):
    t = list[t]
print("built")
print(t)
