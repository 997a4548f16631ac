# Construct: try/except/finally and raise: handler choice, re-raise, finally on every path, across an await.
import asyncio

async def risky(kind):
	await asyncio.sleep(0.5)
	if kind == "value":
		raise ValueError("bad value")
	elif kind == "zero":
		return 1 / 0
	return "fine"

async def attempt(kind):
	try:
		result = await risky(kind)
		print(kind, "returned", result)
	except ValueError as e:
		print(kind, "ValueError:", e)
	except ZeroDivisionError as e:
		print(kind, "ZeroDivisionError:", e)
	finally:
		print(kind, "finally")

async def main():
	await attempt("ok")
	await attempt("value")
	await attempt("zero")
	try:
		try:
			raise RuntimeError("inner")
		finally:
			print("inner finally")
	except RuntimeError as e:
		print("outer caught", e)
	try:
		print("no exception")
	except ValueError:
		print("not reached")
	finally:
		print("finally without exception")

asyncio.run(main())
