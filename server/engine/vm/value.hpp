#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "ref.hpp"

namespace loopscope::engine {

enum class value_kind : std::uint8_t {
    none, boolean, integer, floating, ellipsis,
    string, list, tuple, range, iterator, slice,
    function, builtin, coroutine, future, module, loop, exception, exception_type, type_name,
    dict, dict_view, cell, generator,
    class_type, instance, method, super_proxy, descriptor, traceback,
    typing_form,  // typing.List, Optional[int], list[int] (typing_forms.hpp)
    async_generator,  // a call of an `async def` with `yield` (frame.hpp)
    text_stream,      // sys.stdout, sys.stderr
    set, frozenset,  // sets.hpp
    deque,           // collections.deque (deques.hpp)
    partial,         // functools.partial (below)
    lru_cache,       // functools.lru_cache's wrapper (below)
    context_manager,  // contextlib's managers (contextlib_module.hpp)
    handle            // events.Handle / TimerHandle: a callback the program scheduled (future.hpp)
};

struct object : counted {
    object() = default;
    object(const object&) = delete;
    object& operator=(const object&) = delete;
    virtual ~object() = default;
    // repr() of the object kinds that are not plain data (tasks, coroutines, loops, functions).
    virtual std::string repr_text() const { return "<object>"; }
    // type(x).__name__ of the kinds a layer above the vm defines (futures, tasks, handles)
    virtual const char* type_name_text() const { return "object"; }
    // hash() of an object hashed by identity: numbered per run the first time it is hashed, so that a
    // set of tasks iterates in the same order every time the program runs (dicts.cpp)
    mutable std::uint64_t identity = 0;
};

// A Python value. Immutable scalars are inline; everything else is shared, which also gives the
// engine CPython's "destroyed when the last reference goes" moments (never-awaited coroutines).
struct value {
    value_kind kind = value_kind::none;
    // One of them, by kind: a bool's b, an int's i (that fits in 64 bits), a float's f. i starts at 0,
    // so a new bool's b reads as false, and None's i as 0 (1 only in `unbound`).
    union {
        bool b;
        std::int64_t i = 0;
        double f;
    };
    ref<object> obj;

    static value none() { return {}; }
    // An unassigned local slot (UnboundLocalError when read); never escapes a frame.
    static value unbound() { value r; r.i = 1; return r; }
    bool is_unbound() const { return kind == value_kind::none && i == 1; }
    static value boolean(bool v) { value r; r.kind = value_kind::boolean; r.b = v; return r; }
    static value integer(std::int64_t v) { value r; r.kind = value_kind::integer; r.i = v; return r; }
    static value floating(double v) { value r; r.kind = value_kind::floating; r.f = v; return r; }
    static value ellipsis() { value r; r.kind = value_kind::ellipsis; return r; }
    static value string(std::string s);
    static value list(std::vector<value> items);
    static value tuple(std::vector<value> items);
    static value of(value_kind k, ref<object> o) { value r; r.kind = k; r.obj = std::move(o); return r; }

    value() = default;
    value(const value&) = default;
    value(value&&) noexcept = default;
    value& operator=(const value&) = default;
    value& operator=(value&&) noexcept = default;
    // The last reference to an object that is itself being destroyed does not destroy it here: the
    // object waits on a list that the outermost destruction drains. So a chain a million objects
    // long (lists in lists, exceptions in exceptions' args, coroutines in coroutines' arguments,
    // functions in defaults) is torn down iteratively, whatever kind of object holds the next one.
    ~value()
    {
        if (obj) release_object();
    }

    template <class T> T& as() const { return static_cast<T&>(*obj); }
    bool is(value_kind k) const { return kind == k; }

private:
    void release_object() noexcept;
};
// Values are copied on every push and pop of the interpreter's stack: keep them three words
static_assert(sizeof(value) == 24);

// Objects let go a piece at a time, so that tearing down what a run built (a chain of 300,000
// coroutines, a 64 MiB graph) never holds the thread for more than a slice. While the queue is open
// on this thread (an opening lives as long as its `opening`), the last reference to an object goes into
// the queue instead of destroying the object there and then; release_some() destroys queued objects,
// deepest first, whose own last references join the queue in turn.
class release_queue {
public:
    class opening {
    public:
        explicit opening(release_queue& q);
        ~opening();
        opening(const opening&) = delete;
        opening& operator=(const opening&) = delete;

