# A builtin drawing a million items from a generator: each item runs the generator's frame inside
# that one builtin call, which cannot end its slice half way, so it is one operation's work.
# expect: ResourceLimitError max_operation_steps
print(sum(x * x for x in range(1_000_000)))
