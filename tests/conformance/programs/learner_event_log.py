# A learner's event log: dicts of lists, f-string formatting, sorting with keys, exceptions with causes.
import asyncio
import time


class LogError(Exception):
    def __init__(self, source, message):
        super().__init__(f"{source}: {message}")
        self.source = source


log = {}


async def emit(source, events):
    for delay, level, text in events:
        await asyncio.sleep(delay)
        log.setdefault(level, []).append((round(time.monotonic() - start, 2), source, text))
        if level == "fatal":
            try:
                int(text)
            except ValueError as e:
                raise LogError(source, "fatal event") from e


async def main():
    sources = {
        "db": [(0.1, "info", "connected"), (0.4, "warn", "slow query"), (0.2, "info", "done")],
        "api": [(0.2, "info", "listening"), (0.2, "fatal", "crash")],
        "cache": [(0.3, "warn", "miss rate 40%")],
    }
    results = await asyncio.gather(*(emit(s, e) for s, e in sources.items()), return_exceptions=True)
    for source, result in zip(sources, results):
        if isinstance(result, LogError):
            print(f"{source:>6}: failed ({result}; caused by {result.__cause__!r}, source={result.source})")
        else:
            print(f"{source:>6}: ok")
    for level in sorted(log, key=lambda lv: (-len(log[lv]), lv)):
        print(f"{level.upper():<5} {len(log[level])}")
        for when, source, text in sorted(log[level]):
            print(f"   {when:5.2f} {source:<6} {text}")


start = time.monotonic()
asyncio.run(main())