    private:
        std::vector<ref<object>>* previous_;
    };

    void push(value v);
    // Destroys queued objects until none is left (true) or `more()` says stop (false); `more` is asked
    // after each batch of 64.
    template <class More> bool release_some(More&& more)
    {
        opening open(*this);
        std::size_t batch = 0;
        while (!items_.empty()) {
            if (++batch % 64 == 0 && !more()) return false;
            auto next = std::move(items_.back());
            items_.pop_back();
            next.reset();
        }
        return true;
    }
    bool empty() const { return items_.empty(); }

private:
    std::vector<ref<object>> items_;
};

// sys.stdout or sys.stderr: print(file=...) and write() go to the run's output or its stderr
struct text_stream_object : object {
    bool is_stderr = false;
    std::string repr_text() const override
    {
        return std::string("<_io.TextIOWrapper name='<") + (is_stderr ? "stderr" : "stdout") + ">' mode='w' encoding='utf-8'>";
    }
};

struct string_object : object {
    std::string s;  // UTF-8; never changed once made
    // len(): its code points, counted at the first len() (a scan of the UTF-8) and kept, so that
    // len() is O(1) after it, as in CPython.
    mutable std::int64_t code_points = -1;
    explicit string_object(std::string v) : s(std::move(v)) {}
};

struct sequence_object : object {
    std::vector<value> items;
    explicit sequence_object(std::vector<value> v) : items(std::move(v)) {}
    // Its items go last first, as CPython's list_dealloc and tupledealloc let them go (which decides
    // the order of what their going says: a task's "exception was never retrieved")
    ~sequence_object() override
    {
        while (!items.empty()) items.pop_back();
    }
};

struct range_object : object {
    std::int64_t start = 0, stop = 0, step = 1;
    std::int64_t length() const;
};

struct slice_object : object {
    value start, stop, step;
};

enum class iterator_kind : std::uint8_t { sequence, reversed, enumerate, zip, map, filter, itertools };

// The iterators of builtins, lazy as CPython's: iter(list), enumerate(), zip(), reversed(), map(), filter().
struct iterator_object : object {
    iterator_kind kind = iterator_kind::sequence;
    // sequence: the list, tuple, str, range, dict or dict view; reversed: the list, tuple, range or
    // dict (a str's code points as a tuple); enumerate, filter: the iterator they draw from.
    value source;
    std::int64_t index = 0;
    std::size_t dict_size = 0;  // a dict's len() when iteration began: it may not change
    value count;                // enumerate: the next count
    value function;             // map; filter (None: the items' truth)
    std::vector<value> inners;  // zip, map: the iterators they draw from
    bool done = false;          // once exhausted, exhausted for good
    bool strict = false;        // zip(strict=True): iterables of unequal length are a ValueError
    std::string repr_text() const override;
};
std::string iterator_type_name(const iterator_object& it);

// The traceback that `with` passes to __exit__ beside the exception: its repr is all the engine
// models (its tb_* attributes are refused as unsupported).
struct traceback_object : object {
    std::string repr_text() const override;
};

struct code_object;
struct class_object;

// A namespace (a class's, an instance's, a function's or an exception's attributes) in insertion order,
// as CPython's dict keeps it. Most hold a handful of names, where a scan is fastest; past index_from
// names (a program's setattr in a loop) a hash index keeps a lookup from being a scan of them all. The
// index is open addressing over 4-byte slots, as a dict's (growing it rehashes contiguous arrays, not a
// node per name); each slot names an entry by a sequence number that never changes (kept, increasing,
// beside the entries with their names' hashes), so a delete moves the entries after it and nothing in
// the index: a slot's entry is where its sequence number is (found at once until a name is deleted,
// then by a binary search).
struct attribute_table {
    // Made past index_from names (a namespace below that pays one pointer for it)
    struct indexed {
        static constexpr std::uint32_t empty = 0xFFFFFFFF;
        static constexpr std::uint32_t deleted = 0xFFFFFFFE;
        std::vector<std::uint32_t> slots;     // a power of two of them: a sequence number, empty or deleted
        std::vector<std::uint32_t> sequence;  // entries[k]'s sequence number, increasing in k
        std::vector<std::uint64_t> hashes;    // entries[k]'s name's hash
        std::uint32_t next_sequence = 0;
        std::size_t filled = 0;  // slots not empty: entries' and deleted ones
    };

