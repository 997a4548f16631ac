# A named tuple of 30,000 fields built again and again from keywords: the class alone is more than one
# operation may do (each field charged as it costs), so it ends before any binding.
# expect: ResourceLimitError max_operation_steps
from collections import namedtuple
P = namedtuple('P', ['f%d' % i for i in range(30000)])
d = P(*range(30000))._asdict()
for i in range(40):
    q = P(**d)
print('ok')
