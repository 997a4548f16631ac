# list.count over 100,000 strings that differ only in their last character.
# expect: ResourceLimitError max_operation_steps
a = ['x' * 999 + 'y'] * 100000
print(a.count('x' * 1000))
