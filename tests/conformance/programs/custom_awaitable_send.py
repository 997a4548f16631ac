# Driving an await of a custom awaitable by hand with send(): what __await__ yields comes out of
# send(), what is sent goes into its yield, its return value ends the await; throw() goes into the
# __await__ generator first; close() closes it.
import asyncio


class Echo:
    def __await__(self):
        got = yield "first"
        print("  __await__ got", got)
        got = yield got * 2
        print("  __await__ got", got)
        return "done"


class Catcher:
    def __await__(self):
        try:
            yield "waiting"
        except ValueError as e:
            print("  caught in __await__:", e)
            yield "after catch"
        return "caught"


class Listy:
    def __await__(self):
        return iter(["a", "b"])


async def user(aw):
    result = await aw
    print("  await gave", result)
    return result


c = user(Echo())
print(c.send(None))
print(c.send(21))
try:
    c.send("last")
except StopIteration as stop:
    print("StopIteration", stop.value)

c = user(Catcher())
print(c.send(None))
print(c.throw(ValueError("thrown")))
try:
    c.send(None)
except StopIteration as stop:
    print("StopIteration", stop.value)

c = user(Listy())
print(c.send(None), c.send(None))
try:
    c.send(None)
except StopIteration as stop:
    print("StopIteration", stop.value)

c = user(Listy())
print(c.send(None))
try:
    c.send("a value for a list iterator")
except AttributeError as e:
    print(type(e).__name__, e)

c = user(Listy())
print(c.send(None))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)

c = user(Echo())
print(c.send(None))
c.close()
print("closed", c.cr_running)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
