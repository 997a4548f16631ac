# Key functions that sort with key functions, without end: each is C++ recursion in the engine.
# expect: RecursionError maximum recursion depth exceeded
def deeper(x):
    return sorted([x], key=deeper)

print(sorted([1], key=deeper))
