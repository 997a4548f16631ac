# A learner's launch sequence: generators for the plan, a with-block for the log, tasks for the stages.
import asyncio


def stages():
    yield "fuel", 0.3
    yield "checks", 0.2
    yield "ignition", 0.1


def countdown(start):
    while start:
        yield start
        start -= 1


class Log:
    def __init__(self):
        self.lines = []

    def __enter__(self):
        self.lines.append("open")
        return self.lines

    def __exit__(self, exc_type, exc, tb):
        self.lines.append("closed" if exc_type is None else f"aborted: {exc}")
        return False


async def stage(name, seconds, lines):
    await asyncio.sleep(seconds)
    lines.append(f"{name} ready")
    return name


async def main():
    log = Log()
    with log as lines:
        done = await asyncio.gather(*(stage(n, s, lines) for n, s in stages()))
        for n in countdown(3):
            print(n)
            await asyncio.sleep(0.1)
    print(done, log.lines)
    try:
        with Log() as lines:
            for n in countdown(2):
                if n == 1:
                    raise RuntimeError("hold")
    except RuntimeError:
        print("held:", lines)


asyncio.run(main())
