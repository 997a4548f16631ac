# Construct: the errors dataclass() options raise as CPython's dataclasses.py: order without eq, an order method the class defines, unsafe_hash over an explicit __hash__, frozen and non-frozen inheritance; then an uncaught FrozenInstanceError.
from dataclasses import dataclass, field

attempts = []


def order_without_eq():
    @dataclass(order=True, eq=False)
    class A:
        x: int


def own_lt():
    @dataclass(order=True)
    class B:
        x: int

        def __lt__(self, other):
            return True


def unsafe_over_hash():
    @dataclass(unsafe_hash=True)
    class C:
        x: int

        def __hash__(self):
            return 1


def frozen_from_plain():
    @dataclass
    class D:
        x: int

    @dataclass(frozen=True)
    class E(D):
        y: int


def plain_from_frozen():
    @dataclass(frozen=True)
    class F:
        x: int

    @dataclass
    class G(F):
        y: int


for attempt in (order_without_eq, own_lt, unsafe_over_hash, frozen_from_plain, plain_from_frozen):
    try:
        attempt()
    except (ValueError, TypeError) as e:
        print(attempt.__name__, type(e).__name__, e)


@dataclass
class Own:
    x: int

    def __eq__(self, other):
        return True


@dataclass(frozen=True)
class Explicit:
    x: int

    def __hash__(self):
        return 7


print(Own(1) == Own(2), Own.__hash__ is None, hash(Explicit(3)))


@dataclass(frozen=True)
class Config:
    name: str
    retries: int = 3


cfg = Config("db")
print(cfg)
cfg.retries = 5
