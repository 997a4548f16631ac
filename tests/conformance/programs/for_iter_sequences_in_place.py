# for over a range, a list and a tuple (the interpreter's in-place path): a list growing and shrinking while iterated, negative steps, ranges past 2**62, an iterator drawn from inside its loop and exhausted for good, empty ones
xs = [1, 2, 3]
for x in xs:
    if x < 6:
        xs.append(x + 3)
print(xs)
ys = [1, 2, 3, 4]
for y in ys:
    ys.remove(y)
print(ys)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(2**62, 2**62 + 3):
    print(i, end=" ")
print()
it = iter(range(3))
for v in it:
    print(v, list(it))
for v in it:
    print("never")
t = (1, "a", None)
print([v for v in t], [v for v in range(0)], [v for v in []])
r = range(-5, 5, 4)
print([v for v in r], sum(v for v in range(100)))
