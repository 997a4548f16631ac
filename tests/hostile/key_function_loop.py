# A key function that never returns: it runs inside one sort, which cannot end its slice half way,
# so its instructions count as that one operation's work.
# expect: ResourceLimitError max_operation_steps
def slow(x):
    while True:
        pass

print(sorted([3, 1, 2], key=slow))
