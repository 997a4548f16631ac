# Construct: exception classes with bodies — an __init__ calling super().__init__ with a message, attributes on the exception, methods and class attributes inherited, an __init__ that never calls super() (args stay the call's), an uncaught one.
import asyncio

class HTTPError(Exception):
    retryable = False

    def __init__(self, status, reason="unknown"):
        super().__init__(f"{status}: {reason}")
        self.status = status
        self.reason = reason

    def describe(self):
        return f"HTTP {self.status} ({'retry' if self.retryable else 'give up'})"

class ServerError(HTTPError):
    retryable = True

class Quiet(Exception):
    def __init__(self, what):
        self.what = what

class Loud(Quiet):
    pass

async def fetch(url, status):
    await asyncio.sleep(0.1)
    if status >= 500:
        raise ServerError(status, "server down")
    if status >= 400:
        raise HTTPError(status)
    return f"{url}: ok"

async def main():
    results = await asyncio.gather(fetch("/a", 200), fetch("/b", 503), fetch("/c", 404), return_exceptions=True)
    for r in results:
        if isinstance(r, HTTPError):
            print(repr(r), str(r), r.args, r.status, r.reason, r.describe(), r.retryable, type(r).__name__)
        else:
            print(r)
    try:
        raise Quiet("shh")
    except Quiet as e:
        print(repr(e), e.args, e.what, str(e) == "shh")
    try:
        raise Loud("hey")
    except Exception as e:
        print(repr(e), e.what, isinstance(e, Quiet))
    e = ServerError(500)
    e.extra = [1]
    print(e.extra, e.status, ServerError.retryable, HTTPError.describe(e))
    try:
        HTTPError()
    except TypeError as err:
        print("TypeError", err)
    await fetch("/d", 502)

asyncio.run(main())
