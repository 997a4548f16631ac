# startswith() of a million-character string against 90,000 near-misses of a million characters:
# each comparison is charged by its length, so the operation's work bound ends it within milliseconds.
# expect: ResourceLimitError max_operation_steps
s = 'a' * 1000000
p = tuple(['a' * 999999 + 'b'] * 90000)
print(s.startswith(p))
