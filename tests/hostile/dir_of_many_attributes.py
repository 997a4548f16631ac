# dir() of an instance given 120,000 attributes, again and again: each name is charged as four steps
# before the names are gathered, so the first dir() ends the run at the bound of one operation
# instead of holding the thread for the set and the list of 120,000 strings each time.
# expect: ResourceLimitError max_operation_steps
class Bag:
    pass


bag = Bag()
for i in range(120_000):
    setattr(bag, "x%d" % i, i)
while True:
    names = dir(bag)
