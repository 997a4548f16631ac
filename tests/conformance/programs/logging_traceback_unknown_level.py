# Construct: an uncaught error raised inside logging's own code — setLevel() of a level name logging does not know, raised in _checkLevel — with the frames of logging/__init__.py that CPython's traceback shows.
import asyncio
import logging


async def configure(level):
    await asyncio.sleep(0.1)
    logging.getLogger("app").setLevel(level)
    print("level set to", level)


async def main():
    await configure("INFO")
    await configure("LOUD")


asyncio.run(main())
