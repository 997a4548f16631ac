# Construct: a record's exception information as CPython keeps it — logger.exception() in a function whose exception is re-raised and caught further out, formatted later by a handler that kept the record (the traceback as it was when logged), exc_info as an exception instance, as a tuple without a traceback, exc_info[2] being a traceback; logging functions called straight by the loop and by a worker thread (their caller asyncio's Handle._run and the executor's run); extra= that would overwrite a record's attribute; the fields a record has.
# conformance: whole stderr
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(module)s.%(funcName)s:%(lineno)d %(threadName)s %(message)s")


class Keep(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


keep = Keep()
log = logging.getLogger("k")
log.addHandler(keep)
log.propagate = False


def inner():
    try:
        raise ValueError("inner")
    except ValueError:
        log.exception("logged in inner")
        raise


async def middle():
    inner()


async def main():
    try:
        await middle()
    except ValueError as e:
        log.error("instance", exc_info=e)
        log.error("tuple without a traceback", exc_info=(ValueError, e, None))
    for record in keep.records:
        print(logging.Formatter("%(message)s").format(record))
        print(record.exc_info[0].__name__, record.exc_info[2] is None, type(record.exc_info[2]).__name__)
    loop = asyncio.get_running_loop()
    loop.call_soon(logging.info, "tick from call_soon")
    loop.call_later(0.5, logging.warning, "tick from call_later %d", 2)
    await asyncio.to_thread(logging.info, "from to_thread")
    await asyncio.sleep(1)
    try:
        logging.warning("x", extra={"process": "payment"})
    except KeyError as e:
        print("KeyError", e)
    fields = sorted(vars(keep.records[0]))
    print(fields)


asyncio.run(main())
