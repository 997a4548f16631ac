# 300,000 AttributeErrors, each kept by the object it names (obj.error = e): CPython's exc.obj makes a
# cycle its collector frees; the engine holds the object only weakly once the error is caught.
# expect: ok
# stdout: done 299999
class A:
    pass
last = None
for i in range(300000):
    b = A()
    try:
        b.missing
    except AttributeError as e:
        b.error = e
    last = i
print('done', last)
