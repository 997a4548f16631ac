# Construct: assigning to a slice of a list (xs[a:b] = iterable, extended slices xs[::k] = seq, the list itself as the value, slice() objects as the index) and CPython's errors for a wrong size, a non-iterable value, a zero step and a bad index.
import asyncio


async def main():
    def show(label, f):
        try:
            print(label, f())
        except Exception as e:
            print(label, type(e).__name__, e)
    def assign(xs, s, v):
        xs[s] = v
        return xs
    show("basic", lambda: assign([1,2,3,4], slice(1, 3), "ab"))
    show("grow", lambda: assign([1,2,3,4], slice(1, 2), range(5)))
    show("insert", lambda: assign([1,2,3,4], slice(2, 2), [9]))
    show("backwards", lambda: assign([1,2,3,4], slice(3, 1), [9]))
    show("end", lambda: assign([1,2,3,4], slice(10, 20), [9]))
    show("neg", lambda: assign([1,2,3,4], slice(-2, None), []))
    show("self", lambda: (lambda xs: assign(xs, slice(1, 2), xs))([1,2,3]))
    show("ext", lambda: assign([1,2,3,4,5], slice(None, None, 2), "abc"))
    show("ext rev", lambda: assign([1,2,3,4,5], slice(None, None, -1), "abcde"))
    show("ext self", lambda: (lambda xs: assign(xs, slice(None, None, -1), xs))([1,2,3]))
    show("ext bad", lambda: assign([1,2,3,4,5], slice(None, None, 2), "ab"))
    show("ext empty", lambda: assign([1,2,3,4,5], slice(4, 1, 2), ""))
    show("ext step -2 backwards", lambda: assign([1,2,3,4,5], slice(1, 4, -2), []))
    show("not iterable", lambda: assign([1,2], slice(0, 1), 5))
    show("ext not iterable", lambda: assign([1,2], slice(0, 1, 2), 5))
    show("zero step", lambda: assign([1,2], slice(0, 1, 0), [1]))
    show("bad index", lambda: assign([1,2], slice("a", 1), [1]))
    show("gen", lambda: assign([1,2,3], slice(0, 2), (x * 10 for x in range(4))))
    show("dict", lambda: assign([1,2,3], slice(0, 2), {"k": 1, "j": 2}))
    xs = [0, 1, 2, 3]
    xs[1:3] = ["a"]
    print(xs)
    xs[::2] = [7, 8]
    print(xs)
    del xs[::-2]
    print(xs)


asyncio.run(main())
