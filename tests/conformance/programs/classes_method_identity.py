# Construct: classes — bound methods compared and used as dict keys (equal when they bind the same function to the same object, though each load is a new object), and issubclass() between builtin types (bool derives from int, every type from object).
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1


a = Counter()
b = Counter()
print(a.bump == a.bump, a.bump is a.bump, a.bump != a.bump, a.bump == b.bump)
print(Counter.bump == Counter.bump)
handlers = {a.bump: "a", b.bump: "b"}
print(handlers[a.bump], handlers[b.bump], len(handlers), a.bump in handlers)
print(hash(a.bump) == hash(a.bump))

print(issubclass(bool, int), issubclass(int, bool), issubclass(int, int))
print(issubclass(int, object), issubclass(bool, (str, int)), issubclass(list, Counter))
print(issubclass(dict, dict), issubclass(range, object), issubclass(Counter, int))
