# A learner's typed asyncio program: annotations from typing on functions, a dataclass and aliases.
import asyncio
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

Result = Tuple[str, Optional[int]]
Cache = Dict[str, List[int]]


@dataclass
class Job:
    url: str
    delay: float
    tries: List[int] = field(default_factory=list)


async def fetch(job: Job, cache: Cache) -> Result:
    job.tries.append(len(job.tries) + 1)
    await asyncio.sleep(job.delay)
    if "bad" in job.url:
        return job.url, None
    size: int = len(job.url) * 100
    cache.setdefault(job.url, []).append(size)
    return job.url, size


async def main() -> None:
    cache: Cache = {}
    jobs: List[Job] = [Job("https://a.example", 0.3), Job("https://bad.example", 0.1), Job("https://ccc.example", 0.2)]
    results: List[Result] = await asyncio.gather(*(fetch(j, cache) for j in jobs))
    for url, size in results:
        print(f"{url:<22} {size if size is not None else 'failed'}")
    print(cache, jobs[0])
    print(Result, Cache)


asyncio.run(main())
