# zip(strict=True): equal lengths pass; a shorter or longer iterable is CPython's ValueError, naming it.
names = ["a", "b", "c"]
scores = [1, 2, 3]
print(list(zip(names, scores, strict=True)), list(zip(names, scores[:2])), list(zip(strict=False)))
for args in [(names, scores[:2]), (names[:1], scores), (names, scores, [7]), (names, scores, [7, 8, 9, 10]), ([], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
pairs = zip(names, [10, 20], strict=True)
print(next(pairs), next(pairs))
try:
    next(pairs)
except ValueError as e:
    print(e)
print(dict(zip("xyz", range(3), strict=1)))
try:
    zip([1], foo=True)
except TypeError as e:
    print(e)
