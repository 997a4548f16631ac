# enum.Enum and auto(): members, aliases, name/value, lookups by value and by name, iteration, len, hashing, CPython's errors, and two state machines driven by tasks.
import asyncio
from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def lower(self):
        return self.name.lower()


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()


print(repr(Color.RED), str(Color.RED), f"{Color.GREEN}", Color.CRIMSON is Color.RED, Color.RED.describe(), Color.GREEN.lower)
print(list(Color), len(Color), Color(2), Color['GREEN'], type(Color.RED), isinstance(Color.RED, Color), Color.RED in Color)
print(list(State), [s.value for s in State], State.RUNNING == State.RUNNING, State.RUNNING != State.IDLE, hash(Color.RED) == hash(Color.RED))
print(repr(Color), Color.RED.name, Color.RED.value, {Color.RED: "r"}[Color.CRIMSON], Color.RED._value_, Color.RED._name_)
for bad in [lambda: Color(7), lambda: Color['BLUE'], lambda: Color.RED < Color.GREEN]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    Color.RED = 3
except AttributeError as e:
    print(e)
print(Color.RED == 1, sorted(Color, key=lambda c: c.value), max(State, key=lambda s: s.value), isinstance(State.IDLE, Enum))
print(State(3), State["IDLE"], [c.name for c in Color], Color.RED is Color(1))


class Light(Enum):
    OFF = 0
    ON = 1

    def toggle(self):
        return Light.ON if self is Light.OFF else Light.OFF


async def machine(name, steps):
    state = State.IDLE
    light = Light.OFF
    for i in range(steps):
        await asyncio.sleep(0.1)
        state = State.RUNNING if i < steps - 1 else State.DONE
        light = light.toggle()
        print(name, i, state, light.name, state.value)
    return state


async def main():
    results = await asyncio.gather(machine("m1", 2), machine("m2", 3))
    print(results, all(r is State.DONE for r in results))

asyncio.run(main())
