# Construct: dict — displays, comprehensions, subscripts, del, methods, live views, ** merging, | and |=, dict(), equality, KeyError, and a dict changed while iterated.
import asyncio

async def fetch(name, delay):
	await asyncio.sleep(delay)
	return {"name": name, "delay": delay, "tags": [name[0]] * 2}

async def main():
	results = {}
	for reply in await asyncio.gather(fetch("alpha", 0.2), fetch("beta", 0.1), fetch("gamma", 0.3)):
		results[reply["name"]] = reply
	print(results)
	print(list(results), [r["delay"] for r in results.values()], sorted(results))
	counts = {}
	for word in "the cat and the dog and the bird".split():
		counts[word] = counts.get(word, 0) + 1
	print(counts, max(counts.values()), sorted(counts.items()))
	squares = {n: n * n for n in range(6) if n % 2 == 0}
	print(squares, len(squares), 4 in squares, 3 in squares, 16 in squares.values(), (2, 4) in squares.items())
	keys = squares.keys()
	squares[8] = 64
	del squares[0]
	print(keys, squares.values(), squares.items(), len(keys))
	config = {"host": "localhost", "port": 8080}
	merged = {**config, "port": 9090, "debug": True}
	print(merged, config | {"tls": False}, {1: "a", 1.0: "b", True: "c"})
	config |= [("retries", 3)]
	config.update({"port": 1}, user="me")
	print(config, config.pop("user"), config.pop("missing", None), config.setdefault("timeout", 5.0), config)
	print(config.popitem(), config, dict(a=1, b=2), dict([("x", [1]), ("y", (2,))]), dict(config) == config)
	nested = {"a": {"b": {"c": 1}}}
	nested["a"]["b"]["c"] += 41
	nested["a"]["list"] = [1, 2]
	nested["a"]["list"][0] = "one"
	print(nested, nested == {"a": {"b": {"c": 42}, "list": ["one", 2]}}, {} == {}, {"a": 1} != {"a": 1.0})
	print(f"{counts['the']} of {len(counts)}: {counts}", "%s" % {"k": (1, 2)}, str({None: ...}), repr({"q": "'"}))
	print(hash(1) == hash(1.0) == hash(True), hash((1, 2)), hash(2 ** 100), hash(-1), hash(0.5), hash(()))
	try:
		print(counts["fish"])
	except KeyError as e:
		print("KeyError:", e, repr(e), e.args)
	try:
		{}.popitem()
	except KeyError as e:
		print("KeyError:", e)
	try:
		print({[1]: 2})
	except TypeError as e:
		print("TypeError:", e)
	try:
		for key in counts:
			counts[key + "!"] = 1
	except RuntimeError as e:
		print("RuntimeError:", e)
	try:
		print(dict([(1, 2, 3)]))
	except ValueError as e:
		print("ValueError:", e)
	try:
		print({**[1]})
	except TypeError as e:
		print("TypeError:", e)
	items = [3, 1, 4, 1, 5, 9, 2, 6]
	del items[0]
	del items[::3]
	print(items)
	table = {}
	table["self"] = table
	print(table)

asyncio.run(main())
