# Construct: classes' errors as CPython raises them — no __init__, __init__ returning a value, __repr__/__str__ returning non-strings (print writing what came before), MRO conflicts, super() misuse, object() attributes.
class A:
    pass

class B(A):
    pass

def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: A(1))
attempt(lambda: A().nothing)
attempt(lambda: A.nothing)
attempt(lambda: object(1))
o = object()
def set_on_object():
    o.x = 1
attempt(set_on_object)
def set_on_int():
    n = 5
    n.real = 3
def set_on_list():
    l = []
    l.foo = 3
attempt(set_on_list)
def del_missing():
    a = A()
    del a.zzz
attempt(del_missing)
class R:
    def __init__(self):
        return 5
attempt(lambda: R())
class S:
    def __repr__(self):
        return 42
attempt(lambda: repr(S()))
attempt(lambda: str(S()))
attempt(lambda: [S()])
class T:
    def __str__(self):
        return None
attempt(lambda: print(T()))
attempt(lambda: f"{T()}")
def bad_mro():
    class X(A, B):
        pass
attempt(bad_mro)
def dup_base():
    class X(A, A):
        pass
attempt(dup_base)
def super_outside():
    return super()
attempt(super_outside)
class U:
    def m():
        return super()
attempt(lambda: U.m())
attempt(lambda: U().m())
class V:
    def __init__(self, a, b=2, *, c):
        self.t = (a, b, c)
attempt(lambda: V(1).t)
attempt(lambda: V(1, c=3).t)
attempt(lambda: V(1, 2, 3, c=3))
class W(B):
    def __init__(self):
        super().__init__(1)
attempt(W)
class W2(B):
    def __init__(self):
        super().__init__()
        self.ok = True
attempt(lambda: W2().ok)
print(isinstance(1, object), isinstance(A, object), isinstance(A(), object), issubclass(A, object))
attempt(lambda: issubclass(1, A))
print(A.__name__, A.__qualname__, type(A).__name__, type(A()).__name__)
x = A()
x.val = 10
x.val += 5
x.items = [1]
x.items += [2]
print(x.val, x.items)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
        self.n = n
d = Deep(50)
depth = 0
while d.child is not None:
    d = d.child
    depth += 1
print(depth)
raise_me = B()
print(type(raise_me).__name__)
class Loud:
    def __repr__(self):
        return "Loud!"
print(Loud(), [Loud(), {"k": Loud()}], (Loud(),))
print(Loud().__repr__, )
class Chatty:
    def __str__(self):
        print("converting")
        return "chatty"
print("before", Chatty(), "after")
print(Chatty(), end="!\n")
try:
    print("partial", S(), "never")
except TypeError as e:
    print()
    print("caught", e)
