# `with`: __enter__'s result bound by `as`, __exit__ on every way out of the block, an exception
# suppressed when __exit__ returns true, several managers and the parenthesized form.
class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, repr(exc), tb is None, type(tb).__name__)
        return self.swallow


with Resource("plain") as r:
    print("inside", r.name)

with Resource("quiet", swallow=True):
    raise ValueError("swallowed")
print("after the suppressed error")

try:
    with Resource("outer") as a, Resource("inner") as b:
        print(a.name, b.name)
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))


def leave_early():
    for i in range(4):
        with Resource(f"loop{i}"):
            if i == 0:
                continue
            if i == 2:
                break
            print("body", i)
    with Resource("returning"):
        return "returned"


print(leave_early())

with (Resource("p1") as p, Resource("p2")):
    print("grouped", p.name)
with (Resource("paren")) as q:
    print("parenthesized", q.name)


class Counter:
    count = 0

    def __enter__(self):
        Counter.count += 1
        return Counter.count

    def __exit__(self, *args):
        print("exit args", args[0], args[1])


holder = {}
with Counter() as holder["first"]:
    pass
with Counter() as (x):
    print("targets", holder, x)

try:
    with Resource("in except"):
        try:
            1 / 0
        except ZeroDivisionError:
            raise RuntimeError("while handling")
except RuntimeError as e:
    print("outer caught", e)
