# splitlines() of a million line breaks would make a million strings in one operation (and passed the
# memory bound before it was checked); each line is now charged as it is made.
# expect: ResourceLimitError max_operation_steps
print(len(('\n' * 999999).splitlines()))
