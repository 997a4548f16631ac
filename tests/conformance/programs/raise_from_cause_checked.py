# Construct: raise ... from ... — the cause is evaluated and must be an exception, an exception class or None (TypeError otherwise, for an instance of a program's class too); a valid cause leaves the raised exception as it is.
class NotAnError:
    pass


class AppError(Exception):
    pass


for cause in (NotAnError(), 5, "text"):
    try:
        raise AppError("x") from cause
    except TypeError as e:
        print("TypeError:", e)
    except AppError:
        print("raised without checking the cause")

for cause in (None, ValueError, KeyError("k")):
    try:
        raise AppError("y") from cause
    except AppError as e:
        print("AppError", e.args)

try:
    raise NotAnError() from None
except TypeError as e:
    print("TypeError:", e)
