# hash() of a tuple nested 100,000 deep: CPython hashes it; here it once overflowed the C++ stack.
# expect: ok
# stdout: True 1
t = ()
for i in range(100000):
    t = (t,)
d = {t: 1}
print(hash(t) == hash(t), len(d))
