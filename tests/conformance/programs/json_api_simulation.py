# A learner's simulated web API: responses as JSON text, parsed, merged and written back, with a bad
# response caught as json.JSONDecodeError (a ValueError) and reported as the real one would be.
import asyncio
import json
import random

RESPONSES = {
    "users": '{"users": [{"id": 1, "name": "Ada"}, {"id": 2, "name": "Grace"}]}',
    "orders": '{"orders": [{"user": 1, "total": 12.5}, {"user": 2, "total": 7.25}, {"user": 1, "total": 3}]}',
    "broken": '{"status": "ok", "items": [1, 2,]}',
}


async def fetch(endpoint, delay):
    await asyncio.sleep(delay)
    print(f"fetched {endpoint} after {delay:.2f}s")
    return RESPONSES[endpoint]


async def fetch_json(endpoint, delay):
    text = await fetch(endpoint, delay)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        print(f"{endpoint}: bad JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return None


async def main():
    random.seed(7)
    delays = [round(random.uniform(0.1, 0.5), 2) for _ in RESPONSES]
    users, orders, broken = await asyncio.gather(*(fetch_json(name, d) for name, d in zip(RESPONSES, delays)))
    names = {u["id"]: u["name"] for u in users["users"]}
    totals = {}
    for order in orders["orders"]:
        totals[names[order["user"]]] = totals.get(names[order["user"]], 0) + order["total"]
    report = {"totals": totals, "broken": broken, "count": len(orders["orders"])}
    print(json.dumps(report))
    print(json.dumps(report, indent=2, sort_keys=True))
    try:
        json.dumps({"when": asyncio.get_running_loop()})
    except TypeError as e:
        print("not JSON:", e)
    json.loads(RESPONSES["broken"])


asyncio.run(main())
