# generator.throw() with arguments that make no exception: raised straight out of a generator stopped
# at a plain yield (it goes on), but at the yield from of one that delegates to another generator, as
# CPython's _gen_throw passes the arguments on first (caught there, or ending it; the inner generator
# is left as it was). A wrong number of arguments is throw()'s own TypeError either way.
def sub():
    while True:
        try:
            yield "sub"
        except ValueError:
            print("sub caught")


def outer():
    try:
        yield from sub()
    except TypeError as e:
        print("outer caught:", e)
        yield "after"


g = outer()
next(g)
print(g.throw(1))

plain = sub()
next(plain)
try:
    plain.throw(ValueError("x"), 1)
except TypeError as e:
    print("plain:", e)
print("plain goes on:", next(plain))

s = sub()
next(s)


def delegating():
    yield from s


g2 = delegating()
next(g2)
try:
    g2.throw(ValueError, 1, 2, 3)
except TypeError as e:
    print(e)
print(g2.throw(ValueError))
try:
    g2.throw(ValueError("x"), 1)
except TypeError as e:
    print("g2:", e)
print("the inner one:", next(s))
try:
    next(g2)
except StopIteration:
    print("g2 is done")
