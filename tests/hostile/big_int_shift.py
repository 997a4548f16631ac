# A shift to a billion bits asks for 125 MB, past the run's memory bound, before any work.
# expect: ResourceLimitError max_memory_bytes
x = 1 << 1_000_000_000
print(x > 0)
