# < on lists nested 100,000 deep, each level unequal at once by its length: ordering recursed in C++
# without a bound (a stack overflow); CPython raises RecursionError.
# expect: RecursionError maximum recursion depth exceeded in comparison
a = 0
b = 0
for i in range(100000):
    a = [a, 0]
    b = [b]
print(a < b)
