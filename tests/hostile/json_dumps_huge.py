# json.dumps of 200,000 small lists in one call: each value and each container is charged as it is
# written, so the call ends at the operation's bound instead of holding the thread.
# expect: ResourceLimitError max_operation_steps
import json
xs = [[i, i] for i in range(200_000)]
print("built", len(xs))
print(len(json.dumps(xs)))
