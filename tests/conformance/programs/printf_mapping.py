# Construct: printf-style formatting from a mapping — '%(name)s' % a dict, a Counter, an OrderedDict, a defaultdict (its default made), an object with __getitem__, a key with parentheses inside, and the errors: a missing key, an unclosed key, a tuple where a mapping is needed, a positional field beside keys.
from collections import defaultdict, Counter, OrderedDict
d = {'a': 1, 'b': 2.5, 'n': 'x', '(p)': 7}
print('%(a)s %(b).2f %(n)r %(a)05d %%' % d)
print('%((p))s' % d, '%(a)*d' % {'a': 3} if False else '')
print('%s' % d, '%(x)s' % defaultdict(lambda: 'dflt'), '%(a)d' % Counter('aab'), '%(k)s' % OrderedDict(k=1))
class M:
    def __getitem__(self, k):
        return k.upper()
print('%(hello)s %(w)s' % M())
try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print('%(zz)s' % d)
except KeyError as e:
    print('KeyError', e)
try:
    print('%(a' % d)
except ValueError as e:
    print('ValueError', e)
try:
    print('%(a)s' % (1,))
except TypeError as e:
    print('TypeError', e)
try:
    print('%(a)s %s' % d)
except TypeError as e:
    print('TypeError', e)
print('%s %s' % (d, 1) if False else 'end')
