# heapq.heapify of 300,000 items in one call: each comparison is charged before it is made, so the call
# ends at the operation's bound instead of holding the thread.
# expect: ResourceLimitError max_operation_steps
import heapq
heap = [300_000 - i for i in range(300_000)]
print("built", len(heap))
heapq.heapify(heap)
print(heap[0])
