# 21 blocks statically nested in one function (loops, with, try, except bodies counting two):
# CPython's compiler refuses it (CO_MAXBLOCKS is 20) before anything runs.
print("never printed")


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def deep():
    total = 0
    for _ in range(2):
        for _ in range(2):
            for _ in range(2):
                for _ in range(2):
                    for _ in range(2):
                        for _ in range(2):
                            with Resource():
                                with Resource():
                                    with Resource():
                                        with Resource():
                                            try:
                                                raise ValueError
                                            except ValueError:
                                                try:
                                                    raise ValueError
                                                except ValueError:
                                                    try:
                                                        raise ValueError
                                                    except ValueError:
                                                        try:
                                                            try:
                                                                for _ in range(2):
                                                                    for _ in range(2):
                                                                        for _ in range(2):
                                                                            total += 1
                                                            finally:
                                                                total += 0
                                                        finally:
                                                            total += 0
    return total


print(deep())