    std::vector<std::pair<std::string, value>> entries;
    std::unique_ptr<indexed> index;
    static constexpr std::size_t index_from = 32;

    attribute_table() = default;
    attribute_table(const attribute_table& other) : entries(other.entries) { reindex(); }
    attribute_table& operator=(const attribute_table& other)
    {
        entries = other.entries;
        reindex();
        return *this;
    }

    // Names of a namespace mostly differ in length or first letter: those are compared before memcmp.
    static bool same_name(const std::string& a, std::string_view b)
    {
        return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a.compare(1, a.size() - 1, b.substr(1)) == 0));
    }
    static std::uint64_t name_hash(std::string_view name) { return std::hash<std::string_view>{}(name); }
    std::size_t position(std::string_view name) const
    {
        if (index) return indexed_position(name, name_hash(name), nullptr);
        for (std::size_t k = 0; k < entries.size(); ++k)
            if (same_name(entries[k].first, name)) return k;
        return entries.size();
    }
    const value* find(std::string_view name) const
    {
        const std::size_t k = position(name);
        return k < entries.size() ? &entries[k].second : nullptr;
    }
    void set(const std::string& name, value v);
    // Charged to the run as the work it is (the names after it move up): value.cpp
    bool remove(std::string_view name);
    void clear()
    {
        entries.clear();
        index.reset();
    }
    void reindex();

private:
    // The entry named `name` (entries.size() if none); `slot`, if given, is set to its slot, or to the
    // first slot a new entry of that name may take.
    std::size_t indexed_position(std::string_view name, std::uint64_t hash, std::size_t* slot) const;
    std::size_t entry_of(std::uint32_t sequence_number) const;
    void rebuild_index(std::size_t slot_count);
    // Asks the run's memory bound before the entries (and the index) grow, and charges the fresh memory
    // and the rehash
    void before_growth(bool rebuilds) const;
    bool index_rebuilds() const { return index && (index->filled + 1) * 3 >= index->slots.size() * 2; }
};

// functools.partial(function, *args, **keywords): a call of it calls the function with these first.
struct partial_object : object {
    value function;
    std::vector<value> args;
    std::vector<std::pair<std::string, value>> keywords;  // repr() writes it (value.cpp)
};
// functools.lru_cache's wrapper of a function (functools._lru_cache_wrapper): results by their
// arguments' key in a dict kept oldest first; called through call_value (functools_module.cpp).
struct lru_cache_object : object {
    value function;
    std::int64_t maxsize = 128;  // -1: None (unbounded)
    bool typed = false;
    value cache;     // a dict: key -> result, least recently used first
    value kwd_mark;  // the object() between a key's positional and keyword arguments
    std::int64_t hits = 0, misses = 0;
    // Where the oldest live entry of the cache's dict is at or after (entries before it are deleted
    // ones) while the dict's `compactions` stays as noted: an eviction is not a scan of the tombstones.
    std::size_t oldest_hint = 0;
    std::uint64_t hint_compactions = 0;
    attribute_table attributes;  // its __dict__: what update_wrapper copied, cache_parameters
    std::string repr_text() const override;
};
// What a program changed on a function (`f.calls = 0`, `f.__name__ = ...`, functools.wraps): made on
// the first store, so a function nobody writes to stays small.
struct function_namespace {
    std::string name, qualname;  // what reprs, coroutines' names and argument errors say
    value doc, module;
    attribute_table attributes;  // f.__dict__, __wrapped__ among them
};
struct function_object : object {
    std::shared_ptr<code_object> code;
    std::vector<value> defaults;  // for the last defaults.size() parameters
    std::vector<value> closure;   // cells of the enclosing functions' variables it uses (code->free_names)
    std::vector<value> kw_defaults;  // one per keyword-only parameter; unbound: required
    // The class whose body made it (or made the method it is nested in): what super() starts after.
    ref<class_object> defining_class;
    std::unique_ptr<function_namespace> ns;
    const std::string& name() const;
    const std::string& qualname() const;
    function_namespace& writable_namespace();
    std::string repr_text() const override;
};

