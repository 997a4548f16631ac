# Records whose formatted text is huge (a width of a hundred million in the format): the memory and
# length bounds end it before the text is made.
# expect: ResourceLimitError would hold 100000000 items
import logging

logging.basicConfig(format="%(message)100000000s")
while True:
    logging.warning("x")
