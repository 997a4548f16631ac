# One attribute set and deleted over and over on an object holding 90,000: each delete looks at every
# position the name index keeps. It was charged only for the names after it (none), so this held the
# thread past a minute with no bound reached (python3: under a second). Charged as the work it is, it
# ends at the step bound.
# expect: ResourceLimitError steps
class C:
    pass
o = C()
for i in range(90000):
    setattr(o, "a%d" % i, i)
for i in range(90000):
    o.z = 1
    del o.z
print("done")
