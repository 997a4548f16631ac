# factorial(10**8) has about 2.7 billion bits: refused before it is built, at the memory bound.
# expect: ResourceLimitError max_memory_bytes
import math

print(math.factorial(10 ** 8))