// A variable of a function that a nested function uses: the frame's slot and the nested function's
// closure share it. Never a value a program sees: load_local and load_deref read through it.
struct cell_object : object {
    value content = value::unbound();
};

// "0x7f3c2a5e1060": the address repr shows for `o` in this run (work_meter::object_address).
std::string object_address(const object* o);

// An exception class: builtin ones form CPython's hierarchy through `base`.
struct exception_type_object : object {
    std::string name;
    std::string qualified;  // as a traceback's last line names it
    bool in_main = false;   // a program's own class: its repr adds "__main__.", its traceback does not
    ref<class_object> methods;  // a program's exception class: what its body defined
    ref<exception_type_object> base;
    // ExceptionGroup's second base (Exception): CPython's only builtin exception with two. A program's
    // subclass of it finds Exception through its base.
    ref<exception_type_object> second_base;
    ~exception_type_object() override;  // in value.cpp, where class_object is complete
    bool is_subclass_of(const exception_type_object& other) const;
    // `except condition` with this type raised: a subclass of the type, or of one in a tuple of types
    // (which the caller has checked are all exception types).
    bool matches(const value& condition) const;
};


// Where an instruction's expression ends, and the byte columns it spans on its first line (1-based;
// column 0: not known), as CPython 3.11's co_positions gives them for a traceback's carets.
struct source_span {
    std::int32_t end_line = 0;
    std::int32_t column = 0;
    std::int32_t end_column = 0;
    // Where the secondary carets go (CPython's extract_anchors_from_expr), for an expression on one
    // line: a binary operation's operator lies between its left operand's end and its right operand's
    // start; a subscript's brackets run from its value's end to one past its index's end.
    enum class anchor_kind : std::uint8_t { none, binary, subscript } anchors = anchor_kind::none;
    std::int32_t anchor_from = 0, anchor_to = 0;  // byte columns, 1-based
};

struct traceback_entry {
    std::string function;
    std::int32_t line = 0;
    source_span span;  // a library frame's: columns of `source` itself
    // A library frame's file and its line as CPython shows it (static text); null: the program's own
    const char* file = nullptr;
    const char* source = nullptr;
};

// A library frame standing at `expression`, a part of its source line `source` (carets under it)
inline traceback_entry library_frame(std::string function, std::int32_t line, const char* file, const char* source, std::string_view expression = {})
{
    source_span span;
    if (auto at = std::string_view(source).find(expression); !expression.empty() && at != std::string_view::npos)
        span = {line, static_cast<std::int32_t>(at) + 1, static_cast<std::int32_t>(at + expression.size()) + 1};
    return {std::move(function), line, span, file, source};
}

// An exception raised inside asyncio's own Python code: `frames` are its library frames, innermost first.
[[noreturn]] void raise_from_library(const std::string& type, const std::string& message, std::initializer_list<traceback_entry> frames);

// None, for a reference to a field that is not there
inline const value& none_value()
{
    static const value none{};
    return none;
}

