# A program's exception classes with __str__ and __repr__: str(), repr(), f-strings, print, containers, subclasses, super().__str__()/__repr__() (BaseException's), a __str__ that raises or returns a non-str, and the uncaught traceback's last line with a cause
import asyncio

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

class Sub(AppError):
    pass

class Both(Exception):
    def __repr__(self):
        return "Both!"

class Bad(Exception):
    def __str__(self):
        raise ValueError("no")

class S(Exception):
    def __str__(self):
        return "S:" + super().__str__()
    def __repr__(self):
        return "R" + super().__repr__()

class Bad2(Exception):
    def __str__(self):
        return 5

async def main():
    e = AppError(3, "boom")
    print(e, str(e), repr(e), f"{e}|{e!r}|{e!s}", [e], e.args)
    print(Sub(4, "sub"), repr(Sub(4, "x")), Both("a"), repr(Both("a")), [Both(1)])
    print(S(1, 2), repr(S("x")), S(), [S("y")])
    try:
        str(Bad())
    except ValueError as x:
        print("ValueError", x)
    try:
        print(Bad2())
    except TypeError as x:
        print("TypeError", x)
    try:
        raise Sub(9, "inner")
    except AppError as x:
        print("caught", x, type(x).__name__)
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    try:
        try:
            raise AppError(1, "first")
        except AppError:
            raise Bad("second")
    except Bad as b:
        print(repr(b), b.args)
    raise AppError(42, "the end") from KeyError("k")

asyncio.run(main())
