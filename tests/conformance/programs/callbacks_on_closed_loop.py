# call_later on a closed loop: Event loop is closed, through call_at and _check_closed as CPython shows it
import asyncio

loop = asyncio.new_event_loop()
loop.close()
for schedule in (lambda: loop.call_soon(print), lambda: loop.call_at(1, print)):
    try:
        schedule()
    except RuntimeError as e:
        print("RuntimeError:", e)
loop.call_later(1, print, "never")
