# Construct: a program's Handler whose emit() raises, called from logger.info() inside a task: the exception leaves through logging's frames (info, _log, handle, callHandlers, Handler.handle) to the program, as CPython shows them.
import asyncio
import logging


class Strict(logging.Handler):
    def emit(self, record):
        if record.levelno < logging.WARNING:
            raise RuntimeError("only warnings, got " + record.levelname)
        print("handled:", self.format(record))


log = logging.getLogger("strict")
log.setLevel(logging.DEBUG)
log.addHandler(Strict())


async def main():
    log.warning("a warning passes")
    await asyncio.sleep(0.5)
    log.info("an info does not")


asyncio.run(main())
