# Construct: basicConfig() with an argument it does not know: the ValueError raised after the root logger has been configured (its handler stays), as CPython raises it.
import logging

try:
    logging.basicConfig(format="%(message)s", level="INFO", colour=True)
except ValueError as e:
    print("ValueError:", e)
logging.info("the handler was added before the error: %s", logging.getLogger().handlers)
logging.basicConfig(force=True, style="{", format="{levelname}/{message}", colour=True, size=3)
