# A key function that recurses 600 deep, called by sorted() 600 frames deep: CPython's one stack holds
# both, so RecursionError; the nested call counted only its own frames and ran to the end.
# expect: RecursionError maximum recursion depth exceeded
def r(n):
    return n if n == 0 else r(n - 1)

def k(x):
    return r(600)

def outer(n):
    return sorted([1, 2], key=k) if n == 0 else outer(n - 1)

print(outer(600))
