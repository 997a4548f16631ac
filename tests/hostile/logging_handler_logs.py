# A handler whose emit() logs to its own logger: each record makes another, through logging's frames,
# until Python's recursion limit (StreamHandler's emit lets a RecursionError through).
# expect: RecursionError maximum recursion depth exceeded
import logging

log = logging.getLogger("loop")


class Echo(logging.StreamHandler):
    def emit(self, record):
        log.warning("again: %s", record.getMessage())


log.addHandler(Echo())
log.warning("start")
