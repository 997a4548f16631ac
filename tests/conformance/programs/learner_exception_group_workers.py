# A learner's workers: gather(return_exceptions=True), a group of the failures handled by except* (await inside a clause), a program's group subclass with derive(), nested and wide groups printed as CPython boxes them.
import asyncio

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        print("derive", len(excs))
        return MyGroup(self.message.upper(), excs)

class Bad(Exception):
    pass

async def worker(n):
    await asyncio.sleep(n / 10)
    if n % 2:
        raise ValueError(f"odd {n}")
    if n == 4:
        raise Bad("four")
    return n

async def main():
    results = await asyncio.gather(*(worker(n) for n in range(6)), return_exceptions=True)
    errors = [r for r in results if isinstance(r, Exception)]
    print(results)
    try:
        raise MyGroup("workers", errors)
    except* ValueError as eg:
        print("values:", type(eg).__name__, eg.message, [str(e) for e in eg.exceptions])
        await asyncio.sleep(0.5)
        print("slept in handler")
    except* Bad as eg:
        print("bad:", repr(eg))
    try:
        e
    except NameError as x:
        print(x)
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("mid", [TypeError(2), KeyError(3)])])
        except* TypeError:
            try:
                raise ExceptionGroup("h", [OSError("inner")])
            except* OSError as inner:
                print("nested handler", repr(inner))
    except* KeyError as k:
        print("outer got", repr(k))
    except* ValueError as v:
        print("outer v", repr(v))
    g = ExceptionGroup("wide", [ValueError(i) for i in range(20)])
    def pred(e):
        if isinstance(e, ValueError) and e.args[0] == 7:
            raise RuntimeError("pred failed")
        return False
    try:
        g.split(pred)
    except RuntimeError as r:
        print("pred raised", r)
    print(g.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 17))
    print(BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()]).__class__.__name__)
    try:
        MyGroup("x", [KeyboardInterrupt()])
    except TypeError as t:
        print(t)
    deep = ValueError("leaf")
    for i in range(12):
        deep = ExceptionGroup(f"level {i}", [deep])
    raise ExceptionGroup("final", [deep, g, ExceptionGroup("m", [TypeError("x")])])

asyncio.run(main())
