#pragma once

#include "code.hpp"
#include "value.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace loopscope::engine {

class runtime;
struct coroutine_object;
struct future_object;
struct handle;
struct async_generator_object;
struct lru_cache_object;

// A try block (jump to handler_pc on an exception) or an active handler (remembers the exception
// for a bare `raise`), with the value-stack depth to restore.
struct block_entry {
    bool is_handler = false;
    std::int32_t handler_pc = 0;
    std::size_t stack_depth = 0;
    value exc;
};

// Where a suspended coroutine frame stands inside an `await`.
// custom: an `await` of an object with __await__, stepping the iterator it returned (`wait_iter`) as
// CPython's SEND does; `sleep_result` holds what it yielded, then what is sent back in.
enum class wait_state : std::uint8_t { none, future, sleep_zero, sleep, custom };

struct frame {
    std::shared_ptr<code_object> code;
    ref<coroutine_object> coro;  // set for coroutine frames
    std::vector<value> locals;
    std::vector<value> free;  // cells of the function's closure
    std::vector<value> stack;
    std::vector<block_entry> blocks;
    std::int32_t pc = 0;
    std::int32_t line = 0;
    value return_value;
    ref<class_object> building_class;  // a class body's frame: the class its names go to
    ref<class_object> defining_class;  // the function's defining_class, for super()
    value constructing;  // an __init__ called by a class: the instance the call evaluates to
    // A call an lru_cache wrapper missed: its result goes into that cache under this key on return
    ref<lru_cache_object> caching;
    value cache_key;
    // Called through a C function (an lru_cache wrapper): CPython counts that call as a level of
    // recursion too (exec_context::c_calls)
    bool through_c_call = false;
    // An asynchronous generator's frame while an __anext__() awaited by a task runs it: a yield moves
    // the frame back into the generator, and the item becomes the value of that await.
    ref<async_generator_object> agen;

    wait_state waiting = wait_state::none;
    ref<future_object> wait_future;
    ref<handle> wait_timer;  // asyncio.sleep's call_later handle, cancelled on resume
    value sleep_result;
    value wait_iter;  // wait_state::custom: the iterator __await__() returned
};

// One thread of Python execution: the module's code, or a task's chain of awaiting coroutines.
struct exec_context {
    std::vector<std::unique_ptr<frame>> frames;
    value pending_throw;  // thrown into the top frame when execution resumes (coro.throw)
    std::size_t c_calls = 0;  // frames with through_c_call: each is one more level of recursion
    bool resuming = false;
};

// A generator (from a generator expression): its frame, run by whoever draws the next item, up to
// the next yield, inside that caller's operation (as a key function runs).
struct generator_object : object {
    exec_context context;
    std::string qualname;
    bool started = false;
    bool running = false;
    bool finished = false;
    // What its `return` gave, until next() raises it as StopIteration's value (once, as CPython does)
    value return_value;
    // Stopped at a yield inside try/finally or with (a @contextmanager's): let go there, CPython would
    // close it and run that cleanup, which the engine does not; the run's runtime is told.
    bool stopped_in_cleanup_block = false;
    runtime* owner = nullptr;
    std::shared_ptr<bool> owner_alive;
    ~generator_object() override;
    std::string repr_text() const override { return "<generator object " + qualname + " at " + object_address(this) + ">"; }
};

// An asynchronous generator (`yield` inside `async def`): its frame between two items. Awaiting
// __anext__() moves the frame onto the awaiting task's frames, so that its own awaits suspend that
// task as a coroutine's do; its next yield moves the frame back here.
struct async_generator_object : object {
    std::unique_ptr<frame> suspended;  // null while running or once finished
    std::string qualname;
    bool started = false;
    bool running = false;
    bool finished = false;
    // Run by an @asynccontextmanager's __aenter__ or __aexit__: how its next yield, return or
    // exception is taken (contextlib.py's checks), the exception thrown in and its traceback's length
    // (anext_default: awaited through anext(agen, default), the default in cm_thrown.)
    // (aclose: awaited through aclose(): a yield is "async generator ignored GeneratorExit", its end or a
    // GeneratorExit or StopAsyncIteration out of it the await's None.)
    enum class cm_step_kind : std::uint8_t { none, enter, exit_next, exit_throw, anext_default, aclose };
    cm_step_kind cm_step = cm_step_kind::none;
    value cm_thrown;
    std::size_t cm_depth = 0;
    // As generator_object's: stopped at a yield inside try/finally or with, and the run told if let go there
    bool stopped_in_cleanup_block = false;
    // async_gen_init_hooks ran (its first __anext__/asend/athrow/aclose awaited): the loop then running,
    // whose _asyncgen_finalizer_hook closes it in a task of its own if it is let go unfinished
    bool hooks_inited = false;
    weak_ref<object> finalizer_loop;
    // ag_closed: an aclose() began (its finalizer is then not called: CPython's dealloc closes it in place)
    bool closed_by_aclose = false;
    runtime* owner = nullptr;
    std::shared_ptr<bool> owner_alive;
    ~async_generator_object() override;
    std::string repr_text() const override { return "<async_generator object " + qualname + " at " + object_address(this) + ">"; }
};

} // namespace loopscope::engine
