# A learner's word statistics: a dataclass per word, sorting by several keys, f-string tables.
import asyncio
from dataclasses import dataclass, field


@dataclass
class WordStat:
    word: str
    count: int = 0
    lines: list = field(default_factory=list)


TEXT = """the loop runs the tasks
a task awaits the loop
the tasks finish"""


async def count_line(number, line, stats):
    await asyncio.sleep(0.01 * len(line))
    for word in line.split():
        stat = stats.setdefault(word, WordStat(word))
        stat.count += 1
        if number not in stat.lines:
            stat.lines.append(number)


async def main():
    stats = {}
    await asyncio.gather(*(count_line(n, line, stats) for n, line in enumerate(TEXT.splitlines(), 1)))
    ranked = sorted(stats.values(), key=lambda s: (-s.count, s.word))
    print(f"{'word':<8}|{'n':>3} | lines")
    for s in ranked[:5]:
        print(f"{s.word:<8}|{s.count:>3} | {','.join(map(str, s.lines))}")
    print(ranked[0], ranked[0] == WordStat("the", 4, [1, 2, 3]))


asyncio.run(main())
