# Construct: collections.Counter — counting from a str, an iterable, a mapping and keywords; most_common (all, n, ties, heapq's n), elements, update/subtract adding and taking away, total, the multiset operators + - | & and their in-place forms with Counters and dicts, unary + -, comparisons treating a missing count as 0, repr in most_common order, and CPython's errors.
from collections import Counter
c = Counter("abracadabra")
print(c, type(c), isinstance(c, dict), c['z'], len(c))
print(c.most_common(2), c.most_common(), c.most_common(0), c.most_common(-1))
print(list(c.elements()), type(c.elements()).__name__)
d = Counter(a=3, b=1)
print(c + d, c - d, c | d, c & d, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
print(Counter() , repr(Counter()), str(d))
c.update("zz"); c.update({'a': 10}); c.update(x=2); print(c)
c.subtract("aaa"); c.subtract({'q': 1}); print(c, c.total())
del c['nope']; print(c == Counter(c), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {'a': 1})
print(Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=2), Counter(a=1)|{'b':2})
e = Counter(a=1); e += Counter(a=2, b=-1); print(e); e -= Counter(a=5); print(e)
print(c.copy(), type(c.copy()), dict(d), d.get('zz'), d.pop('a'), d)
try: Counter.fromkeys('ab')
except NotImplementedError as ex: print(repr(ex))
try: Counter(1, 2)
except TypeError as ex: print(ex)
try: Counter(5)
except TypeError as ex: print(ex)
try: Counter(a=1) + 1
except TypeError as ex: print(ex)
try: Counter(a=1) < {'a': 2}
except TypeError as ex: print(ex)
try: Counter(a=1).most_common('x')
except TypeError as ex: print(ex)
print(Counter({'a': 'x', 'b': 'y'}))
print(Counter(a=1.5, b=2))
f = Counter(); f['k'] += 1; print(f, Counter.__name__, Counter)
print(sorted(Counter("hello").items()), Counter("hello").keys())

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

c = Counter("mississippi")
attempt("or dict", lambda: (c | {'z': 1}, type(c | {'z': 1})))
attempt("dict or", lambda: ({'z': 1} | c, type({'z': 1} | c)))
attempt("dd or", lambda: (defaultdict(int, a=1) | c))
attempt("eq dict", lambda: (Counter(a=1) == {'a': 1}, {'a': 1} == Counter(a=1), Counter(a=1, b=0) == {'a': 1}, Counter(a=1) != Counter(a=1, b=0)))
attempt("lt", lambda: (Counter(a=1) < Counter(a=1, b=1), Counter(a=1) > Counter(), Counter(a=2) >= Counter(a=2, b=0), Counter() <= Counter()))
attempt("dict lt", lambda: {'a': 1} <= Counter(a=2))
e = Counter(a=3, b=1)
def iadd():
    global e
    e += {'a': 1, 'c': -3}
    return e
attempt("iadd dict", iadd)
def iadd_int():
    global e
    e += 5
    return e
attempt("iadd int", iadd_int)
def iand_dict():
    global e
    e &= {'a': 1}
    return e
attempt("iand dict", iand_dict)
def ior():
    f = Counter(a=1, b=-2)
    f |= Counter(a=0, c=4)
    return f
attempt("ior", ior)
def isub():
    f = Counter(a=1, b=5)
    f -= {'b': 2, 'x': -1}
    return f
attempt("isub", isub)
def istr():
    f = Counter(a=1)
    f += {'a': 'x'}
    return f
attempt("iadd str", istr)
attempt("kw iterable", lambda: Counter(iterable=[1, 2]))
attempt("None", lambda: Counter(None))
attempt("update int", lambda: Counter().update(5))
attempt("update 2", lambda: Counter().update([1], [2]))
attempt("most n kw", lambda: Counter("aabbbc").most_common(n=2))
attempt("most 2.0", lambda: Counter("aabbbc").most_common(2.0))
attempt("most 1.0", lambda: Counter("aabbbc").most_common(1.0))
attempt("most 5.0", lambda: Counter("aabbbc").most_common(5.0))
attempt("most True", lambda: Counter("aabbbc").most_common(True))
attempt("most big", lambda: Counter("aabbbc").most_common(10**30))
attempt("most neg big", lambda: Counter("aabbbc").most_common(-10**30))
attempt("most ties", lambda: Counter("abcabcd").most_common(2))
attempt("unhashable", lambda: Counter([[1]]))
attempt("neg", lambda: (Counter("ab") + Counter({"a": -5}), Counter("ab") - Counter({"a": -5, "q": -1})))
attempt("and", lambda: Counter(a=3, b=2) & Counter(a=1, b=5, c=2))
attempt("sorted", lambda: (sorted(c), max(c, key=c.get), list(c.items())[:2], str(c), f"{c}"))
attempt("dict of", lambda: (dict(c), c.pop('m'), c.setdefault('q', 7), c.get('zz'), 'i' in c, len(c)))
attempt("gen", lambda: Counter(x % 3 for x in range(10)))
attempt("subtract gen", lambda: (lambda k: (k.subtract(x for x in "aab"), k)[1])(Counter(a=5)))
attempt("total", lambda: (Counter().total(), Counter(a=1.5, b=2).total()))
attempt("elements neg", lambda: list(Counter(a=2, b=-1, c=0).elements()))
attempt("elements float", lambda: list(Counter(a=2.0).elements()))
attempt("sub dict", lambda: Counter(a=1) - {'a': 1})
attempt("unary", lambda: (+Counter(), -Counter(a=1)))
attempt("copy", lambda: Counter(a=1).copy() == Counter(a=1))
attempt("repr nested", lambda: repr(Counter({'x': Counter(a=1)})))
attempt("clear", lambda: (lambda k: (k.clear(), k)[1])(Counter(a=1)))
attempt("args", lambda: Counter(a=1).total(1))
attempt("elements args", lambda: Counter(a=1).elements(1))
attempt("fromkeys inst", lambda: Counter(a=1).fromkeys())
attempt("name", lambda: (Counter.__name__, type(Counter()) is Counter, isinstance(Counter(), dict), issubclass(Counter, dict)))

