# islice skipping 10**12 items of count() in one next(), and a product of 200 pools of 200 items:
# each item drawn is charged, so the operation's work bound ends the run within milliseconds.
# expect: ResourceLimitError max_operation_steps
from itertools import count, islice, product, repeat, cycle
for x in product(range(200), repeat=200):
    break
print(next(islice(count(), 10**12, None)))
