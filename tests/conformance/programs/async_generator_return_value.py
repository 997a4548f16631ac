# 'return' with a value in an asynchronous generator: CPython's SyntaxError, before the first line runs.
print("never printed")


async def numbers():
    yield 1
    return 2
