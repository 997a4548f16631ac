# Squaring a number again and again: each product costs the square of the last one's size.
# expect: ResourceLimitError max_operation_steps
x = 3
while True:
    x = x * x
