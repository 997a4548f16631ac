# Fifty thousand pairs of instances that point at each other, and a class holding all of them: every
# cycle is broken when the run ends.
# expect: ok
# stdout: 50000
class Peer:
    everyone = []

    def __init__(self):
        self.other = None
        Peer.everyone.append(self)

for i in range(50_000):
    a, b = Peer(), Peer()
    a.other, b.other = b, a
print(len(Peer.everyone) // 2)
