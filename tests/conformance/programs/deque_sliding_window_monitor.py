# Construct: a deque(maxlen=N) as a sliding window — a sensor task appends readings, a monitor task reads the window (len, sum, min, indexing, iteration, reversed) each tick; the oldest reading drops out as a new one comes in.
import asyncio
from collections import deque

window = deque(maxlen=4)


async def sensor(readings):
    for value in readings:
        window.append(value)
        print(f"reading {value} -> {window}")
        await asyncio.sleep(0.1)


async def monitor(ticks):
    history = deque()
    for _ in range(ticks):
        await asyncio.sleep(0.27)
        if not window:
            print("monitor: no data yet")
            continue
        average = sum(window) / len(window)
        history.appendleft(round(average, 2))
        trend = "rising" if window[-1] > window[0] else "falling or flat"
        print(f"monitor: avg {average:.2f} min {min(window)} newest-first {list(reversed(window))} {trend}")
        if 9 in window:
            print("monitor: spike seen at index", window.index(9))
    return history


async def main():
    _, history = await asyncio.gather(sensor([3, 5, 4, 9, 2, 2, 7, 1]), monitor(4))
    print("averages, newest first:", history)
    history.reverse()
    print("oldest first:", history, history == deque(sorted(history)), len(history))


asyncio.run(main())
