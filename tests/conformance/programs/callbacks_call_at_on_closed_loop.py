# call_at on a closed loop: its traceback through base_events.py
import asyncio

loop = asyncio.new_event_loop()
loop.close()
loop.call_at(1, print)
