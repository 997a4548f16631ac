# coroutine.send() driving a coroutine by hand, as await does under the hood: asyncio.sleep(0) gives
# None to whoever sends, an awaited coroutine's awaits come out through the outer one, the return value
# arrives in StopIteration, cr_running, and CPython's errors (a non-None value to a just-started one,
# reuse after the end, sending into itself, awaiting one send() left in an await), with the "never
# awaited" warning only for the coroutine that never started.
import asyncio


async def inner(n):
    print("  inner starts", n)
    await asyncio.sleep(0)
    print("  inner resumes", n)
    return n * 10


async def outer():
    print(" outer starts")
    a = await inner(1)
    b = await asyncio.sleep(0, "sleep's result")
    print(" outer got", a, b)
    c = await inner(2)
    return a + c


coro = outer()
print(type(coro).__name__, coro.cr_running)
step = 0
while True:
    try:
        got = coro.send(None)
    except StopIteration as stop:
        print("StopIteration carries", stop.value, stop.args)
        break
    step += 1
    print("step", step, "yielded", got, coro.cr_running)

for attempt in ("send", "throw"):
    try:
        if attempt == "send":
            coro.send(None)
        else:
            coro.throw(ValueError("late"))
    except RuntimeError as e:
        print(attempt, type(e).__name__, e)


async def quick():
    return None


q = quick()
try:
    q.send(None)
except StopIteration as stop:
    print("None returned:", stop.value, stop.args, repr(stop))

fresh = outer()
try:
    fresh.send("hello")
except TypeError as e:
    print(type(e).__name__, e)
print(fresh.send(None))
fresh.close()


async def myself():
    print("running, cr_running is", me.cr_running)
    me.send(None)


me = myself()
try:
    me.send(None)
except ValueError as e:
    print(type(e).__name__, e)


async def stops():
    raise StopIteration("inside")


try:
    stops().send(None)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))


async def main():
    c = inner(3)
    print("by hand in a task:", c.send(None))
    try:
        await c
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        c.send(None)
    except StopIteration as stop:
        print("finished by hand:", stop.value)


asyncio.run(main())

started = inner(4)
started.send(None)
del started
never = inner(5)
del never
print("end")
