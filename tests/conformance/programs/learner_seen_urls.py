# Learner program: a small asyncio crawler — worker tasks share a queue of URLs (a list) and a set of URLs already seen, so each page is fetched once; sets of links per page, set operations to report new and shared links.
import asyncio

SITE = {
    "/": ["/about", "/blog", "/shop"],
    "/about": ["/", "/team", "/blog"],
    "/blog": ["/blog/1", "/blog/2", "/", "/about"],
    "/blog/1": ["/blog/2", "/shop"],
    "/blog/2": ["/blog/1", "/team"],
    "/shop": ["/shop/cart", "/", "/shop/item-7"],
    "/shop/cart": ["/shop"],
    "/shop/item-7": ["/shop", "/shop/cart", "/blog/2"],
    "/team": ["/about"],
}

async def fetch(url):
    await asyncio.sleep(0.1 * (len(url) % 3 + 1))
    return set(SITE.get(url, []))

async def worker(name, queue, seen, order):
    while queue:
        url = queue.pop(0)
        links = await fetch(url)
        order.append((name, url))
        fresh = links - seen
        print(f"{name} fetched {url}: {len(links)} links, new {sorted(fresh)}")
        seen |= fresh
        queue.extend(sorted(fresh))

async def main():
    queue = ["/", "/shop", "/blog"]
    seen = set(queue)
    order = []
    await asyncio.gather(*(worker(f"w{i}", queue, seen, order) for i in range(3)))
    print("seen", len(seen), sorted(seen))
    fetched = {url for _, url in order}
    print("fetched everything seen:", fetched == seen, fetched <= seen, seen >= fetched)
    by_worker = {}
    for name, url in order:
        by_worker.setdefault(name, set()).add(url)
    for name in sorted(by_worker):
        print(name, sorted(by_worker[name]))
    shared = set(SITE["/about"]).intersection(*(set(SITE[u]) for u in ["/", "/blog"]))
    print("linked from /, /about and /blog:", shared)
    print("only back home or to their section:", {u for u, links in SITE.items() if set(links) <= {"/", "/shop", "/about"}})
    print("pages nobody links to:", set(SITE) - set().union(*SITE.values()))
    tags = frozenset({"asyncio", "crawler", "sets"})
    print(tags, "asyncio" in tags, hash(tags) == hash(frozenset(["sets", "crawler", "asyncio"])))

asyncio.run(main())
