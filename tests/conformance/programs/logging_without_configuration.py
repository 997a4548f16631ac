# Construct: logging before any configuration — a named logger's warning through logging's lastResort (the message alone on stderr), info and debug dropped, then the module-level logging.warning() that configures the root logger (basicConfig: "LEVEL:name:message" on stderr) and changes how later records look; stdout and stderr interleaved in order.
# conformance: whole stderr
import asyncio
import logging

log = logging.getLogger("app.worker")


async def job(n):
    log.info("job %d starts (not shown: below WARNING)", n)
    await asyncio.sleep(0.1 * n)
    if n == 2:
        log.warning("job %d is slow", n)
    print("job", n, "done")
    return n * n


async def main():
    print(await asyncio.gather(job(1), job(2), job(3)))
    logging.warning("the root logger now has a handler")
    log.warning("and app.worker's records %s through it", "propagate")
    log.error("errors too: %r", {"code": 7})
    logging.debug("debug is still below the root's level")
    print(logging.getLogger().handlers, logging.root.level, log.getEffectiveLevel(), log.hasHandlers())


asyncio.run(main())
