# Construct: logging's objects a program puts together — StreamHandler on stdout and stderr, Formatter with '%' and '{' styles, datefmt, handler and logger levels (numbers and names), a logger hierarchy with a place holder, propagate, Filter and a callable filter, a program's Handler subclass, LoggerAdapter with extra fields, addLevelName, getLevelName, disable(), and the reprs — on records made by tasks at their program times.
# conformance: whole stderr
import asyncio
import logging
import sys

out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("{asctime} | {levelname:<8} | {name} | {message}", style="{", datefmt="%H:%M:%S"))
err = logging.StreamHandler()
err.setLevel(logging.ERROR)
err.setFormatter(logging.Formatter("%(levelname)s in %(funcName)s (line %(lineno)d, %(threadName)s): %(message)s"))

service = logging.getLogger("service")
service.setLevel("DEBUG")
service.addHandler(out)
service.addHandler(err)
service.propagate = False

db = logging.getLogger("service.db.pool")   # service.db is a place holder until asked for
api = logging.getLogger("service.api")


class Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelname, record.getMessage(), record.lineno))


collector = Collector()
api.addHandler(collector)
api.addFilter(lambda record: "secret" not in record.getMessage())
db.addFilter(logging.Filter("service.db"))

TRACE = 5
logging.addLevelName(TRACE, "TRACE")


async def handle(request_id, delay):
    req_log = logging.LoggerAdapter(api, {"request": request_id})
    req_log.info("request %s received", request_id)
    await asyncio.sleep(delay)
    if delay > 0.2:
        req_log.warning("request %s slow: %.1f s", request_id, delay)
    api.info("the secret key is hidden from this record")
    db.debug("query for %s", request_id)
    return request_id


async def main():
    done = await asyncio.gather(handle("a", 0.1), handle("b", 0.3))
    service.error("finished %s", done)
    mid = logging.getLogger("service.db")
    print(db.parent is mid, mid.parent is service, api.parent is service)
    service.log(TRACE, "not shown: TRACE is below DEBUG")
    service.setLevel(TRACE)
    service.log(TRACE, "shown now at level %d", TRACE)
    logging.disable(logging.INFO)
    api.info("disabled")
    api.warning("still enabled")
    logging.disable(logging.NOTSET)
    print(collector.records)
    print(logging.getLevelName(TRACE), logging.getLevelName("TRACE"), logging.getLevelName(45), logging.getLevelName("ERROR"))
    print(out, err, collector, service, api, mid, logging.getLogger("service.api") is api)
    print(api.isEnabledFor(logging.DEBUG), api.getEffectiveLevel(), service.getChild("api") is api, api.hasHandlers())


asyncio.run(main())
