# Construct: logging configured with basicConfig(level=DEBUG, format=...) in an asyncio program — asctime on the program's clock, levelname padded, the logger's name, funcName and lineno of the call, %-args, a dict as the sole argument, logger.exception's traceback, asyncio's own 'Using selector' record at DEBUG, and the reprs of loggers.
# conformance: whole stderr
import asyncio
import logging

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)-8s %(name)s:%(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger(__name__)


async def worker(n):
    log.info("worker %d starting", n)
    await asyncio.sleep(n * 0.25)
    log.debug("worker %d done after %.2f s", n, n * 0.25)
    return n


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(3)))
    log.warning("results: %s", results)
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("division failed")
    logging.info("root says %(x)s", {"x": 42})


asyncio.run(main())
print(log, logging.getLogger(), logging.getLogger("asyncio"), log.getEffectiveLevel())
