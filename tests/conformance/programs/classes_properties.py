# Construct: property with setter and deleter, staticmethod and classmethod (also async ones gathered), a subclass's property calling super(), and CPython's errors for a missing setter.
import asyncio

class Temperature:
    scale = "C"

    def __init__(self, celsius=0.0):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        print("set to", value)
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0.0)

    @classmethod
    def describe(cls, extra=""):
        return f"{cls.__name__} in {cls.scale}{extra}"

class Kelvin(Temperature):
    scale = "K"

    @property
    def celsius(self):
        return super().celsius + 0

t = Temperature(20)
print(t.celsius, t.fahrenheit, Temperature.convert(100), t.convert(0))
t.celsius = 25
print(t.celsius, t._celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError", e)
f = Temperature.freezing()
print(type(f).__name__, f.celsius, Kelvin.freezing().__class__.__name__, Temperature.describe(), Kelvin.describe("!"), Kelvin().describe())
k = Kelvin(5)
print(k.celsius, k.fahrenheit)
try:
    k.celsius = 3
except AttributeError as e:
    print("AttributeError", e)
print(isinstance(1, int), type(Temperature.celsius).__name__, Temperature.convert)

class Registry:
    items = []

    @classmethod
    async def register(cls, name, delay):
        await asyncio.sleep(delay)
        cls.items.append(name)
        return len(cls.items)

    @staticmethod
    async def pause():
        await asyncio.sleep(0.05)
        return "paused"

async def main():
    print(await asyncio.gather(Registry.register("a", 0.2), Registry.register("b", 0.1), Registry.pause()))
    print(Registry.items)

asyncio.run(main())
