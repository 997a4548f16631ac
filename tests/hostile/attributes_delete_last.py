# One attribute set and deleted over and over on an object holding 90,000. The name index once kept
# positions, so each delete walked all of it to move them (an uncharged minute of the thread); it keeps
# sequence numbers now, so a delete moves only the entries after it, and this runs as CPython runs it.
# expect: ok
# stdout: done
class C:
    pass
o = C()
for i in range(90000):
    setattr(o, "a%d" % i, i)
for i in range(90000):
    o.z = 1
    del o.z
print("done")
