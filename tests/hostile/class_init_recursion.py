# An __init__ that makes another of its own instances, forever.
# expect: RecursionError maximum recursion depth exceeded
class Matryoshka:
    def __init__(self):
        self.inner = Matryoshka()

Matryoshka()
