# sorted()/list.sort() with key= and reverse=True: CPython calls the key on each item in the list's
# order (all keys first), then sorts stably from the end; max/min and a Counter's most_common agree.
import asyncio
from collections import Counter


def loud_key(tag):
    def key(item):
        print(tag, "key of", item)
        return item[1]
    return key


async def main():
    pairs = [("a", 2), ("b", 1), ("c", 2), ("d", 3), ("e", 1)]
    print(sorted(pairs, key=loud_key("sorted"), reverse=True))
    print(sorted(pairs, key=loud_key("ascending")))
    copy = list(pairs)
    copy.sort(key=loud_key("sort"), reverse=True)
    print(copy)
    await asyncio.sleep(0.1)
    words = Counter("the cat and the hat and the bat".split())
    print(words.most_common())
    print(words.most_common(2))
    print(sorted(words, key=lambda w: (words[w], w), reverse=True))


asyncio.run(main())
