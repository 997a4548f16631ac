# Construct: a learner's LRU cache built on collections.OrderedDict inside an asyncio program — workers fetch keys through the cache (a hit moves the key to the end, a miss awaits a slow fetch and evicts the least recently used with popitem(last=False)), the cache's order printed as the tasks interleave, and its stats at the end.
import asyncio
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = 0
        self.misses = 0
        self.evicted = []

    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return None
        self.hits += 1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old_key, old_value = self.data.popitem(last=False)
            self.evicted.append(old_key)

    def __repr__(self):
        return f"LRUCache({list(self.data.keys())})"


async def slow_fetch(key):
    await asyncio.sleep(0.1 * (len(key) % 3 + 1))
    return key.upper() * 2


async def worker(name, cache, keys):
    for key in keys:
        value = cache.get(key)
        if value is None:
            value = await slow_fetch(key)
            cache.put(key, value)
            print(f"{name}: fetched {key!r} -> {value!r}, cache {cache}")
        else:
            print(f"{name}: hit {key!r} -> {value!r}, cache {cache}")
        await asyncio.sleep(0)


async def main():
    cache = LRUCache(3)
    await asyncio.gather(
        worker("w1", cache, ["ab", "cd", "ab", "efg", "h"]),
        worker("w2", cache, ["cd", "ab", "ij", "cd", "ab"]),
        worker("w3", cache, ["h", "h", "klm", "ab"]),
    )
    print("final:", cache, cache.data)
    print("hits", cache.hits, "misses", cache.misses, "evicted", cache.evicted)
    newest_first = list(reversed(cache.data.items()))
    print("newest first:", newest_first)
    snapshot = cache.data.copy()
    snapshot.move_to_end(next(iter(snapshot)))
    print(snapshot == cache.data, dict(snapshot) == dict(cache.data), snapshot)
    try:
        cache.data.move_to_end("missing")
    except KeyError as exc:
        print("KeyError", exc)
    empty = LRUCache(1)
    try:
        empty.data.popitem(last=False)
    except KeyError as exc:
        print("KeyError", exc)


asyncio.run(main())
