# A group of 50,000 exceptions split again and again: charged work, bounded memory, on time.
# expect: ok
# stdout: 25000 25000
g = ExceptionGroup("wide", [ValueError(i) if i % 2 else TypeError(i) for i in range(50000)])
for k in range(3):
    m, r = g.split(ValueError)
print(len(m.exceptions), len(r.exceptions))
