# Sensors as asynchronous generators at their own rates, merged by tasks into one log; alerts printed
# to stderr; a summary with f-string formats.
import asyncio
import sys


async def sensor(name, period, readings):
    for value in readings:
        await asyncio.sleep(period)
        yield name, value


async def watch(name, period, readings, log, limit):
    async for source, value in sensor(name, period, readings):
        now = asyncio.get_running_loop().time()
        log.append((round(now, 2), source, value))
        if value > limit:
            print(f"ALERT {source} {value} at {now:.2f}", file=sys.stderr)
        print(f"{now:5.2f} {source:>6}: {value:6.1f}")


async def main():
    log = []
    await asyncio.gather(
        watch("temp", 0.5, [20.5, 21.0, 25.5, 22.0], log, 25),
        watch("humid", 0.7, [40, 45, 80], log, 70),
    )
    print(len(log), "readings")
    highest = max(log, key=lambda entry: entry[2])
    print("highest:", highest)
    sys.stdout.write(f"done in {asyncio.get_event_loop().time() if False else log[-1][0]} s\n")

asyncio.run(main())
