# The reprs of 100,000 objects: each address is found by hash (a linear search of every address
# shown before took the thread for seconds).
# expect: ok
# stdout: 4100000
class Box:
    pass
boxes = [Box() for _ in range(20000)]
total = 0
for _ in range(5):
    total += len(repr(boxes))
print(total)
