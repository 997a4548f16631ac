# Exception chains across tasks: from, from None, implicit context, and what gather returns.
import asyncio


class ConfigError(Exception):
    pass


async def load(name, text):
    await asyncio.sleep(0.1)
    try:
        return int(text)
    except ValueError as e:
        if name == "quiet":
            raise ConfigError(f"{name}: not a number") from None
        if name == "explicit":
            raise ConfigError(f"{name}: not a number") from e
        raise ConfigError(f"{name}: not a number")


async def main():
    names = {"ok": "12", "quiet": "x", "explicit": "y", "implicit": "z"}
    results = await asyncio.gather(*(load(n, t) for n, t in names.items()), return_exceptions=True)
    for name, r in zip(names, results):
        if isinstance(r, Exception):
            print(name, "->", r, "| cause:", repr(r.__cause__), "| context:", repr(r.__context__), "| suppressed:", r.__suppress_context__)
        else:
            print(name, "->", r)
    await load("explicit", "bad")


asyncio.run(main())
