# sys.stdout and sys.stderr: print(file=...), write() (its count, its TypeErrors), flush(), and a
# progress line written piece by piece from two tasks.
import asyncio
import sys
from sys import stdout

print(repr(sys.stdout), repr(sys.stderr), type(sys.stdout).__name__)
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print(sys.stdout.write("written\n"), sys.stdout.write("héllo\n"), stdout is sys.stdout)
print(sys.stderr.write("an error line\n"))
print(sys.stdout.flush(), sys.stderr.flush())
for bad in [lambda: sys.stdout.write(5), lambda: sys.stdout.write(), lambda: sys.stdout.write("a", "b"), lambda: print(1, file=5)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


async def progress(name, steps, delay):
    for _ in range(steps):
        await asyncio.sleep(delay)
        sys.stdout.write(name)
        sys.stdout.flush()
    print(f" {name} done", flush=True)


async def main():
    await asyncio.gather(progress("a", 3, 0.1), progress("b", 2, 0.25))
    print("warning: finished", file=sys.stderr)

asyncio.run(main())
