# A __repr__ that asks for its own repr: each call is a nested call from native code, bounded before
# the thread's stack.
# expect: RecursionError maximum recursion depth exceeded
class Loop:
    def __repr__(self):
        return "<" + repr(self) + ">"

print([Loop()])
