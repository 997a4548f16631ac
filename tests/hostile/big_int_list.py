# Ten thousand ints of 100,000 bits each: 125 MB of int objects, counted against the memory bound.
# expect: ResourceLimitError max_memory_bytes
x = 1 << 100_000
numbers = [x + i for i in range(10_000)]
print(len(numbers))
