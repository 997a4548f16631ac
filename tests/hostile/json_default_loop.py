# A default= that answers every object with a thousand new ones: the encoder calls it inside one
# dumps() call, whose steps meet the operation's bound.
# expect: ResourceLimitError max_operation_steps
import json
class Box:
    pass
def expand(o):
    return [Box() for _ in range(1000)]
print(len(json.dumps(Box(), default=expand)))
