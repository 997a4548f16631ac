# coroutine.throw() in its 3.11 forms (a class, a class and a value, an instance) and close(): the
# exception raised at the await the coroutine stopped at (or at its def line before it started), caught
# there or let out, a return in the handler ending it with StopIteration, GeneratorExit from close()
# seen and re-raised, "coroutine ignored GeneratorExit" when it awaits again, and throw()'s TypeErrors
# (those of its arguments raised inside the coroutine stopped in asyncio.sleep, as CPython passes them on).
import asyncio


async def worker(name):
    total = 0
    while True:
        try:
            await asyncio.sleep(0)
            total += 1
        except ValueError as e:
            print(" ", name, "caught", repr(e), "after", total)
            if str(e) == "stop":
                return total


w = worker("w")
w.send(None)
w.send(None)
print(w.throw(ValueError))
print(w.throw(ValueError, "with a value"))
print(w.throw(ValueError, ValueError("an instance as value")))
print(w.throw(ValueError("an instance")))
try:
    w.throw(ValueError("stop"))
except StopIteration as stop:
    print("returned", stop.value)

w2 = worker("w2")
w2.send(None)
try:
    w2.throw(KeyError("not caught"))
except KeyError as e:
    print("let out:", repr(e))
try:
    w2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

w3 = worker("w3")
try:
    w3.throw(ValueError("before it started"))
except ValueError as e:
    print("unstarted:", repr(e))

# A wrong number of arguments is refused by throw() itself; what is wrong with them otherwise is found
# where asyncio.sleep's generator makes the exception, inside the coroutine: it ends with that TypeError
for args in [(), (ValueError, 1, 2, 3), (1,), (ValueError("x"), 1), (ValueError, None, 5)]:
    w4 = worker("w4")
    w4.send(None)
    try:
        w4.throw(*args)
    except TypeError as e:
        print("TypeError", e)
    try:
        w4.send(None)
        print("  still running")
    except RuntimeError as e:
        print(" ", type(e).__name__, e)
    w4.close()
w5 = worker("w5")
try:
    w5.throw(1)
except TypeError as e:
    print("unstarted:", e)
w5.close()
w6 = worker("w6")
w6.send(None)
w6.throw(ValueError, None, None)
w6.close()


async def polite():
    try:
        await asyncio.sleep(0)
    except GeneratorExit:
        print("  GeneratorExit seen, re-raised")
        raise


p = polite()
p.send(None)
print("close:", p.close())
print("close again:", p.close())


async def returns_on_exit():
    try:
        await asyncio.sleep(0)
    except GeneratorExit:
        return "ignored by close"


r = returns_on_exit()
r.send(None)
print("close of one that returns:", r.close())


async def stubborn():
    try:
        await asyncio.sleep(0)
    except GeneratorExit:
        print("  ignoring GeneratorExit")
    await asyncio.sleep(0)
    return "done anyway"


s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    s.send(None)
except StopIteration as stop:
    print("then:", stop.value)

unstarted = worker("never")
unstarted.close()
try:
    unstarted.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


async def fails_on_exit():
    try:
        await asyncio.sleep(0)
    except GeneratorExit:
        raise KeyError("from the handler")


f = fails_on_exit()
f.send(None)
try:
    f.close()
except KeyError as e:
    print("close raised", repr(e), repr(e.__context__))
print("end")