// A NameError or AttributeError the interpreter raised: the name it did not find (NameError's and
// AttributeError's `name`), the object it looked in (AttributeError's `obj`), and for a NameError the
// code of the frame it was raised in (and the comprehension inside it, an index into its
// inline_frames, or -1): what "Did you mean" looks through when it is printed.
// The object is held strongly while the exception travels (what CPython's exc.obj keeps alive: a
// temporary's attributes), and only weakly once a handler catches it or a task keeps it as its own
// failure: the engine has no cycle collector for `obj.error = e`.
struct name_lookup {
    std::string name;
    bool attribute = false;  // an AttributeError's (else a NameError's)
    value in;
    weak_ref<object> weak_in;
    value_kind weak_kind = value_kind::none;
    std::shared_ptr<const code_object> frame;
    std::int32_t inline_frame = -1;
    // The suggestion, found before the object was let go (a task failing on its own attribute)
    std::optional<std::string> found;

    void hold_weakly()
    {
        if (!in.obj) return;
        weak_in = in.obj;
        weak_kind = in.kind;
        in = value{};
    }
    // The object, if it is still there
    value object_in() const
    {
        if (in.obj || !weak_kind_set()) return in;
        auto o = weak_in.lock();
        return o ? value::of(weak_kind, std::move(o)) : value{};
    }
    bool weak_kind_set() const { return weak_kind != value_kind::none; }
};

struct exception_object : object {
    ref<exception_type_object> type;
    std::vector<value> args;
    std::vector<traceback_entry> traceback;  // innermost first
    // Arguments of the builtin call that raised: CPython's traceback keeps that call's frame (and a
    // coroutine passed to it) alive until the exception is gone, which decides when a
    // never-awaited warning appears.
    std::vector<value> retained;
    // __context__: the exception being handled when this one was raised (printed first).
    value context;
    // What few exceptions have, kept aside so that the many others stay small.
    struct rare_fields {
        value filename, filename2;  // OSError(errno, strerror, filename[, winerror, filename2]): not in args
        // __cause__ (`raise ... from cause`: an exception or None) and __suppress_context__, which
        // `from` sets: the traceback then shows the cause, or (from None) neither.
        value cause;
        bool suppress_context = false;
        // An exception group's message and exceptions (a tuple), as its constructor checked them;
        // args keeps what the call passed.
        value group_message, group_exceptions;
        std::unique_ptr<name_lookup> lookup;  // a NameError or AttributeError the interpreter raised
    };
    std::unique_ptr<rare_fields> rare;
    rare_fields& rare_for_writing()
    {
        if (!rare) rare = std::make_unique<rare_fields>();
        return *rare;
    }
    const value& filename() const { return rare ? rare->filename : none_value(); }
    const value& filename2() const { return rare ? rare->filename2 : none_value(); }
    const value& cause() const { return rare ? rare->cause : none_value(); }
    bool suppress_context() const { return rare && rare->suppress_context; }
    bool is_group() const { return rare && rare->group_exceptions.is(value_kind::tuple); }
    const std::vector<value>& group_items() const;  // is_group(): its exceptions
    const name_lookup* lookup() const { return rare ? rare->lookup.get() : nullptr; }
    // Attributes a program gives it (self.status = status in its class's __init__), in order.
    attribute_table attributes;
    std::string message() const;             // str(exc)
};

// Names standing for classes we only use in annotations/imports (Task, AbstractEventLoop).
struct type_name_object : object {
    std::string name;
};

struct module_object : object {
    std::string name;
};

// A Python exception travelling through C++ code (operators, builtins) back to the interpreter,
// which turns it into a Python raise at the current instruction.
struct python_error {
    value exc;
};

// A bound was hit: the run ends with this message, whatever the program's try/except says.
struct limit_exceeded {
    std::string message;
};

// The program reached something CPython has and the engine does not model, in a way no check before
// the first line could see (an attribute of one type that the engine has only on others). The run
// ends with UnsupportedError naming it, whatever the program's try/except says: CPython would not
// have raised anything there.
struct unsupported_feature {
    std::string message;
};
[[noreturn]] void raise_unsupported(const std::string& what);

// The longest text repr()/str() may build (set per run from run_config::max_sequence_length), so
// that printing a list nested a thousand deep cannot take the memory.
void set_repr_limit(std::size_t chars);

