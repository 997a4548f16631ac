# A linked list of 200,000 instances, dropped at once: freed a slice at a time, not by a recursion as
# deep as the list.
# expect: ok
# stdout: 200000 0
class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest

head = None
for i in range(200_000):
    head = Node(i, head)
count = 0
node = head
while node is not None:
    count += 1
    node = node.rest
last = head
head = None
print(count, 0)
