# The argument errors of Future, its methods and the loop's call_soon/call_later/call_at, as CPython words them
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    for call in (lambda: asyncio.Future(1), lambda: f.set_result(), lambda: f.set_result(1, 2), lambda: f.add_done_callback(), lambda: f.remove_done_callback(),
                 lambda: f.set_exception(), lambda: loop.call_soon(), lambda: loop.call_later(1), lambda: loop.call_soon(print, x=1),
                 lambda: f.add_done_callback(print, 1), lambda: f.get_loop(1), lambda: asyncio.current_task().set_result(1),
                 lambda: asyncio.current_task().set_exception(1), lambda: f.cancelling(), 
                 lambda: loop.call_later(None, print), lambda: loop.call_at(None, print), lambda: loop.call_later("1", print)):
        try:
            print(call())
        except Exception as e:
            print(type(e).__name__, e)
    h = loop.call_soon(str, "x")
    print(h.when if hasattr(h, "when") else "no when", asyncio.current_task().uncancel(), asyncio.current_task().cancelling())
    t = loop.call_at(5, str, "at 5")
    print(t, t.when())
    t.cancel(); t.cancel()
    print(t)
asyncio.run(main())
