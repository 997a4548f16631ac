# Assignment expressions in methods, generators, nested functions and recursion: the scope each target binds in.
class K:
    def m(self, xs):
        return [(t := x) for x in xs], t, any((u := x) > 1 for x in xs), u

    @staticmethod
    def s(xs):
        return sum((v := x) for x in xs), v


print(K().m([1, 2, 3]), K.s([4, 5]))


def gen():
    got = yield (first := 1)
    print("got", got, first)
    while (n := (yield n if False else 2)) is not None:
        print("n", n)


g = gen()
print(next(g), g.send("a"), g.send(5))


def outer():
    data = [1, 2, 3]

    def inner():
        return [(best := d) for d in data if d > 1], best

    return inner()


print(outer())


def shadow():
    x = "outer"
    r = [x for x in range(2)]
    return r, x, [(x := y) for y in "ab"], x


print(shadow())
b = 5
print([(z := a) for a in [b]] if True else None, z, b)
nums = [1, 2]
print([j for i in nums if (j := i) for k in [j]], j)
f = lambda: [(q := 1) for _ in range(1)] and q
print(f())
def recur(n):
    return n if (m := n - 1) < 0 else recur(m)
print(recur(3))
