# A generator stopped at a yield inside try/finally is closed the moment it is let go, as CPython does:
# a for loop left by break, return or an exception, a variable rebound or deleted, the frame that held
# it returning, a list holding it cleared; its finally runs there, before the next line. One that ran
# to its end or was never started runs nothing.
def numbers(name, n):
    try:
        for i in range(n):
            yield i
    finally:
        print("closed", name)


for x in numbers("break", 5):
    if x == 2:
        break
print("after break", x)


def first_over(limit):
    for x in numbers("return", 10):
        if x > limit:
            return x
    return None


print("first over 3:", first_over(3))

try:
    for x in numbers("exception", 5):
        if x == 1:
            raise ValueError("stop at 1")
except ValueError as e:
    print("caught", type(e).__name__, e)

g = numbers("rebound", 3)
print("next:", next(g))
g = None
print("after rebind")

g = numbers("deleted", 3)
next(g)
del g
print("after del")


def holder():
    g = numbers("local", 3)
    print("holder got", next(g))
    return "holder done"


print(holder())

kept = [numbers("in a list", 4)]
print("from the list:", next(kept[0]), next(kept[0]))
kept.clear()
print("after clear")

for x in numbers("exhausted", 2):
    pass
print("after exhausting")

unstarted = numbers("never started", 3)
unstarted = None
print("after the unstarted one")

print("sum:", sum(numbers("summed", 4)))
print("listed:", list(numbers("listed", 3)))
print("next only:", next(numbers("temporary", 3)))
print("end")
