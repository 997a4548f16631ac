# Only a name can be the target of :=, as CPython's SyntaxError says.
class Box:
    pass


box = Box()
if (box.size := 3) > 2:
    print("big")
