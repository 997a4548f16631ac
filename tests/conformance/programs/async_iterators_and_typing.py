# An async iterator feeding typed workers, with typing aliases printed and a context manager per item.
import asyncio
from typing import AsyncIterator, Dict, List, Optional, Tuple

Reading = Tuple[str, float]


class Sensor:
    def __init__(self, name: str, values: List[float]):
        self.name = name
        self.values = values

    def __aiter__(self) -> "Sensor":
        self.index = 0
        return self

    async def __anext__(self) -> Reading:
        if self.index >= len(self.values):
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.index += 1
        return self.name, self.values[self.index - 1]


class Span:
    def __init__(self, label: str, spans: Dict[str, int]):
        self.label = label
        self.spans = spans

    def __enter__(self):
        self.spans[self.label] = self.spans.get(self.label, 0) + 1

    def __exit__(self, *exc_info) -> Optional[bool]:
        return None


async def collect(sensor: Sensor, spans: Dict[str, int]) -> List[Reading]:
    out: List[Reading] = []
    async for name, value in sensor:
        with Span(name, spans):
            if value < 0:
                continue
            out.append((name, value))
    return out


async def main() -> None:
    spans: Dict[str, int] = {}
    a, b = await asyncio.gather(collect(Sensor("t1", [20.5, -1, 21.0]), spans), collect(Sensor("t2", [5.0]), spans))
    print(a, b, spans)
    print(Reading, AsyncIterator[Reading], Optional[List[Reading]])


asyncio.run(main())
