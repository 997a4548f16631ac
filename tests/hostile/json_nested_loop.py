# json.loads of 100,000 nested brackets, again and again: each call ends in RecursionError a thousand
# levels down, each level charged (its unwinding too), so the loop meets max_steps in slices.
# expect: ResourceLimitError max_steps
import json
while True:
    try:
        json.loads("[" * 100_000)
    except RecursionError:
        pass
