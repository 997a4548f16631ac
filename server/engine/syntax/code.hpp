#pragma once

#include "value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::engine {

// The interpreter runs bytecode rather than walking the AST so that a coroutine can stop at any
// `await` and resume later: its whole state is a frame (pc + value stack + block stack) on the heap.
enum class opcode : std::uint8_t {
    load_const, load_local, store_local, delete_local, load_global, store_global, delete_global,
    reset_local,  // a comprehension's hidden variable made fresh (unbound, no longer a closure's cell) for its next run
    load_deref, store_deref, delete_deref,
    load_name, store_name, delete_name, annotate_name,  // a class body's namespace (then globals, builtins); its annotations
    load_attr, store_attr, delete_attr, load_subscript, store_subscript, delete_subscript, build_slice,
    pop_top, dup_top, dup_top_two, rot_two, rot_three,
    binary, unary_neg, unary_pos, unary_not, unary_invert, compare,
    jump, pop_jump_if_false, pop_jump_if_true, jump_if_false_or_pop, jump_if_true_or_pop,
    build_list, build_tuple, list_append, list_extend, list_to_tuple, build_string, format_value,
    build_map, map_add, dict_update, dict_merge, yield_value,
    build_set, set_add, set_update,  // {a, b}, a set comprehension's add, {*a}
    build_set_folded,  // {1, 2, 3}: CPython's frozenset constant merged into a new set
    unpack_sequence, unpack_ex,
    call, call_kw, call_ex,
    // obj.name(args) as CPython 3.11's LOAD_METHOD/CALL: a function found on an instance's class is
    // called with the instance first, without making a bound-method object; anything else is the
    // attribute's value (load_attr) and a marker, and is called as `call` calls it.
    load_method, call_method,
    get_iter, for_iter,
    // `yield from`: iter(x) (a generator is its own; a coroutine is a TypeError); send: [iter, v] ->
    // [iter, what it yields] (sent on to it: next() for None), or [result] and a jump to arg once it
    // returned (StopIteration's value)
    get_yield_from_iter, send,
    make_function, build_class, finish_class,
    set_return, return_value,
    setup_try, pop_block, pop_except, reraise, raise_, raise_bare, exception_matches,
    // except*: [rest, type] -> [rest', match], or [rest] and a jump to arg when nothing matches;
    // push_exc_info: [match] -> [] with match the exception being handled (a handler block);
    // prep_reraise_star: [orig, list] -> [orig, what to raise or None]
    check_eg_match, push_exc_info, prep_reraise_star,
    get_awaitable, await_,  // get_awaitable's arg: 0 `await`, 1 __aenter__'s result, 2 __aexit__'s, 3 __anext__'s
    before_with, setup_with, with_exit_args,
    get_aiter, get_anext,  // `async for`: the bound __aiter__ of the iterable; the bound __anext__ of the iterator  // before_with's arg: 1 for `async with`; setup_with: a try block below the entered value
    import_module, import_from,
    assert_fail,
};

struct instruction {
    opcode op;
    std::int32_t arg;
    std::int32_t line;
};

struct library_module;  // library.hpp
struct class_object;    // classes.hpp

