# Construct: lambda, and key functions (sorted, list.sort, min, max with key= and default=) run to their end inside the builtin; reprs of functions and coroutines.
import asyncio

def by_priority(job):
	return job["priority"], job["name"]

async def run(job):
	await asyncio.sleep(job["cost"])
	return job["name"]

async def main():
	jobs = [{"name": "b", "priority": 2, "cost": 0.2}, {"name": "a", "priority": 1, "cost": 0.3},
			{"name": "c", "priority": 2, "cost": 0.1}, {"name": "d", "priority": 1, "cost": 0.1}]
	ordered = sorted(jobs, key=by_priority)
	print([j["name"] for j in ordered])
	print([j["name"] for j in sorted(jobs, key=lambda j: j["cost"], reverse=True)])
	print(sorted([1, 1.0, True, 0, 0.0], reverse=True), sorted(["bb", "A", "ccc"], key=len))
	print(min(jobs, key=lambda j: j["cost"])["name"], max(jobs, key=by_priority)["name"], max([], default=None), min(3, 1, 2))
	names = [j["name"] for j in jobs]
	names.sort(key=lambda n: -ord(n))
	print(names)
	done = await asyncio.gather(*[run(j) for j in sorted(jobs, key=lambda j: j["cost"])])
	print(done)
	double = lambda x, factor=2: x * factor
	print(double(4), double(4, factor=3), (lambda: "now")(), double.__name__)
	print(double, by_priority, run)
	coro = run(jobs[0])
	print(coro)
	await coro
	try:
		sorted(jobs, key=lambda j: j["missing"])
	except KeyError as e:
		print("KeyError", e)
	try:
		max(1, 2, default=0)
	except TypeError as e:
		print("TypeError", e)

asyncio.run(main())
