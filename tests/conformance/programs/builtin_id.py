# Construct: id() as learners use it: the same object has one id for its life, two live objects have different ids, the address an object's repr shows is hex(id(obj)), None/True/False and small ints are one object each, an alias shares its id, and id()'s TypeErrors.
import asyncio


class Account:
    def __init__(self, owner):
        self.owner = owner


async def touch(acc, log):
    await asyncio.sleep(0.01)
    log.append(id(acc))
    return acc


async def main():
    a = Account("ann")
    b = Account("bob")
    alias = a
    print(id(a) == id(alias), id(a) != id(b), id(a) == id(a), type(id(a)).__name__, id(a) > 0)
    print(hex(id(a)) in repr(a), hex(id(b)) in repr(b), f"{id(a):#x}" in repr(a))
    log = []
    got = await asyncio.gather(touch(a, log), touch(b, log), touch(a, log))
    print(log[0] == log[2] == id(a), log[1] == id(b), [id(x) for x in got] == log)
    xs = [1, 2]
    ys = xs
    zs = list(xs)
    print(id(xs) == id(ys), id(xs) == id(zs), xs == zs)
    print(id(None) == id(None), id(True) == id(1 > 0), id(True) != id(False), id(7) == id(3 + 4), id(-5) == id(-5))

    def f():
        pass

    print(hex(id(f)) in repr(f), hex(id(alias)) in repr(a), id(Account) == id(type(a)))
    task = asyncio.create_task(touch(a, log))
    print(hex(id(task)) in repr(task) or "no address in a task's repr")
    await task
    seen = {id(a): "a", id(b): "b"}
    print(seen[id(alias)], len(seen))
    for bad in (lambda: id(), lambda: id(1, 2), lambda: id(obj=a)):
        try:
            bad()
        except TypeError as e:
            print(type(e).__name__, e)


asyncio.run(main())
