# math's functions of ints of any size, each asked for far more than a slice: the first ends at the
# work bound (CPython would spend seconds on comb(10**7, 5*10**6)), never holding the thread.
# expect: ResourceLimitError one operation did more than
import math

print(math.factorial(20), math.comb(30, 15), math.isqrt(10 ** 40))
print(math.comb(10 ** 7, 5 * 10 ** 6))
