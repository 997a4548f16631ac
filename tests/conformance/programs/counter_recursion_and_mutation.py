# Construct: collections.Counter at its edges — a Counter that holds itself under + - update and ==, NaN counts compared with == (never by identity), a count whose __lt__ empties the Counter while its repr sorts the counts, CPython's RecursionErrors.
from collections import Counter
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
c = Counter(); c['s'] = c
attempt("self add", lambda: c + c)
attempt("self sub", lambda: c - c)
attempt("self update", lambda: c.update(c))
attempt("self eq", lambda: c == c)
n = float('nan'); d = Counter(a=n)
print(d == d, d != d)
class M:
    def __lt__(s, o):
        e.clear(); return True
e = Counter(); e['a'] = M(); e['b'] = M()
print(repr(e)[:12])
