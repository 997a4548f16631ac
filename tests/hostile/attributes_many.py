# A function's and an instance's attributes set by the hundred thousand with setattr, then deleted from
# the oldest: each lookup was a scan of all the names (a minute of the thread for 200,000), each delete
# moves the names after it. A hash index past 32 names makes a lookup O(1) (open addressing over 4-byte
# slots: growing it rehashes arrays, where a node per name took 10 ms); a delete is charged as the work
# it is; growing a table asks the memory bound first and is charged as fresh memory, so growing a table
# past 131,072 names (its entries, their sequence numbers and hashes: 15 MiB at once) is more than one
# operation may do (a bound, where CPython would go on).
# expect: ResourceLimitError max_operation_steps
def f():
    pass
class Box:
    pass
box = Box()
for i in range(200000):
    setattr(f, "a" + str(i), i)
    setattr(box, "a" + str(i), i)
print(f.a199999 + box.a5)
for i in range(200000):
    delattr(f, "a" + str(i))
    delattr(box, "a" + str(i))
