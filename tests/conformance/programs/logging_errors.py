# Construct: the errors logging raises for what a program gets wrong, caught and printed — unknown and non-int levels, a style that is not one of '%', '{', '$', formats without a field of their style, '{' fields with a bad name, conversion or specifier, a logger name that is not a string, Logger.log with a level that is not an int, extra= overwriting a record's attribute — and what it accepts (a '{' format with specs and conversions, the default formats, makeLogRecord, a record's repr).
import logging


def attempt(label, call):
    try:
        result = call()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", result)


log = logging.getLogger("checks")
attempt("setLevel('LOUD')", lambda: log.setLevel("LOUD"))
attempt("setLevel(2.5)", lambda: log.setLevel(2.5))
attempt("setLevel('warning')", lambda: log.setLevel("warning"))
attempt("Handler(level=None)", lambda: logging.Handler(level=None))
attempt("Formatter(style='#')", lambda: logging.Formatter("x", style="#"))
attempt("Formatter('no fields')", lambda: logging.Formatter("no fields"))
attempt("Formatter('%(message)')", lambda: logging.Formatter("%(message)"))
attempt("Formatter('%(message)-10s')", lambda: logging.Formatter("%(message)-10s")._fmt)
attempt("Formatter('{message}', style='%')", lambda: logging.Formatter("{message}"))
attempt("Formatter('%(message)s', style='{')", lambda: logging.Formatter("%(message)s", style="{"))
attempt("Formatter('{a.b}', style='{')", lambda: logging.Formatter("{a-b}", style="{"))
attempt("Formatter('{message!x}', style='{')", lambda: logging.Formatter("{message!x}", style="{"))
attempt("Formatter('{message:zz}', style='{')", lambda: logging.Formatter("{message:zz}", style="{"))
attempt("Formatter('{levelname:>8}|{message!r:^20}', style='{')", lambda: logging.Formatter("{levelname:>8}|{message!r:^20}", style="{")._fmt)
attempt("Formatter(validate=False)", lambda: logging.Formatter("plain", validate=False)._fmt)
attempt("getLogger(5)", lambda: logging.getLogger(5))
attempt("log('INFO', ...)", lambda: log.log("INFO", "x"))
attempt("extra={'message': 1}", lambda: log.warning("x", extra={"message": 1}))
attempt("extra={'levelno': 1}", lambda: log.warning("x", extra={"levelno": 1}))
attempt("disable('NOPE')", lambda: logging.disable("NOPE"))
record = logging.makeLogRecord({"msg": "made %s", "args": ("by hand",), "levelno": 30, "levelname": "WARNING", "name": "manual"})
print(record, record.getMessage(), record.lineno, record.funcName, record.filename)
fmt = logging.Formatter("{levelname:>8}|{message!r:^20}|{name}", style="{")
print(fmt.format(record))
print(logging.Formatter().format(record), logging.BASIC_FORMAT, logging.getLevelNamesMapping())
