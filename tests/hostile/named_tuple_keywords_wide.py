# A named tuple of 1,000 fields (inside the bound on a class's fields) made from 1,000 keywords again
# and again: binding each keyword is a search among the fields, charged per field and keyword.
# expect: ok
# stdout: ok
from collections import namedtuple
P = namedtuple('P', ['f%d' % i for i in range(1000)])
d = P(*range(1000))._asdict()
for i in range(200):
    q = P(**d)
    r = q._replace(**d)
print('ok')
