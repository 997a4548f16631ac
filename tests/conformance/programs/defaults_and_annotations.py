# Construct: def/async def with defaults and annotations (ignored at run time), annotated and tuple assignments.
import asyncio
from asyncio import Task

def greet(name: str, greeting: str = "Hello", punctuation: str = "!") -> str:
	return f"{greeting}, {name}{punctuation}"

async def delayed(value: int, delay: float = 0.5) -> int:
	await asyncio.sleep(delay)
	return value

async def main() -> None:
	print(greet("World"))
	print(greet("asyncio", "Bye"))
	print(greet("you", punctuation="?"))
	count: int = 3
	ratio: float
	ratio = 0.5
	a, b = 1, 2
	a, b = b, a
	(c, d) = (count, ratio)
	print(count, ratio, a, b, c, d)
	task: Task = asyncio.create_task(delayed(7))
	first: int = await delayed(1, 0.25)
	print(first, await task)

asyncio.run(main())
