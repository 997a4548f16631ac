# An uncaught exception whose __str__ raises: the traceback shows <exception str() failed>, as CPython 3.11
class Bad(Exception):
    def __str__(self):
        raise ValueError("no")
raise Bad("x")