struct code_object {
    std::string name;         // function name, "<module>"
    std::string qualname;     // main.<locals>.inner, as reprs and warnings name it
    bool is_async = false;
    bool is_generator = false;  // a generator expression's code: calling it makes a generator
    bool is_module = false;
    // An __init__ dataclasses.py writes and exec()s: its frames are `File "<string>"` at the lines of
    // that text, it is not the program's line for events, and it sets attributes as
    // object.__setattr__ does (a frozen dataclass's fields)
    bool dataclass_generated = false;
    bool dataclass_frozen_init = false;  // generated for a frozen class: only it sets as object.__setattr__
    value doc;  // a function's or a class body's docstring (its first statement, a str literal); None without
    std::int32_t first_line = 0;
    std::vector<instruction> instructions;
    std::vector<source_span> spans;  // one an instruction the compiler emitted (generated code has none)
    // A list, set or dict comprehension runs inline, where CPython 3.11 calls a function of its own
    // (<listcomp>, <setcomp>, <dictcomp>) whose frame a traceback shows: the instructions that function
    // would run, and the comprehension's line and span (where the frame around it stands). An inner
    // comprehension's comes before the one around it.
    struct inline_frame {
        std::int32_t begin = 0, end = 0;
        const char* name = "";
        std::int32_t line = 0;
        source_span span;
        // Its variables: hidden slots "<comprehension NAME #k>" of local_names in [locals_begin, locals_end)
        std::int32_t locals_begin = 0, locals_end = 0;
    };
    std::vector<inline_frame> inline_frames;
    std::vector<value> constants;
    std::vector<std::string> names;        // globals and attributes, by index
    // load_global/store_global's cache, one entry a name (as CPython 3.11's LOAD_GLOBAL inline cache):
    // where the run whose globals_epoch is `epoch` keeps that global (`slot` in its globals), or, with
    // no global of that name, which builtin it is. A run's epoch changes whenever a global is added (or
    // all are let go), so an entry of another run, or from before the name became a global, is
    // never used; a global deleted since (its slot unbound) is looked up again. Filled while running,
    // so `mutable`: the only part of a code object that changes, and only on the thread that owns it
    // (code objects are shared between runs of one thread, never between threads). Sized by the
    // compiler with `names`; a code object made elsewhere may leave it empty (never cached).
    // asyncio's library code (`library` below) keeps its globals in its module's namespace: there the
    // entry holds `at`, the global's value in that namespace (whose entries move only when a name is
    // added, which makes a new epoch: a library namespace never loses a name), or the builtin.
    struct global_cache {
        static constexpr std::uint32_t no_slot = 0xFFFFFFFF;
        std::uint64_t epoch = 0;
        std::uint32_t slot = no_slot;
        std::int32_t builtin = -1;  // a builtin_table() position, with slot == no_slot (and no `at`)
        value* at = nullptr;        // library code: the global's value in its module's namespace
    };
    mutable std::vector<global_cache> global_caches;
    // load_method's cache, one entry a name (CPython 3.11's LOAD_METHOD inline cache): on an instance
    // of `cls`, the name is the function `found` in cls's MRO, as long as no class's namespace has
    // changed (class_namespace_changes == changes, classes.hpp). Sized with global_caches. Two classes
    // an entry (the one found last first): a method called on instances of a class and its subclass in
    // turn finds both.
    struct attribute_cache {
        std::uint64_t changes = 0;
        const class_object* cls = nullptr;
        const value* found = nullptr;
        const class_object* other_cls = nullptr;
        const value* other_found = nullptr;
    };
    mutable std::vector<attribute_cache> attribute_caches;
    std::vector<std::string> local_names;  // parameters first, as CPython orders co_varnames
    std::size_t param_count = 0;      // positional parameters (the positional-only ones first)
    std::size_t positional_only = 0;
    std::size_t keyword_only = 0;     // their slots follow the positional ones
    bool var_positional = false;      // *args: the slot after the keyword-only ones
    bool var_keyword = false;         // **kwargs: the slot after that
    std::size_t positional_defaults = 0;  // make_function's defaults: these first, then the keyword-only ones'
    std::vector<bool> keyword_only_has_default;
    // Variables of enclosing functions this one uses (load_deref/store_deref index them), and where
    // make_function finds each in the frame that creates the function: a local slot (made a cell
    // there) or that frame's own free variable.
    std::vector<std::string> free_names;
    struct free_source {
        bool from_local = true;
        std::int32_t index = 0;
    };
    std::vector<free_source> free_sources;
    std::vector<std::shared_ptr<code_object>> functions;  // nested definitions, for make_function
    // asyncio's library code (library.hpp): its globals are its module's, its frames CPython's file's
    const library_module* library = nullptr;
};

} // namespace loopscope::engine
