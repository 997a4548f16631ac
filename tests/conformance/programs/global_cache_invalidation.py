# Globals read in loops while they change: reassigned, deleted (NameError, then the builtin again), a builtin shadowed and unshadowed, `global` in functions and tasks, a global made after a function first read the builtin
import asyncio

counter = 0


def read_counter():
    return counter


def bump():
    global counter
    counter += 1


def use_len(x):
    return len(x)


def late():
    return later_name


def show(f, *args):
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


for i in range(3):
    bump()
    show(read_counter)
counter = "reassigned"
show(read_counter)
del counter
show(read_counter)
show(bump)
counter = 10
show(read_counter)

for i in range(2):
    show(use_len, [1, 2, 3])
len = lambda x: "shadowed len of " + repr(x)
show(use_len, [1, 2, 3])
del len
show(use_len, [1, 2, 3])
try:
    del len
except NameError as e:
    print(type(e).__name__, e)

for i in range(2):
    show(late)
later_name = "now defined"
show(late)
del later_name
show(late)

print_ = print


def patched_print(*args):
    print_("patched:", *args)


def announce(x):
    print(x)


announce("plain")
print = patched_print
announce("after print was replaced")
del print
announce("print restored")


async def worker(n):
    global counter
    for _ in range(n):
        counter += 1
        await asyncio.sleep(0)
    return counter


async def main():
    global total
    total = 0
    results = await asyncio.gather(worker(3), worker(4))
    total = sum(results)
    print(counter, results, total)
    globals_seen = [read_counter() for _ in range(3)]
    print(globals_seen)


asyncio.run(main())
print(total, counter)
