# getattr / setattr / hasattr / delattr / callable, as a learner's plugin registry uses them.
import asyncio


class Job:
    retries = 2

    def __init__(self, name):
        self.name = name

    @property
    def label(self):
        return "job:" + self.name

    @property
    def broken(self):
        raise AttributeError("no broken here")

    async def run(self):
        await asyncio.sleep(0.1)
        return self.name.upper()

    def __call__(self):
        return "called " + self.name


class Plain:
    pass


async def main():
    job = Job("fetch")
    print(getattr(job, "name"), getattr(job, "label"), getattr(job, "retries"))
    print(getattr(job, "missing", "default"), getattr(job, "broken", "swallowed"))
    print(hasattr(job, "name"), hasattr(job, "missing"), hasattr(job, "broken"), hasattr(Job, "run"))
    setattr(job, "priority", 5)
    print(job.priority, vars_like(job))
    delattr(job, "priority")
    print(hasattr(job, "priority"))
    for method in ("run", "label"):
        attr = getattr(job, method)
        if callable(attr):
            print(method, "->", await attr())
        else:
            print(method, "is a value:", attr)
    print(callable(job), callable(Plain()), callable(Plain), callable(print), callable(len), callable(3), callable(int))
    print(callable(lambda: 1), callable(main), callable(ValueError), callable(ValueError("x")), callable(job.run))
    for bad in [lambda: getattr(job, 3), lambda: hasattr(job, None), lambda: setattr(job, 1, 2), lambda: delattr(job, 2.5)]:
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    try:
        delattr(job, "nothing")
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        getattr(job, "nothing")
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        getattr(job)
    except TypeError as e:
        print("TypeError:", e)
    try:
        hasattr(job, "a", "b")
    except TypeError as e:
        print("TypeError:", e)
    print(getattr("abc", "upper")(), hasattr([], "append"), hasattr((), "append"))
    handlers = {name: getattr(job, name) for name in ("name", "retries")}
    print(handlers)
    setattr(job, "count", getattr(job, "count", 0) + 1)
    setattr(job, "count", getattr(job, "count", 0) + 1)
    print(job.count)


def vars_like(obj):
    return sorted(k for k in ("name", "priority", "retries") if hasattr(obj, k))


asyncio.run(main())
