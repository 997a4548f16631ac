# Construct: a dataclass's __post_init__ (called by the generated __init__, its frame "<string>" in a traceback), field(init=False) with a default_factory, dataclass(cls) called as a function, a plain subclass of a frozen dataclass, and bases given as a module's attribute (enum.Enum, asyncio.Queue through an alias).
import asyncio as aio
import dataclasses
import enum
from dataclasses import dataclass, field


class Status(enum.Enum):
    QUEUED = "queued"
    DONE = "done"


@dataclass
class Task:
    name: str
    cost: float = 1.0
    log: list = field(default_factory=list, init=False)
    status: Status = field(default=Status.QUEUED, compare=False)

    def __post_init__(self):
        if self.cost < 0:
            raise ValueError(f"negative cost for {self.name}")
        self.log.append(f"made {self.name}")


@dataclass(frozen=True)
class Frozen:
    key: str


class Extra(Frozen):
    pass


class Inbox(aio.Queue):
    def put_twice(self, item):
        self.put_nowait(item)
        self.put_nowait(item)


class Plain:
    size: int = 2


Made = dataclasses.dataclass(Plain)


async def drain(box):
    while not box.empty():
        item = await box.get()
        item.status = Status.DONE
        print("drained", item, item.log)
        await aio.sleep(0.1)


async def main():
    box = Inbox()
    box.put_twice(Task("a", 2.0))
    box.put_nowait(Task("b"))
    await drain(box)
    print(Task("x") == Task("x"), Made(), Made(5) == Made(5), Status("done"))
    e = Extra("k")
    for attempt in (lambda: setattr(e, "key", "j"), lambda: setattr(e, "other", 1)):
        try:
            attempt()
            print("set", vars_of(e))
        except dataclasses.FrozenInstanceError as error:
            print("FrozenInstanceError", error)
    Task("broken", -1.0)


def vars_of(obj):
    return sorted(k for k in ("key", "other") if hasattr(obj, k))


aio.run(main())
