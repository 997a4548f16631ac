# Construct: collections.Counter with asyncio — three crawler tasks fetch pages at different speeds and count words into one shared Counter as they arrive; a reporter task prints the running most_common(3) on a timer; at the end the totals per crawler (a Counter each) are added, subtracted and intersected, and elements() rebuilds a sample.
import asyncio
from collections import Counter

PAGES = {
    "fast": ["the loop runs the tasks", "tasks await the loop"],
    "slow": ["a future is awaited", "the future is done", "done is done"],
    "mid": ["gather the tasks", "the tasks are done"],
}
DELAYS = {"fast": 0.1, "slow": 0.35, "mid": 0.2}


async def crawler(name, shared, own):
    for page in PAGES[name]:
        await asyncio.sleep(DELAYS[name])
        words = page.split()
        shared.update(words)
        own.update(words)
        print(f"{asyncio.get_running_loop().time() - START:.2f} {name} counted {len(words)} words, {len(shared)} distinct so far")
    return name


async def reporter(shared, stop):
    while not stop:
        await asyncio.sleep(0.25)
        print("report:", shared.most_common(3), "total", shared.total())


async def main():
    global START
    START = asyncio.get_running_loop().time()
    shared = Counter()
    owns = {name: Counter() for name in PAGES}
    stop = []
    report = asyncio.create_task(reporter(shared, stop))
    done = await asyncio.gather(*(crawler(name, shared, owns[name]) for name in PAGES))
    stop.append(True)
    await report
    print("finished:", done)
    print(shared)
    fast, slow, mid = owns["fast"], owns["slow"], owns["mid"]
    print("fast+mid:", fast + mid)
    print("fast-mid:", fast - mid)
    print("fast&mid:", fast & mid)
    print("fast|slow:", fast | slow)
    combined = Counter()
    for c in owns.values():
        combined += c
    print("combined == shared:", combined == shared, combined.total() == shared.total())
    combined.subtract(slow)
    print("without slow:", +combined)
    print("sample:", sorted(Counter({"done": 2, "loop": 1}).elements()))
    words_once = [w for w, n in shared.items() if n == 1]
    print("words seen once:", sorted(words_once))
    top_word, top_count = shared.most_common(1)[0]
    print(f"top: {top_word!r} x{top_count}")


asyncio.run(main())
