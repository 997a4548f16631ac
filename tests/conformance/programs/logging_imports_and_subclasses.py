# Construct: logging's names imported with from-import and under an alias, basicConfig on stdout with module and filename fields, a program's Formatter subclass calling super().format(), and handlers added to a logger that also propagates to the root's.
from logging import getLogger, INFO, basicConfig, Formatter, StreamHandler
import logging as lg
import sys
basicConfig(level=INFO, stream=sys.stdout, format="%(name)s %(levelname)s %(message)s %(module)s %(filename)s")
getLogger(__name__).info("hello %s", "there")
lg.getLogger("x.y").warning("via alias")
class Upper(Formatter):
    def format(self, record):
        return super().format(record).upper()
h = StreamHandler(sys.stdout)
h.setFormatter(Upper("%(message)s!"))
lg.getLogger("up").addHandler(h)
lg.getLogger("up").warning("shout")
print(lg.root.handlers[0].formatter._fmt, lg.getLogger("up").handlers)
