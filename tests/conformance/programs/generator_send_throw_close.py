# A generator driven by send(), throw() and close(), and a coroutine closed before it ran, as
# CPython 3.11 runs them: the value a yield evaluates to, StopIteration with a return value, an
# exception thrown in at the yield (caught there or let out, with the generator's line in the
# traceback, which ends the program), thrown into one not started or finished, close() at any point, and their TypeErrors.
import asyncio


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return average
        total += value
        count += 1
        average = total / count


def resilient():
    n = 0
    while True:
        try:
            n = yield n
        except ValueError as e:
            print("resilient caught", e)
            n = -1


def plain():
    yield 1
    yield 2


def show(call):
    try:
        print("->", call())
    except BaseException as e:
        print("raised", type(e).__name__, e.args)


avg = averager()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(30))
try:
    avg.send(None)
except StopIteration as stop:
    print("returned", stop.value)
show(lambda: avg.send(1))
show(lambda: next(avg))

r = resilient()
show(lambda: r.send(5))
show(lambda: next(r))
show(lambda: r.send(7))
show(lambda: r.throw(ValueError("bad")))
show(lambda: r.throw(ValueError, "again"))
show(lambda: r.throw(ValueError, ("a", "b")))
show(lambda: r.send(3))
show(lambda: r.throw(KeyError("k")))
show(lambda: next(r))
show(lambda: r.throw(KeyError("after")))
show(lambda: r.close())

p = plain()
show(lambda: p.throw(RuntimeError("unstarted")))
show(lambda: next(p))
p = plain()
print(next(p))
show(lambda: p.throw(IndexError("at the yield")))
p = plain()
print(next(p))
print(p.close(), p.close())
show(lambda: next(p))
p = plain()
print(p.close())
show(lambda: next(p))

p = plain()
show(lambda: p.send())
show(lambda: p.send(1, 2))
show(lambda: p.send(x=1))
show(lambda: p.throw())
show(lambda: p.throw(1))
show(lambda: p.throw(ValueError("x"), "y"))
show(lambda: p.throw(ValueError, 1, 2))
show(lambda: p.throw(ValueError, 1, None, 4))
show(lambda: p.close(1))
show(lambda: p.throw(StopIteration))
show(lambda: next(p))


def reentrant():
    yield me.send(None)


me = reentrant()
show(lambda: next(me))


async def work():
    print("never runs")
    return 1


c = work()
print(c.close(), c.close())
show(lambda: c.close(1))


async def main():
    t = asyncio.create_task(c)
    try:
        await t
    except RuntimeError as e:
        print("task:", e)
    print(t)
    d = work()
    print(await d)
    try:
        await asyncio.gather(d)
    except RuntimeError as e:
        print("gather:", e)


asyncio.run(main())
p = plain()
next(p)
p.throw(IndexError("uncaught, at the yield"))
