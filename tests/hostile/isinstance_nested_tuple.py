# isinstance() against a tuple of two shared tuples 24 deep: 2**24 classes to look at, which held the
# thread for seconds; each one looked at is now charged, so the operation's work bound ends it.
# expect: ResourceLimitError max_operation_steps
t = (int,)
for _ in range(24):
    t = (t, t)
print(isinstance(1.5, t))