// Builds an instance of a builtin exception class, e.g. make_error("ZeroDivisionError", "...").
value make_error(const std::string& type, const std::string& message);
[[noreturn]] void raise_error(const std::string& type, const std::string& message);
// A NameError for `name` as the interpreter raises it (its `name` set, for "Did you mean").
[[noreturn]] void raise_name_error(const std::string& name, const std::string& message);
// An AttributeError as attribute lookup raises it: its `name` and `obj` set, for "Did you mean".
[[noreturn]] void raise_attribute_error(const value& obj, const std::string& name, const std::string& message);
// KeyError(key): its str() is the key's repr, as CPython's.
[[noreturn]] void raise_key_error(const value& key);
ref<exception_type_object> builtin_exception_type(const std::string& name);
bool is_instance_of(const value& exc, const std::string& type_name);

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there are not UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
// A str's length as Python counts it: code points of its (valid) UTF-8.
std::size_t code_point_count(std::string_view s);
// The code point of (valid) UTF-8 text at `at`, which it moves past it
inline std::uint32_t next_code_point(std::string_view s, std::size_t& at)
{
    const auto b = static_cast<unsigned char>(s[at]);
    if (b < 0x80) {
        ++at;
        return b;
    }
    const std::size_t n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    std::uint32_t c = b & (n == 4 ? 0x07u : n == 3 ? 0x0fu : 0x1fu);
    for (std::size_t k = 1; k < n && at + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3fu);
    at += n;
    return c;
}
// Byte offsets of each code point (and the end), for indexing and slicing a str by character.
std::vector<std::size_t> code_point_offsets(const std::string& s);

// Python float repr: shortest round-trip digits, CPython's switch to exponent form.
std::string float_repr(double d);
std::string repr(const value& v);
// BaseException.__repr__ of an exception (`super().__repr__()` in a program's exception class)
std::string base_exception_repr(const value& v);
// While one lives on the thread, repr() and str() run none of the program's code: an instance of a
// class with __repr__ or __str__ shows as object.__repr__ writes it. For the text events carry (an
// awaited result, a task's exception), which CPython never computes: a __repr__ that prints or
// raises must not do so where CPython would not call it.
class quiet_repr_scope {
public:
    quiet_repr_scope();
    ~quiet_repr_scope();
    quiet_repr_scope(const quiet_repr_scope&) = delete;
    quiet_repr_scope& operator=(const quiet_repr_scope&) = delete;
    static bool active();

private:
    bool saved_;
};
// Text for an event (which CPython never computes): made inside a quiet_repr_scope, at most
// max_event_text bytes (cut there, with an ellipsis), and an error CPython would raise if asked for
// it (a 5,000-digit int, a repr nested too deep) gives `fallback()` instead of ending the run.
inline constexpr std::size_t max_event_text = 4096;
std::string event_text(const std::function<std::string()>& make, const std::function<std::string()>& fallback);
// repr(v) as event_text ("<type object>" when it would raise)
std::string event_repr(const value& v);
// A value as events show a callback's argument or a queue's item (loop_callbacks.cpp): None, booleans,
// 64-bit ints, floats and strings of at most 40 characters by their repr, anything else by its type
std::string event_value_label(const value& a);
// reprlib.repr(v): the shortened repr a future shows its result with (short_repr.cpp)
std::string short_repr(const value& v);
std::string str(const value& v);
std::string type_name(const value& v);
// tp_name, as CPython's messages name a type: the C types' with their module (`_asyncio.Task`,
// `_io.TextIOWrapper`), a class written in Python by its name (vm/builtins.cpp)
std::string full_type_name(const value& v);
// The key of cpython_names.inc's table for the type of `v` ("list", "Task", "loop" …)
std::string cpython_type_key(const value& v);
// What type() of an asyncio object shows (`_asyncio.Task`, `asyncio.events.TimerHandle` ...), or null
const char* asyncio_qualified_type_name(const value& v);
bool truthy(const value& v);

} // namespace loopscope::engine
