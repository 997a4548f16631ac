// Builtin functions, the asyncio and time modules, and methods of the subset's objects.
#include "library.hpp"
#include "runtime.hpp"
#include "sets.hpp"
#include "deques.hpp"
#include "itertools_module.hpp"
#include "functools_module.hpp"
#include "contextlib_module.hpp"
#include "typing_forms.hpp"
#include "classes.hpp"
#include "integers.hpp"
#include "escapes.hpp"

#include "cpython_names.hpp"
#include "name_check.hpp"
#include "modules.hpp"
#include "str_methods.hpp"
#include "dir_builtin.hpp"
#include "json_module.hpp"
#include "text_search.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <string_view>
#include <unordered_map>

namespace loopscope::engine {

namespace {

// asyncio.run, run_until_complete and run_forever refuse the same way inside a worker thread
constexpr const char* loop_in_worker_refusal = "an event loop run in a worker thread (asyncio.run, run_until_complete, run_forever)";

// asyncio's files, for the frames a traceback shows of them (3.11.2's lines)
constexpr const char* runners_py = "/usr/lib/python3.11/asyncio/runners.py";
constexpr const char* tasks_py = "/usr/lib/python3.11/asyncio/tasks.py";
constexpr const char* base_events_py = "/usr/lib/python3.11/asyncio/base_events.py";

enum builtin_id : int {
    b_print = 1, b_range, b_len, b_str, b_int, b_float, b_bool, b_list, b_tuple, b_repr, b_abs, b_min, b_max, b_sum,
    b_round, b_isinstance, b_enumerate, b_zip, b_sorted, b_reversed, b_type, b_format, b_ascii,
    b_hex, b_oct, b_bin, b_chr, b_ord, b_divmod, b_pow, b_any, b_all, b_dict, b_hash, b_map, b_filter, b_iter, b_getattr, b_setattr, b_hasattr, b_delattr, b_callable, b_next,
    d_keys, d_values, d_items, d_get, d_pop, d_popitem, d_setdefault, d_update, d_clear, d_copy,
    a_run, a_sleep, a_create_task, a_gather, a_get_event_loop, a_new_event_loop, a_set_event_loop, a_get_running_loop,
    a_current_task, a_ensure_future, a_all_tasks, lib_tasks_to_cancel, lib_primitive, lib_cancel, lib_to_thread, lib_logging,
    t_sleep, t_time, t_monotonic, t_perf_counter, t_strftime, t_ctime,
    l_run_until_complete, l_run_forever, l_is_running, l_is_closed, l_close, l_time, l_create_task, l_stop,
    f_done, f_result, f_cancel, f_cancelled, f_exception, f_get_name, f_set_name, f_get_coro,
    s_append, s_pop, s_extend, s_insert, s_index, s_count, s_remove, s_clear, s_reverse, s_sort, s_copy,
    str_method, str_format,
    b_super, b_issubclass, b_staticmethod, b_classmethod, b_property, p_setter, p_getter, p_deleter,
    dc_dataclass, dc_field, dc_repr, dc_eq, dc_lt, dc_le, dc_gt, dc_ge, dc_hash,
    // random's functions, each its own id (random.random is not random.seed); random_module.cpp
    // tells them apart by name.
    r_seed, r_random, r_getrandbits, r_uniform, r_randint, r_randrange, r_choice, r_choices, r_shuffle, r_sample,
    r_gauss, r_normalvariate, r_expovariate,
    m_function,  // math's functions, one id: math_module.cpp tells them apart by name
    eg_derive, eg_split, eg_subgroup,  // an exception group's methods (exception_groups.cpp)
    ag_aiter, ag_anext,  // an asynchronous generator's __aiter__ and __anext__
    ag_asend, ag_athrow, ag_aclose,  // ... and its asend, athrow, aclose
    g_send, g_throw, g_close,  // a generator's
    co_send, co_throw, co_close,  // a coroutine's
    ts_write, ts_flush,  // sys.stdout's and sys.stderr's
    sys_exit,            // sys.exit
    b_set, b_frozenset, set_method,
    c_deque, deque_method,  // collections.deque and its methods (collections_module.cpp)
    c_defaultdict,          // collections.defaultdict (collections_module.cpp)
    c_counter, counter_method,  // collections.Counter and its own methods (collections_counter.cpp)
    c_ordered_dict, ordered_dict_method,  // collections.OrderedDict and its own methods (collections_ordered_dict.cpp)
    c_namedtuple, nt_typing, nt_method,  // collections.namedtuple, typing.NamedTuple, their classes' generated methods (named_tuples.cpp)
    it_function,            // itertools' types and chain.from_iterable, one id: itertools_module.cpp tells them apart by name
    ft_partial, ft_reduce, ft_wraps, ft_update_wrapper, ft_lru_cache, ft_cache, ft_lru_decorating, ft_cache_parameters, ft_cache_clear,  // functools (functools_module.cpp): partial is a type
    cl_type, cl_contextmanager, cl_asynccontextmanager, cl_helper, cl_async_helper, cl_method,  // contextlib (contextlib_module.cpp): suppress, nullcontext, closing are types
    b_aiter, b_anext,
    // the program's callbacks and futures (loop_callbacks.cpp tells them apart by name): the loop's
    // call_soon/call_later/call_at/create_future, a future's set_result ... add_done_callback, a
    // handle's cancel/cancelled/when, asyncio.Future
    loop_api, future_api, handle_api, a_future,
    object_repr,  // object.__repr__ bound to an instance (super().__repr__())
    exception_str, exception_repr,  // BaseException.__str__ / __repr__ bound to an exception (super().__str__())
    ft_cache_info,  // an lru_cache wrapper's cache_info (functools_module.cpp)
    b_slice, sl_indices,  // slice() and a slice's indices()
    b_id,
    b_vars,
    dc_function,  // dataclasses' fields, asdict, astuple, replace, is_dataclass (dataclasses_module.cpp tells them apart by name)
    method_descriptor,  // a builtin type's method taken from the type (str.upper): self is the type
    b_dir,  // dir() (dir_builtin.cpp)
    js_dumps, js_loads,  // json.dumps, json.loads (json_module.cpp)
    h_function,          // heapq's functions, one id: heapq_module.cpp tells them apart by name
    bi_function,         // bisect's functions, one id: bisect_module.cpp tells them apart by name
};

// A generator that has returned, asked for more: StopIteration, with its `return value` the first time
// only (next(), send() and throw() alike)
[[noreturn]] void raise_generator_stop(generator_object& g)
{
    value stop = make_error("StopIteration", "");
    if (!g.return_value.is(value_kind::none)) stop.as<exception_object>().args.push_back(std::move(g.return_value));
    g.return_value = value::none();
    throw python_error{std::move(stop)};
}

// A stable bottom-up merge sort of indices. Unlike std::stable_sort it stays in bounds whatever the
// comparison answers: a program's __lt__ may be inconsistent (random, or changing as it is called).
// The items themselves are untouched until the order is known, so a comparison that raises leaves
// them all in place.
template <class Less> void merge_sort_indices(std::vector<std::size_t>& order, Less&& less)
{
    const std::size_t n = order.size();
    std::vector<std::size_t> buffer(n);
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            std::size_t i = lo, j = mid, out = lo;
            while (i < mid && j < hi) buffer[out++] = less(order[j], order[i]) ? order[j++] : order[i++];
            while (i < mid) buffer[out++] = order[i++];
            while (j < hi) buffer[out++] = order[j++];
        }
        order.swap(buffer);
    }
}

const std::vector<std::pair<const char*, int>>& builtin_table()
{
    // Built once for the process: not charged to the run that happens to ask first.
    static const auto table = [] {
        memory_scope process_wide(nullptr);
        return std::vector<std::pair<const char*, int>>{
        {"print", b_print}, {"range", b_range}, {"len", b_len}, {"str", b_str}, {"int", b_int}, {"float", b_float},
        {"bool", b_bool}, {"list", b_list}, {"tuple", b_tuple}, {"repr", b_repr}, {"abs", b_abs}, {"min", b_min},
        {"max", b_max}, {"sum", b_sum}, {"round", b_round}, {"isinstance", b_isinstance}, {"enumerate", b_enumerate},
        {"zip", b_zip}, {"sorted", b_sorted}, {"reversed", b_reversed}, {"type", b_type}, {"format", b_format}, {"ascii", b_ascii},
        {"hex", b_hex}, {"oct", b_oct}, {"bin", b_bin}, {"chr", b_chr}, {"ord", b_ord}, {"divmod", b_divmod}, {"pow", b_pow},
        {"any", b_any}, {"all", b_all}, {"dict", b_dict}, {"hash", b_hash},
        {"map", b_map}, {"filter", b_filter}, {"iter", b_iter}, {"next", b_next}, {"super", b_super}, {"issubclass", b_issubclass},
        {"staticmethod", b_staticmethod}, {"classmethod", b_classmethod}, {"property", b_property},
        {"set", b_set}, {"frozenset", b_frozenset}, {"getattr", b_getattr}, {"setattr", b_setattr},
        {"hasattr", b_hasattr}, {"delattr", b_delattr}, {"callable", b_callable}, {"aiter", b_aiter}, {"anext", b_anext},
        {"slice", b_slice}, {"id", b_id}, {"vars", b_vars}, {"dir", b_dir}};
    }();
    return table;
}

struct member {
    const char* name;
    int id;
};

const std::vector<member> asyncio_members = {{"run", a_run}, {"sleep", a_sleep}, {"create_task", a_create_task},
    {"gather", a_gather}, {"get_event_loop", a_get_event_loop}, {"new_event_loop", a_new_event_loop},
    {"set_event_loop", a_set_event_loop}, {"get_running_loop", a_get_running_loop}, {"current_task", a_current_task}, {"all_tasks", a_all_tasks},
    {"ensure_future", a_ensure_future}};
const std::vector<member> dataclasses_members = {{"dataclass", dc_dataclass}, {"field", dc_field}, {"asdict", dc_function}, {"astuple", dc_function},
    {"fields", dc_function}, {"replace", dc_function}, {"is_dataclass", dc_function}};
const std::vector<member> math_members = {{"sqrt", m_function}, {"floor", m_function}, {"ceil", m_function},
    {"trunc", m_function}, {"fabs", m_function}, {"exp", m_function}, {"log", m_function}, {"log2", m_function}, {"log10", m_function},
    {"sin", m_function}, {"cos", m_function}, {"tan", m_function}, {"atan", m_function}, {"atan2", m_function}, {"degrees", m_function},
    {"radians", m_function}, {"isfinite", m_function}, {"isinf", m_function}, {"isnan", m_function}, {"copysign", m_function},
    {"factorial", m_function}, {"gcd", m_function}, {"lcm", m_function}, {"isqrt", m_function}, {"comb", m_function},
    {"perm", m_function}, {"isclose", m_function}, {"fsum", m_function}, {"prod", m_function}, {"hypot", m_function},
    {"dist", m_function}, {"modf", m_function}, {"frexp", m_function}, {"ldexp", m_function}, {"fmod", m_function},
    {"remainder", m_function}, {"pow", m_function}, {"nextafter", m_function}, {"ulp", m_function}, {"asin", m_function},
    {"acos", m_function}, {"sinh", m_function}, {"cosh", m_function}, {"tanh", m_function}, {"asinh", m_function},
    {"acosh", m_function}, {"atanh", m_function}, {"expm1", m_function}, {"log1p", m_function}, {"exp2", m_function},
    {"cbrt", m_function}};
const std::vector<member> random_members = {{"seed", r_seed}, {"random", r_random}, {"getrandbits", r_getrandbits},
    {"uniform", r_uniform}, {"randint", r_randint}, {"randrange", r_randrange}, {"choice", r_choice}, {"choices", r_choices},
    {"shuffle", r_shuffle}, {"sample", r_sample}, {"gauss", r_gauss}, {"normalvariate", r_normalvariate}, {"expovariate", r_expovariate}};

const std::vector<member> text_stream_members = {{"write", ts_write}, {"flush", ts_flush}};
const std::vector<member> async_generator_members = {{"__aiter__", ag_aiter}, {"__anext__", ag_anext}, {"asend", ag_asend}, {"athrow", ag_athrow},
    {"aclose", ag_aclose}};
const std::vector<member> generator_members = {{"send", g_send}, {"throw", g_throw}, {"close", g_close}};
const std::vector<member> coroutine_members = {{"send", co_send}, {"throw", co_throw}, {"close", co_close}};
const std::vector<member> exception_group_members = {{"derive", eg_derive}, {"split", eg_split}, {"subgroup", eg_subgroup}};
const std::vector<member> property_members = {{"setter", p_setter}, {"getter", p_getter}, {"deleter", p_deleter}};
const std::vector<member> time_members = {{"sleep", t_sleep}, {"time", t_time}, {"monotonic", t_monotonic}, {"perf_counter", t_perf_counter},
    {"strftime", t_strftime}, {"ctime", t_ctime}};
const std::vector<member> loop_members = {{"run_until_complete", l_run_until_complete}, {"run_forever", l_run_forever}, {"is_running", l_is_running},
    {"is_closed", l_is_closed}, {"close", l_close}, {"time", l_time}, {"create_task", l_create_task}, {"stop", l_stop},
    {"call_soon", loop_api}, {"call_later", loop_api}, {"call_at", loop_api}, {"create_future", loop_api},
    {"call_exception_handler", loop_api}, {"shutdown_asyncgens", loop_api}, {"shutdown_default_executor", loop_api}, {"run_in_executor", loop_api},
    {"set_debug", loop_api}, {"get_debug", loop_api}, {"call_soon_threadsafe", loop_api}};
const std::vector<member> future_members = {{"done", f_done}, {"result", f_result}, {"cancel", f_cancel},
    {"cancelled", f_cancelled}, {"exception", f_exception}, {"get_name", f_get_name}, {"set_name", f_set_name}, {"get_coro", f_get_coro},
    {"set_result", future_api}, {"set_exception", future_api}, {"add_done_callback", future_api}, {"remove_done_callback", future_api},
    {"get_loop", future_api}, {"cancelling", future_api}, {"uncancel", future_api}, {"__await__", future_api}, {"__iter__", future_api}};
const std::vector<member> handle_members = {{"cancel", handle_api}, {"cancelled", handle_api}, {"when", handle_api}};
const std::vector<member> list_members = {{"append", s_append}, {"pop", s_pop}, {"extend", s_extend}, {"insert", s_insert},
    {"index", s_index}, {"count", s_count}, {"remove", s_remove}, {"clear", s_clear}, {"reverse", s_reverse}, {"sort", s_sort}, {"copy", s_copy}};
const std::vector<member> tuple_members = {{"index", s_index}, {"count", s_count}};
// Counter's own methods, before dict's (collections_counter.cpp knows them by name)
const std::vector<member> counter_members = {{"most_common", counter_method}, {"elements", counter_method}, {"update", counter_method},
    {"subtract", counter_method}, {"total", counter_method}, {"copy", counter_method}, {"fromkeys", counter_method}};
// OrderedDict's own methods, before dict's (collections_ordered_dict.cpp knows them by name)
const std::vector<member> ordered_dict_members = {{"move_to_end", ordered_dict_method}, {"popitem", ordered_dict_method}, {"pop", ordered_dict_method},
    {"setdefault", ordered_dict_method}, {"update", ordered_dict_method}, {"copy", ordered_dict_method}, {"fromkeys", ordered_dict_method}};
const std::vector<member> dict_members = {{"keys", d_keys}, {"values", d_values}, {"items", d_items}, {"get", d_get},
    {"pop", d_pop}, {"popitem", d_popitem}, {"setdefault", d_setdefault}, {"update", d_update}, {"clear", d_clear}, {"copy", d_copy}};
// set_methods.cpp knows the methods of set and frozenset by name.
const std::vector<member> frozenset_members = {{"copy", set_method}, {"union", set_method}, {"intersection", set_method},
    {"difference", set_method}, {"symmetric_difference", set_method}, {"issubset", set_method}, {"issuperset", set_method},
    {"isdisjoint", set_method}};
const std::vector<member> deque_members = {{"append", deque_method}, {"appendleft", deque_method}, {"pop", deque_method},
    {"popleft", deque_method}, {"extend", deque_method}, {"extendleft", deque_method}, {"rotate", deque_method},
    {"clear", deque_method}, {"count", deque_method}, {"index", deque_method}, {"remove", deque_method},
    {"insert", deque_method}, {"reverse", deque_method}, {"copy", deque_method}, {"maxlen", deque_method}};
const std::vector<member> set_members = {{"add", set_method}, {"discard", set_method}, {"remove", set_method}, {"pop", set_method},
    {"clear", set_method}, {"copy", set_method}, {"update", set_method}, {"union", set_method}, {"intersection", set_method},
    {"difference", set_method}, {"symmetric_difference", set_method}, {"issubset", set_method}, {"issuperset", set_method},
    {"isdisjoint", set_method}, {"intersection_update", set_method}, {"difference_update", set_method},
    {"symmetric_difference_update", set_method}};
// Every str method but format goes to call_str_method (str_methods.cpp), whose table is their list.
const std::vector<member> str_members = [] {
    std::vector<member> made;
    for (const char* name : str_method_names()) made.push_back({name, str_method});
    made.push_back({"format", str_format});
    return made;
}();

// The builtins that are classes in CPython (int, str, range ...), not functions.
bool is_type_builtin(int id)
{
    switch (id) {
    case b_int: case b_float: case b_str: case b_bool: case b_list: case b_tuple: case b_range: case b_type:
    case b_enumerate: case b_zip: case b_reversed: case b_dict: case b_map: case b_filter:
    case b_super: case b_staticmethod: case b_classmethod: case b_property: case b_set: case b_frozenset: case c_deque: case c_defaultdict: case c_counter: case c_ordered_dict: case ft_partial: case cl_type: case a_future: case b_slice: return true;
    default: return false;
    }
}

} // namespace

std::string calendar_text(const std::string& format, double seconds)
{
    const auto t = static_cast<std::time_t>(std::floor(seconds));
    std::tm tm{};
    gmtime_r(&t, &tm);
    tm.tm_zone = "UTC";
    std::string out(format.size() * 32 + 64, '\0');
    const std::size_t n = std::strftime(out.data(), out.size(), format.c_str(), &tm);
    out.resize(n);
    return out;
}

bool is_type_builtin(const builtin_object& b)
{
    if (b.id == it_function) return b.name != "itertools.chain.from_iterable" && b.name != "itertools.tee";
    return !b.self.obj && is_type_builtin(b.id);
}

value deque_type_value()
{
    auto b = make_ref<builtin_object>();
    b->id = c_deque;
    b->name = "collections.deque";
    return value::of(value_kind::builtin, b);
}

bool is_deque_type(const value& v) { return v.is(value_kind::builtin) && v.as<builtin_object>().id == c_deque && !v.as<builtin_object>().self.obj; }

int dataclasses_builtin_id() { return dc_function; }

int dataclass_method_id(std::string_view name)
{
    static constexpr std::pair<std::string_view, int> ids[] = {{"__repr__", dc_repr}, {"__eq__", dc_eq}, {"__lt__", dc_lt}, {"__le__", dc_le},
                                                               {"__gt__", dc_gt},     {"__ge__", dc_ge}, {"__hash__", dc_hash}};
    for (const auto& [n, id] : ids)
        if (n == name) return id;
    return -1;
}

bool is_dataclass_method(const value& v, std::string_view name)
{
    return v.is(value_kind::builtin) && v.as<builtin_object>().id == dataclass_method_id(name) && !v.as<builtin_object>().self.obj;
}

bool is_any_dataclass_method(const value& v)
{
    if (!v.is(value_kind::builtin) || v.as<builtin_object>().self.obj) return false;
    const int id = v.as<builtin_object>().id;
    return id >= dc_repr && id <= dc_hash;
}

bool is_dataclass_comparison(const value& v)
{
    if (!v.is(value_kind::builtin) || v.as<builtin_object>().self.obj) return false;
    const int id = v.as<builtin_object>().id;
    return id >= dc_eq && id <= dc_ge;
}

const ref<exception_type_object>& frozen_instance_error_type()
{
    thread_local const ref<exception_type_object> type = [] {
        memory_scope process_wide(nullptr);  // built once, not charged to the run that asks first
        auto t = make_ref<exception_type_object>();
        t->name = "FrozenInstanceError";
        t->qualified = "dataclasses.FrozenInstanceError";
        t->base = builtin_exception_type("AttributeError");
        return t;
    }();
    return type;
}

// Two builtins are the same object if they are the same function of no object (len is len), equal
// if they are also the same method of the same object.
bool same_builtin(const builtin_object& a, const builtin_object& b, bool identity)
{
    // A function CPython writes in Python (a @contextmanager's helper) is equal only to itself
    if (a.id == cl_helper || a.id == cl_async_helper) return &a == &b;
    // str.upper is one object of str's, however it was reached
    if (a.id == method_descriptor) return b.id == method_descriptor && a.name == b.name && a.self.as<builtin_object>().id == b.self.as<builtin_object>().id;
    if (a.id != b.id || a.name != b.name || a.self.kind != b.self.kind || a.self.obj != b.self.obj) return false;
    return !identity || !a.self.obj;
}

namespace {

// An exception class's __module__: the program's, builtins, or the module its full name gives
std::string module_of(const exception_type_object& t)
{
    const auto& q = t.qualified;
    return t.in_main ? "__main__" : q.find('.') == std::string::npos ? "builtins" : q.substr(0, q.rfind('.'));
}


const member* find_member(const std::vector<member>& members, const std::string& name)
{
    for (const auto& m : members)
        if (name == m.name) return &m;
    return nullptr;
}

// The methods of a builtin type that its instances find (str.upper, dict.get), and whether `v` is one
// of its instances: its own kind (a Counter is a dict, a named tuple a tuple); a program's subclass of it
// is not modelled here
const std::vector<member>* builtin_type_methods(int type_id)
{
    switch (type_id) {
    case b_str: return &str_members;
    case b_list: return &list_members;
    case b_tuple: return &tuple_members;
    case b_dict: return &dict_members;
    case b_set: return &set_members;
    case b_frozenset: return &frozenset_members;
    default: return nullptr;
    }
}

bool is_instance_of_builtin_type(const value& v, int type_id)
{
    switch (type_id) {
    case b_str: return v.is(value_kind::string);
    case b_list: return v.is(value_kind::list);
    case b_tuple: return v.is(value_kind::tuple);
    case b_dict: return v.is(value_kind::dict);
    case b_set: return v.is(value_kind::set);
    case b_frozenset: return v.is(value_kind::frozenset);
    default: return false;
    }
}

// The key of cpython_names.inc's table for the type of `v` (exceptions are looked up by class, below):
// type(v).__name__, but for the kinds that table names otherwise.
std::string cpython_kind(const value& v)
{
    switch (v.kind) {
    case value_kind::future: return v.as<future_object>().is_task() ? "Task" : "Future";
    case value_kind::loop: return "loop";
    case value_kind::context_manager: return "contextlib." + type_name(v);
    case value_kind::dict: return v.as<dict_object>().is_counter ? "collections.Counter" : type_name(v);
    case value_kind::tuple: return "tuple";  // a named tuple's attributes beyond its class's are tuple's
    default: return type_name(v);
    }
}

// Does CPython's object of the same type as `v` have attribute `name`?
bool cpython_has_attribute(const value& v, const std::string& name)
{
    if (v.is(value_kind::exception)) {
        // The nearest class CPython has (asyncio's CancelledError is a BaseException there too).
        for (auto t = v.as<exception_object>().type; t; t = t->base)
            if (cpython_type_has("exception " + t->name, "__class__")) return cpython_type_has("exception " + t->name, name);
        return false;
    }
    return cpython_type_has(cpython_kind(v), name);
}

// enum.Enum or a class deriving from it: their metaclass is enum.EnumType
bool is_enum_type(const value& v)
{
    if (!v.is(value_kind::class_type)) return false;
    const auto& c = v.as<class_object>();
    return &c == enum_base_class().get() || c.is_subclass_of(*enum_base_class());
}

// A type the engine has no class object for (NoneType, generator, _asyncio.Task ...), named as CPython
// writes it in its repr: one object per name for the thread, so that `type(None) is type(None)`, and a
// dict keyed by it finds it again. Immutable, charged to no run.
value type_name_value(const std::string& name)
{
    thread_local std::unordered_map<std::string, value> made;
    auto it = made.find(name);
    if (it == made.end()) {
        memory_scope process_wide(nullptr);
        auto t = make_ref<type_name_object>();
        t->name = name;
        it = made.emplace(name, value::of(value_kind::type_name, t)).first;
    }
    return it->second;
}

// A wrong number of arguments, worded as CPython words it for that function: its messages differ with
// how each builtin is declared in C (METH_O, METH_NOARGS, Argument Clinic, varargs).
void expect_args(const builtin_object& b, const std::vector<value>& args, std::size_t lo, std::size_t hi)
{
    const std::size_t given = args.size();
    if (given >= lo && given <= hi) return;
    const std::string n = std::to_string(given);
    auto arguments = [](std::size_t k) { return std::to_string(k) + (k == 1 ? " argument" : " arguments"); };
    const bool method = b.self.is(value_kind::list) || b.self.is(value_kind::tuple) || b.self.is(value_kind::dict) || is_set_kind(b.self);
    // A defaultdict's methods are dict's: CPython names them so
    const std::string qualified = method ? (b.self.is(value_kind::dict)    ? std::string("dict")
                                            : b.self.is(value_kind::tuple) ? std::string("tuple")  // a named tuple's methods are tuple's
                                                                           : type_name(b.self)) +
                                               "." + b.name
                                         : b.name;
    // METH_O and METH_NOARGS: "len() takes exactly one argument (2 given)", "list.clear() takes no arguments (1 given)"
    static const std::vector<std::string_view> exactly_one = {"len", "abs", "repr", "ascii", "append", "count", "remove", "extend",
                                                               "hex", "oct", "bin", "chr", "ord", "any", "all", "callable", "aiter"};
    if (lo == 0 && hi == 0) raise_error("TypeError", qualified + "() takes no arguments (" + n + " given)");
    if (lo == 1 && hi == 1 && std::find(exactly_one.begin(), exactly_one.end(), b.name) != exactly_one.end())
        raise_error("TypeError", qualified + "() takes exactly one argument (" + n + " given)");
    if (b.name == "round") {
        if (given == 0) raise_error("TypeError", "round() missing required argument 'number' (pos 1)");
        raise_error("TypeError", "round() takes at most 2 arguments (" + n + " given)");
    }
    if (b.name == "pow") {
        if (given < 2) raise_error("TypeError", std::string("pow() missing required argument '") + (given == 0 ? "base' (pos 1)" : "exp' (pos 2)"));
        raise_error("TypeError", "pow() takes at most 3 arguments (" + n + " given)");
    }
    if (b.name == "sum" && given == 0) raise_error("TypeError", "sum() takes at least 1 positional argument (0 given)");
    if (b.name == "enumerate" && given == 0) raise_error("TypeError", "enumerate() missing required argument 'iterable'");
    if (b.name == "int" || b.name == "str" || b.name == "sum" || b.name == "enumerate")
        raise_error("TypeError", b.name + "() takes at most " + arguments(hi) + " (" + n + " given)");
    if (b.name == "type") raise_error("TypeError", "type() takes 1 or 3 arguments");
    // Argument Clinic: "insert expected 2 arguments, got 1", "bool expected at most 1 argument, got 2"
    if (lo == hi) raise_error("TypeError", b.name + " expected " + arguments(lo) + ", got " + n);
    if (given < lo) raise_error("TypeError", b.name + " expected at least " + arguments(lo) + ", got " + n);
    raise_error("TypeError", b.name + " expected at most " + arguments(hi) + ", got " + n);
}

std::int64_t int_arg(const value& v)
{
    if (is_int(v)) {
        if (auto x = small_int(v)) return *x;
        raise_unsupported("an int beyond 64 bits as this argument");
    }
    raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

double number_arg(const value& v, const std::string& fn)
{
    if (is_int(v)) return int_to_float(v);
    if (v.is(value_kind::floating)) return v.f;
    raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as a number in " + fn + "()");
}

// int(text, base), with CPython's ValueError naming the text (its repr cut to 200 characters).
value parse_int_text(const value& text, int base)
{
    const std::string& s = text.as<string_object>().s;
    charge_work(s.size() / 4);  // read twice, character by character
    // CPython also reads non-ASCII decimal digits and spaces; the engine does not model them.
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) raise_unsupported("int() of a str with non-ASCII characters");
    if (auto n = int_from_text(s, base)) return *n;
    std::string shown = repr(text);
    if (shown.size() > 200) shown.resize(200);  // ASCII: a byte is a character
    raise_error("ValueError", "invalid literal for int() with base " + std::to_string(base) + ": " + shown);
}

// C's printf of one double with a precision, whatever its length.
std::string c_number(const char* format, int precision, double x)
{
    const int length = std::snprintf(nullptr, 0, format, precision, x);
    std::string out(static_cast<std::size_t>(length) + 1, '\0');
    std::snprintf(out.data(), out.size(), format, precision, x);
    out.pop_back();
    return out;
}

// Python's float literal (float() of a str): [sign] digits [. digits] [e [sign] digits], or inf,
// infinity, nan; an underscore only between two digits. The text for strtod (underscores gone), or
// nothing: no hex, no "nan(...)", which C's strtod would take.
std::optional<std::string> python_float_text(const std::string& s)
{
    charge_work(s.size() / 4);  // copied, lowered and read character by character
    std::size_t k = 0;
    std::string out;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) out += s[k++];
    std::string word = s.substr(k);
    std::transform(word.begin(), word.end(), word.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    if (word == "inf" || word == "infinity" || word == "nan") return out + word;
    auto digits = [&]() {
        const std::size_t start = k;
        while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) ||
                                (s[k] == '_' && k > start && k + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[k + 1]))))) {
            if (s[k] != '_') out += s[k];
            ++k;
        }
        return k - start;
    };
    std::size_t mantissa = digits();
    if (k < s.size() && s[k] == '.') {
        out += s[k++];
        mantissa += digits();
    }
    if (mantissa == 0) return std::nullopt;
    if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
        out += s[k++];
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) out += s[k++];
        if (digits() == 0) return std::nullopt;
    }
    if (k != s.size()) return std::nullopt;
    return out;
}

std::string strip_chars(const std::string& s, const std::string& chars, bool left, bool right)
{
    std::size_t a = 0, b = s.size();
    if (left) while (a < b && chars.find(s[a]) != std::string::npos) ++a;
    if (right) while (b > a && chars.find(s[b - 1]) != std::string::npos) --b;
    return s.substr(a, b - a);
}

} // namespace

std::string full_type_name(const value& obj)
{
    if (obj.is(value_kind::future) && !obj.as<future_object>().is_gather) return "_asyncio." + type_name(obj);
    if (obj.is(value_kind::text_stream)) return "_io.TextIOWrapper";
    return type_name(obj);
}

std::string cpython_type_key(const value& v) { return cpython_kind(v); }

const char* asyncio_qualified_type_name(const value& v)
{
    switch (v.kind) {
    case value_kind::future: {
        const auto& f = v.as<future_object>();
        return f.is_task() ? "_asyncio.Task" : f.is_gather ? "asyncio.tasks._GatheringFuture" : "_asyncio.Future";
    }
    case value_kind::handle: return v.as<handle>().is_timer ? "asyncio.events.TimerHandle" : "asyncio.events.Handle";
    case value_kind::loop: return "asyncio.unix_events._UnixSelectorEventLoop";
    default: return nullptr;
    }
}

int itertools_builtin_id() { return it_function; }
int named_tuple_method_id() { return nt_method; }
int typing_named_tuple_id() { return nt_typing; }

int functools_builtin_id(std::string_view name)
{
    return name == "decorating_function" ? ft_lru_decorating : ft_cache_parameters;
}

int contextlib_builtin_id(contextlib_role role)
{
    switch (role) {
    case contextlib_role::type: return cl_type;
    case contextlib_role::contextmanager: return cl_contextmanager;
    case contextlib_role::asynccontextmanager: return cl_asynccontextmanager;
    case contextlib_role::helper: return cl_helper;
    case contextlib_role::async_helper: return cl_async_helper;
    case contextlib_role::method: return cl_method;
    }
    return cl_method;
}

value runtime::builtin_function(std::string_view name)
{
    for (const auto& [n, id] : builtin_table())
        if (name == n) return make_builtin(id, n);
    raise_error("NameError", "name '" + std::string(name) + "' is not defined");
}

// next(iterator) as the builtin takes it: what is not an iterator is a TypeError
value runtime::next_of(value& iterator, bool& exhausted)
{
    if (!iterator.is(value_kind::iterator) && !iterator.is(value_kind::generator) &&
        !(iterator.is(value_kind::instance) && iterator.as<instance_object>().cls->lookup("__next__")))
        raise_error("TypeError", "'" + type_name(iterator) + "' object is not an iterator");
    if (iterator.is(value_kind::generator)) {
        // next() raises the StopIteration with the return value itself
        charge_work(16);
        return resume_generator(iterator.as<generator_object>(), exhausted);
    }
    return iterate_next(iterator, exhausted);
}

value runtime::make_builtin(int id, const std::string& name, value self)
{
    auto b = make_ref<builtin_object>();
    b->id = id;
    b->name = name;
    b->self = std::move(self);
    return value::of(value_kind::builtin, b);
}

// dir()'s list (its names charged as they were found, dir_builtin.cpp)
value runtime::dir_list(const std::vector<std::string_view>& names)
{
    check_items(names.size());
    std::vector<value> items;
    items.reserve(names.size());
    for (const auto n : names) items.push_back(value::string(std::string(n)));
    return value::list(std::move(items));
}

value runtime::object_repr_method(const value& self) { return make_builtin(object_repr, "__repr__", self); }
value runtime::base_exception_text_method(const value& self, bool as_repr)
{
    return make_builtin(as_repr ? exception_repr : exception_str, as_repr ? "__repr__" : "__str__", self);
}

value runtime::load_global(const std::string& name)
{
    auto it = global_index_.find(name);
    if (it != global_index_.end() && !globals_[it->second].second.is_unbound()) return globals_[it->second].second;
    return load_builtin(name);
}

std::int32_t runtime::builtin_position(const std::string& name)
{
    static const auto builtin_slots = [] {
        memory_scope process_wide(nullptr);  // built once for the process, as builtin_table()
        std::unordered_map<std::string_view, std::size_t> slots;
        const auto& table = builtin_table();
        for (std::size_t k = 0; k < table.size(); ++k) slots.emplace(table[k].first, k);
        return slots;
    }();
    if (auto slot = builtin_slots.find(name); slot != builtin_slots.end()) return static_cast<std::int32_t>(slot->second);
    return -1;
}

std::uint64_t runtime::next_globals_epoch()
{
    static std::atomic<std::uint64_t> sequence{0};
    return sequence.fetch_add(1, std::memory_order_relaxed) + 1;
}

value runtime::load_global_slow(const code_object& code, std::int32_t index)
{
    const auto k = static_cast<std::size_t>(index);
    const std::string& name = code.names[k];
    code_object::global_cache* cache = k < code.global_caches.size() ? &code.global_caches[k] : nullptr;
    if (auto it = global_index_.find(name); it != global_index_.end()) {
        if (cache) *cache = {globals_epoch_, static_cast<std::uint32_t>(it->second), -1};
        if (!globals_[it->second].second.is_unbound()) return globals_[it->second].second;
        return load_builtin(name);  // deleted: the slot stays, the builtin is found by name each time
    }
    value v = load_builtin(name);
    if (cache) {
        const std::int32_t position = builtin_position(name);
        *cache = {globals_epoch_, code_object::global_cache::no_slot, position};
    }
    return v;
}

void runtime::store_global_slow(const code_object& code, std::int32_t index, value v)
{
    const auto k = static_cast<std::size_t>(index);
    const std::string& name = code.names[k];
    auto it = global_index_.find(name);
    std::size_t slot;
    if (it == global_index_.end()) {
        slot = globals_.size();
        global_index_[name] = slot;
        globals_.emplace_back(name, std::move(v));
        globals_epoch_ = next_globals_epoch();  // every cache that found no global of a name is stale
    } else {
        slot = it->second;
        globals_[slot].second = std::move(v);
    }
    if (k < code.global_caches.size()) code.global_caches[k] = {globals_epoch_, static_cast<std::uint32_t>(slot), -1};
}

value runtime::load_builtin(const std::string& name)
{
    // A builtin by a hash of its name, made once per run: `len is len`, as in CPython.
    if (const std::int32_t position = builtin_position(name); position >= 0) {
        if (builtin_values_.empty()) builtin_values_.resize(builtin_table().size());
        value& made = builtin_values_[static_cast<std::size_t>(position)];
        if (!made.obj) made = make_builtin(builtin_table()[static_cast<std::size_t>(position)].second, name);
        return made;
    }
    if (name == "__name__") return value::string("__main__");
    if (name == "object") return value::of(value_kind::class_type, object_class());
    if (cpython_module_global(name)) raise_unsupported("the module global '" + name + "'");
    if (auto t = builtin_exception_type(name); t && name != "CancelledError" && name != "InvalidStateError")
        return value::of(value_kind::exception_type, t);
    if (cpython_has_builtin(name)) raise_unsupported("the builtin '" + name + "'");
    raise_name_error(name, "name '" + name + "' is not defined");
}

bool native_module_has(std::string_view module, std::string_view name)
{
    const std::vector<member>* table = module == "time" ? &time_members : module == "random" ? &random_members : module == "math" ? &math_members
                                     : module == "dataclasses" ? &dataclasses_members : module == "asyncio" ? &asyncio_members : nullptr;
    if (table)
        for (const auto& m : *table)
            if (name == m.name) return true;
    return false;
}

bool engine_has_builtin(std::string_view name)
{
    for (const auto& [n, id] : builtin_table())
        if (name == n) return true;
    if (name == "__name__" || name == "object") return true;
    return name != "CancelledError" && name != "InvalidStateError" && builtin_exception_type(std::string(name)) != nullptr;
}

bool engine_has_attribute(std::string_view name)
{
    for (const auto* table : {&asyncio_members, &time_members, &loop_members, &future_members, &list_members, &tuple_members, &str_members, &dict_members, &counter_members, &ordered_dict_members, &set_members,
                              &property_members, &dataclasses_members, &math_members, &random_members, &exception_group_members,
                              &async_generator_members, &text_stream_members, &deque_members, &generator_members, &coroutine_members, &handle_members})
        for (const auto& m : *table)
            if (name == m.name) return true;
    if (typing_has(name) || itertools_has(name) || functools_has(name) || contextlib_has(name)) return true;
    if (value c; math_constant(std::string(name), c)) return true;
    // The attributes load_attribute answers itself.
    if (module_attribute_named(name)) return true;
    for (const char* special : {"args", "__name__",
                                "__qualname__", "__module__", "__doc__", "__wrapped__", "__class__", "__self__", "__func__", "__cause__", "__context__",
                                "__suppress_context__", "message", "exceptions", "name", "value", "default", "init", "repr", "hash", "compare", "kw_only", "_fields", "_field_defaults", "_asdict", "_replace", "_make", "__match_args__", "default_factory", "from_iterable", "func", "keywords", "cache_clear", "cache_parameters", "cache_info", "start", "stop", "step", "indices",
                                "__enter__", "__exit__", "__aenter__", "__aexit__", "gen", "kwds", "_exceptions", "enter_result", "thing",
                                "cr_running", "ag_running", "__dict__",
                                "msg", "doc", "pos", "lineno", "colno"})  // a JSONDecodeError's (json_module.cpp)
        if (name == special) return true;
    return false;
}

std::span<const runtime::module_attribute> runtime::module_attributes()
{
    static const auto python_function = [](value f) {
        f.as<builtin_object>().python_function = true;  // written in Python in CPython's module
        return f;
    };
    static const module_attribute table[] = {
        // asyncio's classes written in C++ here (its library's are asyncio/library/*.py), by the names
        // CPython's type() gives them
        {"asyncio", "Task", [](runtime&) { return type_name_value("_asyncio.Task"); }},
        {"asyncio", "Future", [](runtime& rt) { return rt.make_builtin(a_future, "_asyncio.Future"); }},
        {"asyncio", "AbstractEventLoop", [](runtime&) { return type_name_value("asyncio.events.AbstractEventLoop"); }},
        {"asyncio", "Handle", [](runtime&) { return type_name_value("asyncio.events.Handle"); }},
        {"asyncio", "TimerHandle", [](runtime&) { return type_name_value("asyncio.events.TimerHandle"); }},
        {"asyncio", "CancelledError", [](runtime&) { return value::of(value_kind::exception_type, builtin_exception_type("CancelledError")); }},
        {"asyncio", "InvalidStateError", [](runtime&) { return value::of(value_kind::exception_type, builtin_exception_type("InvalidStateError")); }},
        {"asyncio", "TimeoutError", [](runtime&) { return value::of(value_kind::exception_type, builtin_exception_type("TimeoutError")); }},
        {"dataclasses", "Field", [](runtime& rt) { return rt.dataclasses_member("Field"); }},
        {"dataclasses", "MISSING", [](runtime& rt) { return rt.dataclasses_member("MISSING"); }},
        {"dataclasses", "FrozenInstanceError", [](runtime&) { return value::of(value_kind::exception_type, frozen_instance_error_type()); }},
        {"enum", "Enum", [](runtime&) { return value::of(value_kind::class_type, enum_base_class()); }},
        {"enum", "auto", [](runtime&) { return value::of(value_kind::class_type, enum_auto_class()); }},
        {"sys", "stdout", [](runtime& rt) { return rt.std_stream(false); }},
        {"sys", "stderr", [](runtime& rt) { return rt.std_stream(true); }},
        {"sys", "exit", [](runtime& rt) { return rt.make_builtin(sys_exit, "exit"); }},
        {"collections", "deque", [](runtime&) { return deque_type_value(); }},
        {"collections", "defaultdict", [](runtime& rt) { return rt.make_builtin(c_defaultdict, "collections.defaultdict"); }},
        {"collections", "Counter", [](runtime& rt) { return rt.make_builtin(c_counter, "collections.Counter"); }},
        {"collections", "OrderedDict", [](runtime& rt) { return rt.make_builtin(c_ordered_dict, "collections.OrderedDict"); }},
        {"collections", "namedtuple", [](runtime& rt) { return python_function(rt.make_builtin(c_namedtuple, "namedtuple")); }},
        {"typing", "NamedTuple", [](runtime& rt) { return python_function(rt.make_builtin(nt_typing, "NamedTuple")); }},
        {"json", "dumps", [](runtime& rt) { return python_function(rt.make_builtin(js_dumps, "dumps")); }},
        {"json", "loads", [](runtime& rt) { return python_function(rt.make_builtin(js_loads, "loads")); }},
        {"json", "JSONDecodeError", [](runtime&) { return value::of(value_kind::exception_type, json_decode_error_type()); }},
        // string's constants (its functions and classes are refused up front)
        {"string", "ascii_lowercase", [](runtime&) { return value::string("abcdefghijklmnopqrstuvwxyz"); }},
        {"string", "ascii_uppercase", [](runtime&) { return value::string("ABCDEFGHIJKLMNOPQRSTUVWXYZ"); }},
        {"string", "ascii_letters", [](runtime&) { return value::string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"); }},
        {"string", "digits", [](runtime&) { return value::string("0123456789"); }},
        {"string", "hexdigits", [](runtime&) { return value::string("0123456789abcdefABCDEF"); }},
        {"string", "octdigits", [](runtime&) { return value::string("01234567"); }},
        {"string", "punctuation", [](runtime&) { return value::string("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"); }},
        {"string", "whitespace", [](runtime&) { return value::string(" \t\n\r\x0b\x0c"); }},
        {"string", "printable", [](runtime&) {
             return value::string("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c");
         }},
        {"bisect", "bisect", [](runtime& rt) { return rt.make_builtin(bi_function, "bisect_right"); }},
        {"bisect", "bisect_left", [](runtime& rt) { return rt.make_builtin(bi_function, "bisect_left"); }},
        {"bisect", "bisect_right", [](runtime& rt) { return rt.make_builtin(bi_function, "bisect_right"); }},
        {"bisect", "insort", [](runtime& rt) { return rt.make_builtin(bi_function, "insort_right"); }},
        {"bisect", "insort_left", [](runtime& rt) { return rt.make_builtin(bi_function, "insort_left"); }},
        {"bisect", "insort_right", [](runtime& rt) { return rt.make_builtin(bi_function, "insort_right"); }},
        {"heapq", "heappush", [](runtime& rt) { return rt.make_builtin(h_function, "heappush"); }},
        {"heapq", "heappop", [](runtime& rt) { return rt.make_builtin(h_function, "heappop"); }},
        {"heapq", "heapify", [](runtime& rt) { return rt.make_builtin(h_function, "heapify"); }},
        {"heapq", "heapreplace", [](runtime& rt) { return rt.make_builtin(h_function, "heapreplace"); }},
        {"heapq", "heappushpop", [](runtime& rt) { return rt.make_builtin(h_function, "heappushpop"); }},
    };
    return table;
}

bool module_attribute_listed(std::string_view module, std::string_view name)
{
    for (const auto& a : runtime::module_attributes())
        if (a.module == module && a.name == name) return true;
    return false;
}

bool module_attribute_named(std::string_view name)
{
    for (const auto& a : runtime::module_attributes())
        if (a.name == name) return true;
    return false;
}

value runtime::import_module(const std::string& name)
{
    auto m = make_ref<module_object>();
    m->name = name;
    return value::of(value_kind::module, m);
}

value runtime::load_attribute(const value& obj, const std::string& name)
{
    // obj.__class__ is type(obj): every object has it, but what the object's own kind finds comes first
    // (a class attribute named __class__ shadows it on instances, as in CPython), so it is asked last.
    auto type_of_obj = [&] {
        std::vector<value> args{obj};
        std::vector<std::pair<std::string, value>> kwargs;
        return call_builtin(make_builtin(b_type, "type").as<builtin_object>(), args, kwargs);
    };
    const std::vector<member>* members = nullptr;
    switch (obj.kind) {
    case value_kind::module: {
        const auto& m = obj.as<module_object>().name;
        // (cpython_names.inc lists a module's own names: its type's __dict__ is not among them)
        if (name == "__dict__") raise_unsupported("'" + m + ".__dict__'");
        for (const auto& a : module_attributes())
            if (a.module == m && a.name == name) return a.make(*this);
        if (m == "asyncio") {
            if (value c = library_class(name); c.obj) return c;
            if (const member* f = find_member(asyncio_members, name)) return make_builtin(f->id, name);
            if (cpython_type_has("module", name)) raise_unsupported("asyncio." + name);
        } else if (m == "typing") {
            value v = typing_member(name);
            if (!v.is_unbound()) return v;
            if (cpython_type_has("module typing", name)) raise_unsupported("typing." + name);
        } else if (m == "dataclasses") {
            if (const member* f = find_member(dataclasses_members, name)) {
                value made = make_builtin(f->id, name);
                made.as<builtin_object>().python_function = f->id == dc_function;  // written in Python in dataclasses.py
                return made;
            }
            if (cpython_type_has("module dataclasses", name)) raise_unsupported("dataclasses." + name);
        } else if (m == "math") {
            if (const member* f = find_member(math_members, name)) return make_builtin(f->id, name);
            if (value c; math_constant(name, c)) return c;
            if (cpython_type_has("module math", name)) raise_unsupported("math." + name);
        } else if (library_has_module(m)) {
            // A module of the library written in Python (logging): its public names, from its namespace
            if (auto v = library_module_attribute(m, name)) return *v;
            if (cpython_type_has("module " + m, name)) raise_unsupported(m + "." + name);
        } else if (m == "enum" || m == "sys" || m == "collections" || m == "json" || m == "heapq" || m == "bisect" || m == "string") {
            // Everything these have is in module_attributes(): any other name of CPython's is refused
            if (cpython_type_has("module " + m, name)) raise_unsupported(m + "." + name);
        } else if (m == "functools") {
            if (name == "partial") return make_builtin(ft_partial, "functools.partial");
            if (name == "reduce") return make_builtin(ft_reduce, "reduce");
            if (name == "wraps" || name == "update_wrapper" || name == "lru_cache" || name == "cache") {
                value f = make_builtin(name == "wraps" ? ft_wraps : name == "update_wrapper" ? ft_update_wrapper : name == "cache" ? ft_cache : ft_lru_cache, name);
                f.as<builtin_object>().python_function = true;
                return f;
            }
            if (name == "WRAPPER_ASSIGNMENTS" || name == "WRAPPER_UPDATES") return functools_constant(name);
            if (cpython_type_has("module functools", name)) raise_unsupported("functools." + name);
        } else if (m == "contextlib") {
            if (name == "contextmanager" || name == "asynccontextmanager") {
                value f = make_builtin(name == "contextmanager" ? cl_contextmanager : cl_asynccontextmanager, name);
                f.as<builtin_object>().python_function = true;
                return f;
            }
            if (contextlib_has(name)) return make_builtin(cl_type, "contextlib." + name);
            if (cpython_type_has("module contextlib", name)) raise_unsupported("contextlib." + name);
        } else if (m == "itertools") {
            if (itertools_has(name)) return make_builtin(it_function, "itertools." + name);
            if (cpython_type_has("module itertools", name)) raise_unsupported("itertools." + name);
        } else if (m == "random") {
            if (const member* f = find_member(random_members, name)) return make_builtin(f->id, name);
            if (cpython_type_has("module random", name)) raise_unsupported("random." + name);
        } else if (m == "time") {
            if (const member* f = find_member(time_members, name)) return make_builtin(f->id, name);
            if (cpython_type_has("module time", name)) raise_unsupported("time." + name);
        }
        if (name == "__class__") return type_of_obj();
        raise_attribute_error(obj, name, "module '" + m + "' has no attribute '" + name + "'");
    }
    case value_kind::loop: members = &loop_members; break;
    case value_kind::future: members = &future_members; break;
    case value_kind::handle: members = &handle_members; break;
    case value_kind::list: members = &list_members; break;
    case value_kind::tuple:
        if (named_tuple_of(obj)) {
            // Its class's attributes (fields, methods) first, then tuple's
            bool found = false;
            value v = named_tuple_attribute(obj, name, found);
            if (found) return v;
        }
        members = &tuple_members;
        break;
    case value_kind::dict:
        if (name == "default_factory" && obj.as<dict_object>().default_factory) return *obj.as<dict_object>().default_factory;
        if (obj.as<dict_object>().is_counter) {
            if (const member* m = find_member(counter_members, name)) return make_builtin(m->id, name, obj);
        }
        if (obj.as<dict_object>().is_ordered) {
            if (const member* m = find_member(ordered_dict_members, name)) return make_builtin(m->id, name, obj);
        }
        members = &dict_members;
        break;
    case value_kind::set: members = &set_members; break;
    case value_kind::frozenset: members = &frozenset_members; break;
    case value_kind::deque:
        if (name == "maxlen") return obj.as<deque_object>().maxlen < 0 ? value::none() : value::integer(obj.as<deque_object>().maxlen);
        members = &deque_members;
        break;
    case value_kind::string: members = &str_members; break;
    case value_kind::async_generator:
        if (name == "ag_running") return value::boolean(obj.as<async_generator_object>().running);
        members = &async_generator_members;
        break;
    case value_kind::generator: members = &generator_members; break;
    case value_kind::coroutine: {
        const auto& c = obj.as<coroutine_object>();
        // The awaitables of an asynchronous generator's methods and anext() are not coroutines: their
        // send/throw/close are another protocol's
        using native = coroutine_object::native_kind;
        if (c.native == native::anext || c.native == native::anext_default || c.native == native::athrow || c.native == native::aclose) {
            if (name == "__class__") break;
            raise_unsupported("'" + type_name(obj) + "." + name + "'");
        }
        if (name == "cr_running") return value::boolean(coroutine_running(c));
        members = &coroutine_members;
        break;
    }
    case value_kind::text_stream:
        // sys.stdout.name: '<stdout>' (logging's StreamHandler shows it in its repr)
        if (name == "name") return value::string(obj.as<text_stream_object>().is_stderr ? "<stderr>" : "<stdout>");
        members = &text_stream_members;
        break;
    case value_kind::slice: {
        const auto& s = obj.as<slice_object>();
        if (name == "start") return s.start;
        if (name == "stop") return s.stop;
        if (name == "step") return s.step;
        if (name == "indices") return make_builtin(sl_indices, name, obj);
        break;
    }
    case value_kind::partial: {
        const auto& p = obj.as<partial_object>();
        if (name == "func") return p.function;
        if (name == "args") return value::tuple(p.args);
        if (name == "keywords") {
            value d = make_dict();
            for (const auto& [key, v] : p.keywords) store_subscript(d, value::string(key), v);
            return d;
        }
        break;
    }
    case value_kind::lru_cache: {
        const auto& c = obj.as<lru_cache_object>();
        if (const value* v = c.attributes.find(name)) return *v;
        if (name == "cache_clear") return make_builtin(ft_cache_clear, name, obj);
        if (name == "cache_info") return make_builtin(ft_cache_info, name, obj);
        break;
    }
    case value_kind::context_manager: {
        bool found = false;
        value v = context_manager_attribute(obj, name, found);
        if (found) return v;
        break;
    }
    case value_kind::exception: {
        const auto& e = obj.as<exception_object>();
        if (name == "args") return value::tuple(e.args);
        if (name == "__cause__") return e.cause();
        if (name == "__context__") return e.context.is(value_kind::exception) ? e.context : value::none();
        if (name == "__suppress_context__") return value::boolean(e.suppress_context());
        if (e.is_group()) {
            if (name == "message") return e.rare->group_message;
            if (name == "exceptions") return e.rare->group_exceptions;
        }
        if (name == "__module__") return value::string(module_of(*e.type));
        if (const value* v = e.attributes.find(name)) return *v;
        // StopIteration.value: its first argument, kept from when it was made (a generator's return value)
        if (name == "value" && is_instance_of(obj, "StopIteration")) return e.args.empty() ? value::none() : e.args[0];
        if (name == "__doc__" && e.type->in_main) return e.type->methods ? e.type->methods->doc : value::none();
        if (const value* v = exception_method(*e.type, name)) {
            if (!v->is(value_kind::function)) return *v;
            auto m = make_ref<method_object>();
            m->self = obj;
            m->function = *v;
            return value::of(value_kind::method, m);
        }
        if (e.is_group())
            if (const member* f = find_member(exception_group_members, name)) return make_builtin(f->id, name, obj);
        break;
    }
    case value_kind::function: {
        const auto& fn = obj.as<function_object>();
        if (name == "__name__") return value::string(fn.name());
        if (name == "__qualname__") return value::string(fn.qualname());
        if (name == "__doc__") return fn.ns ? fn.ns->doc : fn.code->doc;
        if (name == "__module__") return fn.ns ? fn.ns->module : value::string(fn.code->library ? fn.code->library->name : "__main__");
        if (fn.ns)
            if (const value* v = fn.ns->attributes.find(name)) return *v;
        break;
    }
    case value_kind::exception_type:
        if (name == "__name__") return value::string(obj.as<exception_type_object>().name);
        if (name == "__module__") return value::string(module_of(obj.as<exception_type_object>()));
        if (name == "__doc__" && obj.as<exception_type_object>().in_main) {
            const auto& t = obj.as<exception_type_object>();
            return t.methods ? t.methods->doc : value::none();
        }
        if (const value* v = exception_method(obj.as<exception_type_object>(), name)) return *v;
        break;
    case value_kind::builtin:
        if (name == "from_iterable" && obj.as<builtin_object>().id == it_function && obj.as<builtin_object>().name == "itertools.chain")
            return make_builtin(it_function, "itertools.chain.from_iterable");
        if (obj.as<builtin_object>().id == cl_helper || obj.as<builtin_object>().id == cl_async_helper) {
            // @wraps(func): the helper @contextmanager returns has the generator function's names, its
            // own where func lacks one, and func's attributes (its __dict__, copied)
            const value& func = obj.as<builtin_object>().self;
            if (name == "__wrapped__") return func;
            const bool names = name == "__name__" || name == "__qualname__" || name == "__doc__" || name == "__module__";
            if (names || (func.is(value_kind::function) && func.as<function_object>().ns && func.as<function_object>().ns->attributes.find(name))) {
                // What is not callable the engine knows no names of, but None (whose __doc__ is None)
                const bool knows = func.is(value_kind::function) || func.is(value_kind::builtin) || func.is(value_kind::method) ||
                                   func.is(value_kind::class_type) || func.is(value_kind::lru_cache) || func.is(value_kind::partial);
                if (!knows && !func.is(value_kind::none) && name == "__doc__") raise_unsupported("the '__doc__' of " + type_name(func) + " objects");
                if (knows) {
                    try {
                        return load_attribute(func, name);
                    } catch (const python_error&) {
                        if (!names) throw;
                    }
                }
                const bool is_async = obj.as<builtin_object>().id == cl_async_helper;
                if (name == "__name__") return value::string("helper");
                if (name == "__qualname__") return value::string(is_async ? "asynccontextmanager.<locals>.helper" : "contextmanager.<locals>.helper");
                if (name == "__module__") return value::string("contextlib");
                return value::none();
            }
        }
        if (obj.as<builtin_object>().id == method_descriptor) {
            if (name == "__qualname__") return value::string(obj.as<builtin_object>().self.as<builtin_object>().name + "." + obj.as<builtin_object>().name);
            if (name == "__objclass__") return obj.as<builtin_object>().self;
        }
        if (name == "__name__") {
            const auto& full = obj.as<builtin_object>().name;  // "collections.deque" is named "deque"
            return value::string(is_type_builtin(obj.as<builtin_object>()) ? full.substr(full.rfind('.') + 1) : full);
        }
        break;
    case value_kind::descriptor: {
        const auto& d = obj.as<descriptor_object>();
        if (d.what == descriptor_object::kind::property) {
            members = &property_members;
            if (name == "fget") return d.function;
            if (name == "fset") return d.setter;
            if (name == "fdel") return d.deleter;
        } else if (name == "__func__" || name == "__wrapped__") {
            return d.function;
        }
        if (name == "__class__") return type_of_obj();
        if (!find_member(property_members, name) || d.what != descriptor_object::kind::property)
            raise_unsupported("'" + type_name(obj) + "." + name + "'");  // the engine has no table of these types' names
        break;
    }
    case value_kind::instance:
    case value_kind::class_type:
    case value_kind::method:
    case value_kind::super_proxy: {
        // A class's __class__ is its metatype's data descriptor, and super() never looks __class__ up
        // along the MRO: neither lets the class's own namespace answer.
        if (name == "__class__" && (obj.is(value_kind::class_type) || obj.is(value_kind::super_proxy))) return type_of_obj();
        // object's __dict__ descriptor, before the class's namespace (a class body may not set __dict__);
        // a class's mappingproxy, an enum member's or a library instance's __dict__ are not modelled
        if (name == "__dict__" && !(obj.is(value_kind::instance) && obj.as<instance_object>().cls->is_object)) {
            if (has_instance_dict(obj)) return instance_dict(obj);
            raise_unsupported("'" + type_name(obj) + ".__dict__'");
        }
        bool found = false;
        value v = class_attribute(obj, name, found);
        if (found) return v;
        if (name == "__class__") return type_of_obj();
        // A bound method asks its function for what it lacks itself (CPython's method_getattro), so the
        // error names the function's type.
        const std::string owner = obj.is(value_kind::class_type) ? "type object '" + obj.as<class_object>().name + "'"
                                  : obj.is(value_kind::method)   ? "'" + type_name(obj.as<method_object>().function) + "' object"
                                                                 : "'" + type_name(obj) + "' object";
        // What every object has in CPython (__dict__, __eq__ ...) is not modelled
        const bool enum_name = (obj.is(value_kind::class_type) && obj.as<class_object>().is_subclass_of(*enum_base_class()) && cpython_type_has("EnumType", name)) ||
                               (obj.is(value_kind::instance) && obj.as<instance_object>().cls->enumeration && cpython_type_has("Enum member", name));
        // What CPython's asyncio classes have that the library here does not (Lock._loop is, Condition's
        // private parts ...): refused, for instances and subclasses of them alike
        bool library_name = false;
        const class_object* cls = obj.is(value_kind::instance) ? obj.as<instance_object>().cls.get() : obj.is(value_kind::class_type) ? &obj.as<class_object>() : nullptr;
        if (cls)
            for (const class_object* c : cls->mro)
                if (c->module.rfind("asyncio.", 0) == 0 && cpython_type_has("asyncio." + c->name, name)) library_name = true;
        if (library_name || enum_name || cpython_type_has("object", name) || (obj.is(value_kind::class_type) && cpython_type_has("type", name)) ||
            (obj.is(value_kind::method) && (cpython_type_has("method", name) || cpython_type_has(type_name(obj.as<method_object>().function), name))))
            raise_unsupported("'" + type_name(obj) + "." + name + "'");
        raise_attribute_error(obj.is(value_kind::method) ? obj.as<method_object>().function : obj, name, owner + " has no attribute '" + name + "'");
    }
    case value_kind::typing_form: raise_unsupported("the attribute '" + name + "' of " + repr(obj));
    case value_kind::type_name:
        if (name == "__name__") {
            const auto& full = obj.as<type_name_object>().name;
            return value::string(full.substr(full.rfind('.') + 1));
        }
        break;
    default: break;
    }
    if (members) {
        if (const member* m = find_member(*members, name)) {
            // Task's own methods, which a Future lacks; TimerHandle's when()
            if ((obj.is(value_kind::future) && !obj.as<future_object>().is_task() &&
                 (m->id == f_get_name || m->id == f_set_name || m->id == f_get_coro || name == "cancelling" || name == "uncancel")) ||
                (obj.is(value_kind::handle) && !obj.as<handle>().is_timer && name == "when")) {
                raise_attribute_error(obj, name, "'" + full_type_name(obj) + "' object has no attribute '" + name + "'");
            }
            return make_builtin(m->id, name, obj);
        }
    }
    if (name == "__class__") return type_of_obj();
    // Counter.fromkeys, a classmethod (that raises)
    if (obj.is(value_kind::builtin) && obj.as<builtin_object>().id == c_counter && !obj.as<builtin_object>().self.obj && name == "fromkeys")
        return make_builtin(counter_method, name, obj);
    // OrderedDict.fromkeys, a classmethod
    if (obj.is(value_kind::builtin) && obj.as<builtin_object>().id == c_ordered_dict && !obj.as<builtin_object>().self.obj && name == "fromkeys")
        return make_builtin(ordered_dict_method, name, obj);
    if (obj.is(value_kind::builtin) && is_type_builtin(obj.as<builtin_object>())) {
        // A method of a builtin type, taken from the type (a method_descriptor: `key=str.lower`)
        if (const auto* methods = builtin_type_methods(obj.as<builtin_object>().id))
            if (find_member(*methods, name)) {
                value d = make_builtin(method_descriptor, name, obj);
                d.as<builtin_object>().is_method_descriptor = true;
                return d;
            }
        // A class (int.__name__): its instances' attributes and a type's own.
        const std::string& cls = obj.as<builtin_object>().name;
        if (cpython_type_has(cls, name) || cpython_type_has("type", name) || !cpython_type_has(cls, "__class__"))
            raise_unsupported("'" + cls + "." + name + "'");
        raise_attribute_error(obj, name, "type object '" + cls + "' has no attribute '" + name + "'");
    }
    if (!obj.is(value_kind::module) && cpython_has_attribute(obj, name)) raise_unsupported("'" + type_name(obj) + "." + name + "'");
    raise_attribute_error(obj, name, "'" + full_type_name(obj) + "' object has no attribute '" + name + "'");
}

// base_events' _check_closed and _check_running, as run_forever and run_until_complete call them (line:
// the first of the two calls in the method)
static void check_loop_can_run(const loop_object& loop, bool another_running, const char* method, std::int32_t line)
{
    if (loop.closed)
        raise_from_library("RuntimeError", "Event loop is closed",
                           {library_frame("_check_closed", 519, base_events_py, "raise RuntimeError('Event loop is closed')"),
                            library_frame(method, line, base_events_py, "self._check_closed()")});
    const auto running = library_frame(method, line + 1, base_events_py, "self._check_running()");
    if (loop.running)
        raise_from_library("RuntimeError", "This event loop is already running",
                           {library_frame("_check_running", 588, base_events_py, "raise RuntimeError('This event loop is already running')"), running});
    if (another_running)
        raise_from_library("RuntimeError", "Cannot run the event loop while another loop is running",
                           {library_frame("_check_running", 590, base_events_py, "raise RuntimeError("), running});
}

// Names that asyncio's library (server/engine/asyncio/library) alone sees, beside the builtins: the engine's
// state that CPython's library reads from its own module globals
value runtime::library_private(const std::string& name)
{
    if (name == "_tasks_to_cancel") return make_builtin(lib_tasks_to_cancel, name);
    if (name == "_primitive") return make_builtin(lib_primitive, name);
    if (name == "_cancel") return make_builtin(lib_cancel, name);
    if (name == "_context_call") return make_builtin(lib_to_thread, name);
    // logging's (asyncio/logging_support.cpp)
    for (const char* helper : {"_calendar_text", "_logging_caller", "_handled_exception", "_exception_text", "_thread_name", "_unsupported"})
        if (name == helper) return make_builtin(lib_logging, name);
    return value{};
}

value runtime::call_builtin(const builtin_object& b, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    auto take_kw = [&kwargs](const char* name) { return take_keyword(kwargs, name); };
    auto no_kwargs = [&] {
        if (kwargs.empty()) return;
        // A keyword CPython's function takes and the engine does not model is unsupported, not wrong.
        static const std::vector<std::pair<std::string_view, std::string_view>> cpython_keywords = {
            {"enumerate", "iterable"}};
        const std::string& key = kwargs.front().first;
        for (const auto& [function, keyword] : cpython_keywords)
            if (b.name == function && key == keyword) raise_unsupported(b.name + "(" + key + "=...)");
        // The wording depends on how the C function parses its arguments.
        if (b.self.is(value_kind::list) || b.self.is(value_kind::tuple) || b.self.is(value_kind::dict) || is_set_kind(b.self)) {
            if (b.id == s_sort) raise_error("TypeError", "'" + key + "' is an invalid keyword argument for sort()");
            raise_error("TypeError", (b.self.is(value_kind::dict) ? std::string("dict") : type_name(b.self)) + "." + b.name + "() takes no keyword arguments");
        }
        if (b.id >= b_hex && b.id <= b_next && b.id != b_dict && b.id != b_pow) raise_error("TypeError", b.name + "() takes no keyword arguments");
        if (b.id >= b_print && b.id <= b_ascii) {
            // Positional arguments are counted before keywords are looked at.
            if (args.empty()) {
                if (b.id == b_min || b.id == b_max) raise_error("TypeError", b.name + " expected at least 1 argument, got 0");
                if (b.id == b_sorted) raise_error("TypeError", "sorted expected 1 argument, got 0");
                if (b.id == b_sum) raise_error("TypeError", "sum() takes at least 1 positional argument (0 given)");
                if (b.id == b_type) raise_error("TypeError", "type() takes 1 or 3 arguments");
            }
            if (b.id == b_sum && args.size() + kwargs.size() > 2)
                raise_error("TypeError", "sum() takes at most 2 arguments (" + std::to_string(args.size() + kwargs.size()) + " given)");
            switch (b.id) {
            case b_print: case b_min: case b_max: case b_sum: case b_round: case b_enumerate: case b_zip: case b_sorted: case b_str: case b_int:
                raise_error("TypeError", "'" + key + "' is an invalid keyword argument for " + (b.id == b_sorted ? std::string("sort") : b.name) + "()");
            default: raise_error("TypeError", b.name + "() takes no keyword arguments");
            }
        }
        raise_error("TypeError", b.name + "() got an unexpected keyword argument '" + key + "'");
    };
    const frame* program = program_frame(running_);
    std::int32_t line = program ? program->line : 0;
    auto running_loop_or_fail = [&]() -> ref<loop_object> {
        if (!running_loop_ || !(current_task_ || in_callback_)) raise_error("RuntimeError", "no running event loop");
        return running_loop_;
    };
    auto as_future = [&]() -> ref<future_object> { return static_ref_cast<future_object>(b.self.obj); };

    switch (b.id) {
    case method_descriptor: {
        // method_descriptor's call: the first argument is the instance, the rest the method's
        const auto& type = b.self.as<builtin_object>();
        if (args.empty()) raise_error("TypeError", "unbound method " + type.name + "." + b.name + "() needs an argument");
        if (!is_instance_of_builtin_type(args[0], type.id)) {
            if (args[0].is(value_kind::instance)) raise_unsupported("the method " + type.name + "." + b.name + " of a subclass's instance");
            raise_error("TypeError", "descriptor '" + b.name + "' for '" + type.name + "' objects doesn't apply to a '" + full_type_name(args[0]) + "' object");
        }
        // The type's own method, not a subclass's (dict.update of a Counter is dict's)
        const member* m = find_member(*builtin_type_methods(type.id), b.name);
        value bound = make_builtin(m->id, b.name, args[0]);
        std::vector<value> rest(std::make_move_iterator(args.begin() + 1), std::make_move_iterator(args.end()));
        return call_builtin(bound.as<builtin_object>(), rest, kwargs);
    }
    case b_print: {
        auto sep = take_kw("sep");
        auto end = take_kw("end");
        take_kw("flush");
        // file=None is stdout; sys.stdout or sys.stderr; a program's own object with a write() is not modelled
        bool to_stderr = false;
        if (auto file = take_kw("file"); file && !file->is(value_kind::none)) {
            if (file->is(value_kind::text_stream)) to_stderr = file->as<text_stream_object>().is_stderr;
            else if (file->is(value_kind::instance)) raise_unsupported("print(file=...) to a program's own object");
            else raise_error("AttributeError", "'" + type_name(*file) + "' object has no attribute 'write'");
        }
        if (!kwargs.empty()) raise_error("TypeError", "'" + kwargs.front().first + "' is an invalid keyword argument for print()");
        std::string s = sep && !sep->is(value_kind::none) ? str(*sep) : " ";
        std::string e = end && !end->is(value_kind::none) ? str(*end) : "\n";
        if (sep && !sep->is(value_kind::none) && !sep->is(value_kind::string))
            raise_error("TypeError", "sep must be None or a string, not " + type_name(*sep));
        if (end && !end->is(value_kind::none) && !end->is(value_kind::string))
            raise_error("TypeError", "end must be None or a string, not " + type_name(*end));
        // At the recursion limit: CPython's print writes through sys.stdout's write(), which calls
        // into its buffer, two C levels of recursion above the caller's frame (a learner's recursive
        // function that prints stops there, two calls before one that does not print)
        // print's own call is one of them, for the str() of what it prints too
        c_level_scope level(*this, " while calling a Python object");
        if (const exec_context* caller = sync_context_ ? sync_context_ : running_; caller && call_depth(*caller) + 1 > config_.max_call_depth)
            raise_error("RecursionError", "maximum recursion depth exceeded while calling a Python object");
        // A print inside an object's __str__ comes after what this print has built so far, and an
        // error there leaves that much written: CPython writes each piece as it goes.
        if (print_under_way_ && !print_under_way_->empty()) {
            write_text(*print_under_way_, print_under_way_to_stderr_, line);
            print_under_way_->clear();
        }
        std::string text;
        struct pending_scope {
            std::string*& slot;
            std::string* saved;
            bool& slot_to_stderr;
            bool saved_to_stderr;
            ~pending_scope()
            {
                slot = saved;
                slot_to_stderr = saved_to_stderr;
            }
        } pending{print_under_way_, print_under_way_, print_under_way_to_stderr_, print_under_way_to_stderr_};
        print_under_way_ = &text;
        print_under_way_to_stderr_ = to_stderr;
        for (std::size_t k = 0; k < args.size(); ++k) {
            if (k) text += s;
            try {
                text += str(args[k]);
            } catch (const python_error&) {
                if (!text.empty()) write_text(text, to_stderr, line);
                throw;
            }
            check_length(text.size());
        }
        text += e;
        charge_work(text.size() / 8);
        write_text(text, to_stderr, line);
        return value::none();
    }
    case b_range: {
        no_kwargs();
        if (args.empty()) raise_error("TypeError", "range expected at least 1 argument, got 0");
        if (args.size() > 3) raise_error("TypeError", "range expected at most 3 arguments, got " + std::to_string(args.size()));
        auto r = make_ref<range_object>();
        if (args.size() == 1) r->stop = int_arg(args[0]);
        else {
            r->start = int_arg(args[0]);
            r->stop = int_arg(args[1]);
            if (args.size() == 3) r->step = int_arg(args[2]);
        }
        if (r->step == 0) raise_error("ValueError", "range() arg 3 must not be zero");
        return value::of(value_kind::range, r);
    }
    case b_len: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        const value& v = args[0];
        if (v.is(value_kind::string)) {
            const auto& str = v.as<string_object>();
            if (str.code_points < 0) str.code_points = static_cast<std::int64_t>(code_point_count(str.s));
            return value::integer(str.code_points);
        }
        if (v.is(value_kind::list) || v.is(value_kind::tuple)) return value::integer(static_cast<std::int64_t>(v.as<sequence_object>().items.size()));
        if (v.is(value_kind::range)) return value::integer(v.as<range_object>().length());
        if (v.is(value_kind::dict)) return value::integer(static_cast<std::int64_t>(v.as<dict_object>().used));
        if (is_set_kind(v)) return value::integer(static_cast<std::int64_t>(v.as<set_object>().used));
        if (v.is(value_kind::deque)) return value::integer(static_cast<std::int64_t>(v.as<deque_object>().items.size()));
        if (v.is(value_kind::dict_view)) return value::integer(static_cast<std::int64_t>(v.as<dict_view_object>().dict.as<dict_object>().used));
        if (v.is(value_kind::instance)) return value::integer(length_of_instance(v));
        if (v.is(value_kind::class_type) && v.as<class_object>().enumeration)
            return value::integer(static_cast<std::int64_t>(v.as<class_object>().enumeration->members.size()));
        raise_error("TypeError", "object of type '" + type_name(v) + "' has no len()");
    }
    case b_str: {
        // str(object='', encoding='utf-8', errors='strict'): the keywords are the engine's to model yet.
        for (const auto& kw : kwargs) {
            if (kw.first == "object" || kw.first == "encoding" || kw.first == "errors") raise_unsupported("str(" + kw.first + "=...)");
            raise_error("TypeError", "'" + kw.first + "' is an invalid keyword argument for str()");
        }
        if (args.size() > 3) raise_error("TypeError", "str() takes at most 3 arguments (" + std::to_string(args.size()) + " given)");
        if (args.empty()) return value::string("");
        if (args.size() >= 2) {
            auto named = [](const value& v) { return v.is(value_kind::none) ? std::string("None") : type_name(v); };
            if (!args[1].is(value_kind::string)) raise_error("TypeError", "str() argument 'encoding' must be str, not " + named(args[1]));
            if (args.size() == 3 && !args[2].is(value_kind::string))
                raise_error("TypeError", "str() argument 'errors' must be str, not " + named(args[2]));
            if (args[0].is(value_kind::string)) raise_error("TypeError", "decoding str is not supported");
            raise_error("TypeError", "decoding to str: need a bytes-like object, " + type_name(args[0]) + " found");
        }
        c_level_scope level(*this, " while calling a Python object");  // the call of str, a C type
        std::string s = str(args[0]);
        charge_work(s.size() / 8);
        return value::string(std::move(s));
    }
    case b_format: {
        no_kwargs();
        expect_args(b, args, 1, 2);
        if (args.size() == 2 && !args[1].is(value_kind::string))
            raise_error("TypeError", "format() argument 2 must be str, not " + (args[1].is(value_kind::none) ? std::string("None") : type_name(args[1])));
        c_level_scope level(*this, " while calling a Python object");  // the builtin's call, below the value's str()
        std::string s = format_value(args[0], args.size() == 2 ? args[1].as<string_object>().s : std::string());
        charge_work(s.size() / 8);
        return value::string(std::move(s));
    }
    case b_ascii: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        c_level_scope level(*this, " while calling a Python object");
        std::string s = ascii_of(args[0]);
        charge_work(s.size() / 8);
        return value::string(std::move(s));
    }
    case b_repr: {
        no_kwargs();
        expect_args(b, args, b.id == b_str ? 0 : 1, 1);
        c_level_scope level(*this, " while calling a Python object");
        std::string s = args.empty() ? "" : b.id == b_str ? str(args[0]) : repr(args[0]);
        charge_work(s.size() / 8);
        return value::string(std::move(s));
    }
    case b_int: {
        if (auto base_kw = take_kw("base")) {
            if (args.size() > 1) raise_error("TypeError", "argument for int() given by name ('base') and position (2)");
            args.push_back(std::move(*base_kw));
        }
        no_kwargs();
        expect_args(b, args, 0, 2);
        if (args.empty()) return value::integer(0);
        const value& v = args[0];
        if (args.size() == 2) {
            if (!is_int(args[1])) raise_error("TypeError", "'" + type_name(args[1]) + "' object cannot be interpreted as an integer");
            const auto base = small_int(args[1]);
            if (!base || (*base != 0 && (*base < 2 || *base > 36))) raise_error("ValueError", "int() base must be >= 2 and <= 36, or 0");
            if (!v.is(value_kind::string)) raise_error("TypeError", "int() can't convert non-string with explicit base");
            return parse_int_text(v, static_cast<int>(*base));
        }
        if (is_int(v)) return v.is(value_kind::boolean) ? value::integer(v.b ? 1 : 0) : v;
        if (v.is(value_kind::floating)) {
            if (std::isnan(v.f)) raise_error("ValueError", "cannot convert float NaN to integer");
            if (std::isinf(v.f)) raise_error("OverflowError", "cannot convert float infinity to integer");
            return int_from_float(v.f);
        }
        if (v.is(value_kind::string)) return parse_int_text(v, 10);
        raise_error("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '" + type_name(v) + "'");
    }
    case b_float: {
        no_kwargs();
        expect_args(b, args, 0, 1);
        if (args.empty()) return value::floating(0.0);
        const value& v = args[0];
        if (v.is(value_kind::string)) {
            const std::string& text = v.as<string_object>().s;
            charge_work(text.size() / 8);
            // Unicode digits and spaces are float()'s too; the engine has no tables for them.
            if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                raise_unsupported("float() of text beyond ASCII");
            const std::string s = strip_chars(text, " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", true, true);
            const std::optional<std::string> plain = python_float_text(s);
            if (!plain) raise_error("ValueError", "could not convert string to float: " + repr(v));
            return value::floating(std::strtod(plain->c_str(), nullptr));
        }
        if (!v.is(value_kind::integer) && !v.is(value_kind::boolean) && !v.is(value_kind::floating))
            raise_error("TypeError", "float() argument must be a string or a real number, not '" + type_name(v) + "'");
        return value::floating(number_arg(v, "float"));
    }
    case b_bool: no_kwargs(); expect_args(b, args, 0, 1); return value::boolean(!args.empty() && truthy(args[0]));
    case b_list: no_kwargs(); expect_args(b, args, 0, 1); return value::list(args.empty() ? std::vector<value>{} : to_vector(args[0]));
    case b_tuple: no_kwargs(); expect_args(b, args, 0, 1); return value::tuple(args.empty() ? std::vector<value>{} : to_vector(args[0]));
    case b_hex:
    case b_oct:
    case b_bin: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        if (!is_int(args[0])) raise_error("TypeError", "'" + type_name(args[0]) + "' object cannot be interpreted as an integer");
        const int base = b.id == b_hex ? 16 : b.id == b_oct ? 8 : 2;
        std::string digits = int_magnitude_digits(args[0], base);
        const char* prefix = b.id == b_hex ? "0x" : b.id == b_oct ? "0o" : "0b";
        return value::string((int_is_negative(args[0]) ? "-" : "") + std::string(prefix) + digits);
    }
    case b_chr: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        if (!is_int(args[0])) raise_error("TypeError", "'" + type_name(args[0]) + "' object cannot be interpreted as an integer");
        const auto x = small_int(args[0]);
        if (!x || *x < INT32_MIN || *x > INT32_MAX) raise_error("OverflowError", "Python int too large to convert to C int");
        if (*x < 0 || *x > 0x10FFFF) raise_error("ValueError", "chr() arg not in range(0x110000)");
        if (*x >= 0xD800 && *x <= 0xDFFF) raise_unsupported("chr() of a surrogate code point");
        return value::string(encode_utf8(static_cast<std::uint32_t>(*x)));
    }
    case b_ord: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        if (!args[0].is(value_kind::string)) raise_error("TypeError", "ord() expected string of length 1, but " + type_name(args[0]) + " found");
        const std::string& s = args[0].as<string_object>().s;
        const std::size_t length = code_point_count(s);
        if (length != 1) raise_error("TypeError", "ord() expected a character, but string of length " + std::to_string(length) + " found");
        // The one code point's value from its UTF-8 bytes.
        const auto lead = static_cast<unsigned char>(s[0]);
        const std::size_t width = s.size();
        std::uint32_t code = width == 1 ? lead : lead & (0x7Fu >> width);
        for (std::size_t k = 1; k < width; ++k) code = (code << 6) | (static_cast<unsigned char>(s[k]) & 0x3Fu);
        return value::integer(code);
    }
    case b_divmod: {
        no_kwargs();
        expect_args(b, args, 2, 2);
        const value& x = args[0];
        const value& y = args[1];
        if (is_int(x) && is_int(y)) {
            auto [q, r] = int_divmod(x, y);
            return value::tuple({std::move(q), std::move(r)});
        }
        const bool numbers = (is_int(x) || x.is(value_kind::floating)) && (is_int(y) || y.is(value_kind::floating));
        if (!numbers) raise_error("TypeError", "unsupported operand type(s) for divmod(): '" + type_name(x) + "' and '" + type_name(y) + "'");
        const double dx = number_arg(x, "divmod"), dy = number_arg(y, "divmod");
        if (dy == 0.0) raise_error("ZeroDivisionError", "float divmod()");
        auto [q, r] = float_divmod(dx, dy);
        return value::tuple({value::floating(q), value::floating(r)});
    }
    case b_pow: {
        for (const char* name : {"base", "exp", "mod"}) {
            if (auto kw = take_kw(name)) {
                const std::size_t position = name[0] == 'b' ? 0 : name[0] == 'e' ? 1 : 2;
                if (args.size() > position) raise_error("TypeError", std::string("argument for pow() given by name ('") + name + "') and position (" + std::to_string(position + 1) + ")");
                if (args.size() < position) raise_error("TypeError", std::string("pow() missing required argument '") + (args.empty() ? "base' (pos 1)" : "exp' (pos 2)"));
                args.push_back(std::move(*kw));
            }
        }
        no_kwargs();
        expect_args(b, args, 2, 3);
        if (args.size() == 2 || args[2].is(value_kind::none))
            return binary(static_cast<std::int32_t>(binary_op::pow), args[0], args[1]);
        if (std::any_of(args.begin(), args.end(), [](const value& v) { return v.is(value_kind::instance); }))
            raise_unsupported("pow() of an object with a modulus");
        if (!is_int(args[0]) || !is_int(args[1]) || !is_int(args[2])) {
            const bool numbers = std::all_of(args.begin(), args.end(), [](const value& v) { return is_int(v) || v.is(value_kind::floating); });
            if (numbers) raise_error("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
            raise_error("TypeError", "unsupported operand type(s) for ** or pow(): '" + type_name(args[0]) + "', '" + type_name(args[1]) + "', '" + type_name(args[2]) + "'");
        }
        return int_pow_mod(args[0], args[1], args[2]);
    }
    case b_dict: {
        value d = make_dict();
        expect_args(b, args, 0, 1);
        if (!args.empty()) dict_update(d, args[0], "update");
        for (auto& [key, item] : kwargs) store_subscript(d, value::string(key), item);
        kwargs.clear();
        return d;
    }
    case b_set:
    case b_frozenset: {
        if (!kwargs.empty()) raise_error("TypeError", b.name + "() takes no keyword arguments");
        if (args.size() > 1) raise_error("TypeError", b.name + " expected at most 1 argument, got " + std::to_string(args.size()));
        return new_set(args.empty() ? value::unbound() : args[0], b.id == b_frozenset);
    }
    case set_method: no_kwargs(); return call_set_method(b.name, b.self, args);
    case c_deque: return new_deque(args, kwargs);
    case c_defaultdict: return new_defaultdict(args, kwargs);
    case c_counter: return new_counter(args, kwargs);
    case c_ordered_dict: return new_ordered_dict(args, kwargs);
    case ordered_dict_method: return call_ordered_dict_method(b.name, b.self, args, kwargs);
    case c_namedtuple: return new_named_tuple_class(args, kwargs);
    case js_dumps: return json_dumps(args, kwargs);
    case js_loads: return json_loads(args, kwargs);
    case h_function: return call_heapq(b.name, args, kwargs);
    case bi_function: return call_bisect(b.name, args, kwargs);
    case nt_typing: return new_typing_named_tuple(args, kwargs);
    case nt_method: return call_named_tuple_method(b.name, args, kwargs);
    case counter_method: return call_counter_method(b.name, b.self, args, kwargs);
    case deque_method: return call_deque_method(b.name, b.self, args, kwargs);
    case b_hash:
        no_kwargs();
        expect_args(b, args, 1, 1);
        return value::integer(python_hash(args[0]));
    case b_getattr:
    case b_setattr:
    case b_hasattr:
    case b_delattr: {
        no_kwargs();
        if (b.id == b_getattr) expect_args(b, args, 2, 3);
        else expect_args(b, args, b.id == b_setattr ? 3 : 2, b.id == b_setattr ? 3 : 2);
        if (!args[1].is(value_kind::string)) raise_error("TypeError", "attribute name must be string, not '" + type_name(args[1]) + "'");
        const std::string& name = args[1].as<string_object>().s;
        if (b.id == b_setattr) {
            store_attribute(args[0], name, std::move(args[2]));
            return value::none();
        }
        if (b.id == b_delattr) {
            delete_attribute(args[0], name);
            return value::none();
        }
        if (b.id == b_getattr && args.size() == 2) return load_attribute(args[0], name);
        // getattr with a default and hasattr swallow AttributeError (and its subclasses) only; a name
        // CPython has and the engine lacks still ends the run as unsupported.
        thread_local const auto attribute_error = builtin_exception_type("AttributeError");
        try {
            value found = load_attribute(args[0], name);
            return b.id == b_hasattr ? value::boolean(true) : found;
        } catch (const python_error& e) {
            if (!e.exc.is(value_kind::exception) || !e.exc.as<exception_object>().type->is_subclass_of(*attribute_error)) throw;
        }
        return b.id == b_hasattr ? value::boolean(false) : args[2];
    }
    case b_callable: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        return value::boolean(is_callable(args[0]));
    }
    case d_keys:
    case d_values:
    case d_items: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        auto view = make_ref<dict_view_object>();
        view->dict = b.self;
        view->view = b.id == d_keys ? dict_view_kind::keys : b.id == d_values ? dict_view_kind::values : dict_view_kind::items;
        return value::of(value_kind::dict_view, view);
    }
    case d_get:
    case d_setdefault: {
        no_kwargs();
        expect_args(b, args, 1, 2);
        auto& d = b.self.as<dict_object>();
        const std::int64_t hash = python_hash(args[0]);
        const std::int64_t at = d.find(args[0], hash, dict_equality());
        if (at >= 0) return d.entries[static_cast<std::size_t>(at)].item;
        value fallback = args.size() == 2 ? args[1] : value::none();
        if (b.id == d_setdefault) store_subscript(b.self, args[0], fallback);
        return fallback;
    }
    case d_pop: {
        no_kwargs();
        expect_args(b, args, 1, 2);
        if (auto item = b.self.as<dict_object>().remove(args[0], python_hash(args[0]), dict_equality())) return *item;
        if (args.size() == 2) return args[1];
        raise_key_error(args[0]);
    }
    case d_popitem: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        auto& d = b.self.as<dict_object>();
        for (std::size_t k = d.entries.size(); k-- > 0;) {
            charge_work(1);
            if (d.entries[k].key.is_unbound()) continue;
            value key = d.entries[k].key;
            value item = *d.remove(key, d.entries[k].hash, dict_equality());
            return value::tuple({std::move(key), std::move(item)});
        }
        raise_key_error(value::string("popitem(): dictionary is empty"));
    }
    case d_update: {
        expect_args(b, args, 0, 1);
        if (!args.empty()) dict_update(b.self, args[0], "update");
        for (auto& [key, item] : kwargs) store_subscript(b.self, value::string(key), item);
        kwargs.clear();
        return value::none();
    }
    case d_clear: no_kwargs(); expect_args(b, args, 0, 0); b.self.as<dict_object>().clear(); return value::none();
    case d_copy: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        value d = make_dict();
        // defdict_copy: a defaultdict with the same factory
        if (const auto& factory = b.self.as<dict_object>().default_factory) {
            note_nesting(d, *factory);
            d.as<dict_object>().default_factory = std::make_unique<value>(*factory);
        }
        dict_update(d, b.self, "update");
        return d;
    }
    case b_any:
    case b_all: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        // Item by item: a generator stops being drawn from at the first answer, as in CPython.
        value it = make_iterator(args[0]);
        for (;;) {
            bool done = false;
            value item = iterate_next(it, done);
            if (done) break;
            charge_work(1);
            if (truthy(item) == (b.id == b_any)) return value::boolean(b.id == b_any);
        }
        return value::boolean(b.id == b_all);
    }
    case b_abs: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        const value& v = args[0];
        if (value r; call_special(v, "__abs__", {}, r)) return r;
        if (is_int(v)) return int_abs(v);
        if (v.is(value_kind::floating)) return value::floating(std::fabs(v.f));
        raise_error("TypeError", "bad operand type for abs(): '" + type_name(v) + "'");
    }
    case b_min:
    case b_max: {
        auto key = take_kw("key");
        auto fallback = take_kw("default");
        no_kwargs();
        if (args.empty()) raise_error("TypeError", b.name + " expected at least 1 argument, got 0");
        if (fallback && args.size() > 1)
            raise_error("TypeError", "Cannot specify a default for " + b.name + "() with multiple positional arguments");
        std::vector<value> items = args.size() == 1 ? to_vector(args[0]) : args;
        if (items.empty()) {
            if (fallback) return *fallback;
            raise_error("ValueError", b.name + "() arg is an empty sequence");
        }
        const bool keyed = key && !key->is(value_kind::none);
        value best = items[0];
        value best_key = keyed ? call_sync(*key, {best}) : best;
        for (std::size_t k = 1; k < items.size(); ++k) {
            value candidate_key = keyed ? call_sync(*key, {items[k]}) : items[k];
            bool better = truthy(compare(static_cast<std::int32_t>(b.id == b_min ? compare_op::lt : compare_op::gt), candidate_key, best_key));
            if (better) {
                best = items[k];
                best_key = std::move(candidate_key);
            }
        }
        return best;
    }
    case b_sum: {
        if (args.size() + kwargs.size() > 2) no_kwargs();  // "takes at most 2 arguments" (or a keyword it lacks)
        if (!args.empty()) {
            if (auto start_kw = take_kw("start")) {
                if (args.size() > 1) raise_error("TypeError", "argument for sum() given by name ('start') and position (2)");
                args.push_back(std::move(*start_kw));
            }
        }
        no_kwargs();
        expect_args(b, args, 1, 2);
        // CPython refuses a str start, whatever the items.
        if (args.size() == 2 && args[1].is(value_kind::string)) raise_error("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
        value total = args.size() == 2 ? args[1] : value::integer(0);
        value it = make_iterator(args[0]);
        for (;;) {
            bool done = false;
            value item = iterate_next(it, done);
            if (done) break;
            total = binary(static_cast<std::int32_t>(binary_op::add), total, item);
        }
        return total;
    }
    case b_round: {
        // round(number, ndigits=None): both may be keywords.
        if (args.size() + kwargs.size() > 2) raise_error("TypeError", "round() takes at most 2 arguments (" + std::to_string(args.size() + kwargs.size()) + " given)");
        if (auto number_kw = take_kw("number")) {
            if (!args.empty()) raise_error("TypeError", "argument for round() given by name ('number') and position (1)");
            args.push_back(std::move(*number_kw));
        }
        if (auto ndigits_kw = take_kw("ndigits")) {
            if (args.size() > 1) raise_error("TypeError", "argument for round() given by name ('ndigits') and position (2)");
            if (args.empty()) raise_error("TypeError", "round() missing required argument 'number' (pos 1)");
            args.push_back(std::move(*ndigits_kw));
        }
        if (args.empty()) raise_error("TypeError", "round() missing required argument 'number' (pos 1)");
        no_kwargs();
        expect_args(b, args, 1, 2);
        const value& x_value = args[0];
        if (!is_int(x_value) && !x_value.is(value_kind::floating))
            raise_error("TypeError", "type " + type_name(x_value) + " doesn't define __round__ method");
        if (args.size() == 1 || args[1].is(value_kind::none)) {
            if (is_int(x_value)) return x_value.is(value_kind::boolean) ? value::integer(x_value.b ? 1 : 0) : x_value;
            const double r = std::nearbyint(x_value.f);  // banker's rounding, as Python's round()
            if (std::isnan(r)) raise_error("ValueError", "cannot convert float NaN to integer");
            if (std::isinf(r)) raise_error("OverflowError", "cannot convert float infinity to integer");
            return int_from_float(r);
        }
        if (!is_int(args[1])) raise_error("TypeError", "'" + type_name(args[1]) + "' object cannot be interpreted as an integer");
        // ndigits past 64 bits behaves as the nearest end would.
        const std::int64_t digits = small_int(args[1]).value_or(int_is_negative(args[1]) ? -1'000'000 : 1'000'000);
        if (is_int(x_value)) {
            if (digits >= 0) return x_value.is(value_kind::boolean) ? value::integer(x_value.b ? 1 : 0) : x_value;
            return int_round(x_value, digits);
        }
        const double x = x_value.f;
        // CPython's float round: inf and nan as they are, and past what a double holds, x or a zero.
        if (!std::isfinite(x) || digits > 323) return value::floating(x);
        if (digits < -308) return value::floating(0.0 * x);
        // Correctly rounded, half to even, as CPython's dtoa: C's printf rounds the exact binary value
        // the same way, and strtod reads the digits back.
        std::string text;
        if (digits >= 0) {
            text = c_number("%.*f", static_cast<int>(digits), x);
        } else {
            // round(1234.5, -2): keep the digits down to hundreds, as many as the exponent allows.
            const std::string scientific = c_number("%.*e", 16, std::fabs(x));
            const std::int64_t kept = std::atoi(scientific.c_str() + scientific.find('e') + 1) + 1 + digits;
            if (kept >= 1) {
                text = c_number("%.*e", static_cast<int>(kept - 1), x);
            } else {
                // Less than one unit of 10**-digits: a unit if more than half of one (ties to 0, even).
                const std::string exact = c_number("%.*e", 800, std::fabs(x));
                const bool more_than_half = kept == 0 && (exact[0] > '5' || (exact[0] == '5' && exact.find_first_of("123456789", 2) < exact.find('e')));
                text = std::string(std::signbit(x) ? "-" : "") + (more_than_half ? "1" : "0") + "e" + std::to_string(-digits);
            }
        }
        const double z = std::strtod(text.c_str(), nullptr);
        if (std::isinf(z)) raise_error("OverflowError", "rounded value too large to represent");
        return value::floating(z);
    }
    case b_isinstance: {
        no_kwargs();
        expect_args(b, args, 2, 2);
        if (args[1].is(value_kind::tuple)) {
            // Any of the classes, tuples nested as CPython allows: each one looked at is charged (a
            // tuple of two shared tuples 24 deep is 2**24 looks), as deep as CPython's recursion limit.
            if (isinstance_depth_ >= static_cast<int>(config_.max_call_depth))
                raise_error("RecursionError", "maximum recursion depth exceeded in __instancecheck__");
            check_native_stack();
            ++isinstance_depth_;
            struct leave {
                int& depth;
                ~leave() { --depth; }
            } on_exit{isinstance_depth_};
            for (const auto& t : args[1].as<sequence_object>().items) {
                charge_work(16);
                std::vector<value> one{args[0], t};
                std::vector<std::pair<std::string, value>> none;
                if (truthy(call_builtin(b, one, none))) return value::boolean(true);
            }
            return value::boolean(false);
        }
        const value& t = args[1];
        if (t.is(value_kind::typing_form)) raise_unsupported("isinstance() with " + repr(t));
        if (t.is(value_kind::class_type)) {
            const auto& cls = t.as<class_object>();
            if (cls.is_object) return value::boolean(true);
            if (auto* nt = named_tuple_of(args[0])) return value::boolean(nt->cls->is_subclass_of(cls));
            return value::boolean(args[0].is(value_kind::instance) && args[0].as<instance_object>().cls->is_subclass_of(cls));
        }
        if (t.is(value_kind::exception_type))
            return value::boolean(args[0].is(value_kind::exception) && args[0].as<exception_object>().type->is_subclass_of(t.as<exception_type_object>()));
        if (t.is(value_kind::builtin)) {
            int id = t.as<builtin_object>().id;
            const value& v = args[0];
            switch (id) {
            case b_int: return value::boolean(v.is(value_kind::integer) || v.is(value_kind::boolean));
            case b_float: return value::boolean(v.is(value_kind::floating));
            case b_bool: return value::boolean(v.is(value_kind::boolean));
            case b_str: case b_list: case b_tuple: case b_dict: case b_set: case b_frozenset:
                return value::boolean(is_instance_of_builtin_type(v, id));
            case c_deque: return value::boolean(v.is(value_kind::deque));
            case ft_partial: return value::boolean(v.is(value_kind::partial));
            case a_future: return value::boolean(v.is(value_kind::future));
            case cl_type:
                return value::boolean(v.is(value_kind::context_manager) &&
                                      std::string("contextlib.") + context_manager_type_name(v.as<context_manager_object>().what) == t.as<builtin_object>().name);
            case it_function:
                return value::boolean(v.is(value_kind::iterator) && v.as<iterator_object>().kind == iterator_kind::itertools &&
                                      type_name(v) == t.as<builtin_object>().name);
            case c_defaultdict: return value::boolean(v.is(value_kind::dict) && v.as<dict_object>().default_factory);
            case c_counter: return value::boolean(v.is(value_kind::dict) && v.as<dict_object>().is_counter);
            case c_ordered_dict: return value::boolean(v.is(value_kind::dict) && v.as<dict_object>().is_ordered);
            case b_range: return value::boolean(v.is(value_kind::range));
            case b_slice: return value::boolean(v.is(value_kind::slice));
            case b_type:
                return value::boolean(v.is(value_kind::exception_type) || v.is(value_kind::type_name) || v.is(value_kind::class_type) ||
                                      (v.is(value_kind::builtin) && is_type_builtin(v.as<builtin_object>())));
            case b_enumerate: return value::boolean(v.is(value_kind::iterator) && v.as<iterator_object>().kind == iterator_kind::enumerate);
            case b_zip: return value::boolean(v.is(value_kind::iterator) && v.as<iterator_object>().kind == iterator_kind::zip);
            case b_map: return value::boolean(v.is(value_kind::iterator) && v.as<iterator_object>().kind == iterator_kind::map);
            case b_filter: return value::boolean(v.is(value_kind::iterator) && v.as<iterator_object>().kind == iterator_kind::filter);
            case b_reversed: raise_unsupported("isinstance(x, reversed)");
            case b_super: case b_staticmethod: case b_classmethod: case b_property:
                return value::boolean(type_name(v) == t.as<builtin_object>().name);
            default: break;
            }
        }
        if (t.is(value_kind::type_name)) {
            // type(x) of a kind the engine has no builtin for, or asyncio's classes.
            const std::string& name = t.as<type_name_object>().name;
            const value& v = args[0];
            if (name == "enum.EnumType") return value::boolean(is_enum_type(v));
            if (const char* q = asyncio_qualified_type_name(v))  // its own class, or the base of TimerHandle or the loop
                return value::boolean(name == q || (name == "asyncio.events.Handle" && v.is(value_kind::handle)) ||
                                      (name == "asyncio.events.AbstractEventLoop" && v.is(value_kind::loop)));
            if (name == "type") return value::boolean(v.is(value_kind::exception_type) || v.is(value_kind::type_name) ||
                                                      (v.is(value_kind::builtin) && is_type_builtin(v.as<builtin_object>())));
            if (name == "builtin_function_or_method") return value::boolean(v.is(value_kind::builtin) && !is_type_builtin(v.as<builtin_object>()));
            // odict_keys, odict_values and odict_items derive from dict's views
            if (v.is(value_kind::dict_view) && name.rfind("dict_", 0) == 0 && type_name(v) == "o" + name) return value::boolean(true);
            return value::boolean(!v.is(value_kind::builtin) && type_name(v) == name);
        }
        raise_error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    case b_enumerate: {
        auto start_kw = take_kw("start");
        no_kwargs();
        expect_args(b, args, 1, 2);
        if (start_kw && args.size() == 2) raise_error("TypeError", "argument for enumerate() given by name ('start') and position (2)");
        value start = args.size() == 2 ? args[1] : start_kw ? *start_kw : value::integer(0);
        if (!is_int(start)) raise_error("TypeError", "'" + type_name(start) + "' object cannot be interpreted as an integer");
        auto it = make_ref<iterator_object>();
        it->kind = iterator_kind::enumerate;
        it->source = make_iterator(args[0]);
        it->count = start.is(value_kind::boolean) ? value::integer(start.b ? 1 : 0) : start;
        return value::of(value_kind::iterator, it);
    }
    case b_zip:
    case b_map: {
        std::optional<value> strict;
        if (b.id == b_zip) strict = take_kw("strict");
        no_kwargs();
        if (b.id == b_map && args.size() < 2) raise_error("TypeError", "map() must have at least two arguments.");
        auto it = make_ref<iterator_object>();
        it->kind = b.id == b_zip ? iterator_kind::zip : iterator_kind::map;
        for (std::size_t k = b.id == b_map ? 1 : 0; k < args.size(); ++k) {
            it->inners.push_back(make_iterator(args[k]));
        }
        if (b.id == b_map) it->function = args[0];
        it->strict = strict && truthy(*strict);
        return value::of(value_kind::iterator, it);
    }
    case b_filter: {
        no_kwargs();
        expect_args(b, args, 2, 2);
        auto it = make_ref<iterator_object>();
        it->kind = iterator_kind::filter;
        it->function = args[0];
        it->source = make_iterator(args[1]);
        return value::of(value_kind::iterator, it);
    }
    case b_iter: {
        no_kwargs();
        if (args.size() == 2) raise_unsupported("iter(callable, sentinel)");
        expect_args(b, args, 1, 1);
        return make_iterator(args[0]);
    }
    case b_next: {
        no_kwargs();
        expect_args(b, args, 1, 2);
        bool done = false;
        value item = next_of(args[0], done);
        if (!done) return item;
        if (args.size() == 2) return args[1];
        if (args[0].is(value_kind::generator)) raise_generator_stop(args[0].as<generator_object>());
        raise_error("StopIteration", "");
    }
    case b_sorted:
    case b_reversed: {
        auto reverse = b.id == b_sorted ? take_kw("reverse") : std::nullopt;
        auto key = b.id == b_sorted ? take_kw("key") : std::nullopt;
        no_kwargs();
        expect_args(b, args, 1, 1);
        if (b.id == b_reversed) return make_reversed(args[0]);
        auto items = to_vector(args[0]);
        const bool descending = reverse && int_arg(*reverse) != 0;  // an int, as CPython takes it
        sort_values(items, key ? *key : value::none(), descending);
        return value::list(std::move(items));
    }
    case b_staticmethod:
    case b_classmethod: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        auto d = make_ref<descriptor_object>();
        d->what = b.id == b_staticmethod ? descriptor_object::kind::static_method : descriptor_object::kind::class_method;
        d->function = args[0];
        return value::of(value_kind::descriptor, d);
    }
    case b_property: {
        auto fget = take_kw("fget"), fset = take_kw("fset"), fdel = take_kw("fdel");
        if (take_kw("doc")) raise_unsupported("property(doc=...)");
        no_kwargs();
        expect_args(b, args, 0, 3);
        auto d = make_ref<descriptor_object>();
        d->function = args.size() > 0 ? args[0] : fget.value_or(value::none());
        d->setter = args.size() > 1 ? args[1] : fset.value_or(value::none());
        d->deleter = args.size() > 2 ? args[2] : fdel.value_or(value::none());
        return value::of(value_kind::descriptor, d);
    }
    case p_setter:
    case p_getter:
    case p_deleter: {
        // A copy of the property with one accessor replaced: @x.setter
        no_kwargs();
        expect_args(b, args, 1, 1);
        auto d = make_ref<descriptor_object>();
        const auto& from = b.self.as<descriptor_object>();
        d->function = b.id == p_getter ? args[0] : from.function;
        d->setter = b.id == p_setter ? args[0] : from.setter;
        d->deleter = b.id == p_deleter ? args[0] : from.deleter;
        d->name = from.name;
        return value::of(value_kind::descriptor, d);
    }
    case dc_dataclass: {
        // dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
        // frozen=False, ...): with options (or `@dataclass()`), a dataclass builtin holding them in `self`
        const bool bound = b.self.is(value_kind::integer);
        unsigned options = bound ? static_cast<unsigned>(b.self.i) : dataclass_options::defaults;
        if (!bound) {
            static constexpr std::pair<const char*, unsigned> names[] = {{"init", dataclass_options::init},   {"repr", dataclass_options::repr},
                                                                         {"eq", dataclass_options::eq},       {"order", dataclass_options::order},
                                                                         {"unsafe_hash", dataclass_options::unsafe_hash},
                                                                         {"frozen", dataclass_options::frozen}};
            for (const auto& [n, bit] : names)
                if (auto given = take_kw(n)) options = truthy(*given) ? (options | bit) : (options & ~bit);
            for (const char* n : {"match_args", "kw_only", "slots", "weakref_slot"})
                if (take_kw(n)) raise_unsupported(std::string("dataclass(") + n + "=...)");
        }
        if (bound && !kwargs.empty()) raise_error("TypeError", "dataclass.<locals>.wrap() got an unexpected keyword argument '" + kwargs.front().first + "'");
        no_kwargs();
        if (args.empty() && bound) raise_error("TypeError", "dataclass.<locals>.wrap() missing 1 required positional argument: 'cls'");
        if (args.size() > 1 && bound)
            raise_error("TypeError", "dataclass.<locals>.wrap() takes 1 positional argument but " + std::to_string(args.size()) + " were given");
        if (args.empty() && !bound) {
            auto with_options = make_builtin(dc_dataclass, "dataclass");
            with_options.as<builtin_object>().self = value::integer(static_cast<std::int64_t>(options));
            return with_options;  // @dataclass(...): applied to the class next
        }
        expect_args(b, args, 1, 1);
        return make_dataclass(args[0], options, !bound);
    }
    case dc_field: {
        auto default_value = take_kw("default"), factory = take_kw("default_factory");
        // repr=, compare=, init= as booleans; hash= None (follow compare) or a boolean
        std::int64_t flags = 0;
        for (const auto& [n, bit] : {std::pair{"repr", 1}, std::pair{"compare", 2}, std::pair{"init", 4}}) {
            auto given = take_kw(n);
            if (!given || truthy(*given)) flags |= bit;
        }
        if (auto hash = take_kw("hash"); hash && !hash->is(value_kind::none)) flags |= truthy(*hash) ? 8 | 16 : 8;
        for (const char* n : {"kw_only", "metadata"})
            if (take_kw(n)) raise_unsupported(std::string("field(") + n + "=...)");
        no_kwargs();
        if (!args.empty()) raise_error("TypeError", "field() takes 0 positional arguments but " + std::to_string(args.size()) + " were given");
        if (default_value && factory) raise_error("ValueError", "cannot specify both default and default_factory");
        auto d = make_ref<descriptor_object>();
        d->what = descriptor_object::kind::dataclass_field;
        d->function = factory.value_or(value::unbound());
        d->setter = default_value.value_or(value::unbound());
        d->deleter = value::integer(flags);  // bits: 1 repr, 2 compare, 4 init, 8 hash given, 16 hash true
        return value::of(value_kind::descriptor, d);
    }
    case dc_repr:
    case dc_eq:
    case dc_lt:
    case dc_le:
    case dc_gt:
    case dc_ge:
    case dc_hash: {
        // Called as the generated functions are: (self) or (self, other), positionally
        no_kwargs();
        const std::size_t wanted = b.id == dc_repr || b.id == dc_hash ? 1 : 2;
        const std::string name = (args.empty() ? std::string("") : class_of(args[0]) ? class_of(args[0])->qualname + "." : "") + b.name + "()";
        if (args.size() < wanted)
            raise_error("TypeError", name + (wanted - args.size() == 2 ? " missing 2 required positional arguments: 'self' and 'other'"
                                                    : std::string(" missing 1 required positional argument: '") + (args.empty() ? "self" : "other") + "'"));
        if (args.size() > wanted)
            raise_error("TypeError", name + " takes " + std::to_string(wanted) + " positional argument" + (wanted > 1 ? "s" : "") + " but " +
                                         std::to_string(args.size()) + " were given");
        if (wanted == 2 && class_of(args[1]) != class_of(args[0]))
            raise_unsupported("a dataclass's generated " + b.name + " called with another class's instance (NotImplemented)");
        // An error inside shows the generated function's frame (the text dataclasses.py exec()s), and a
        // __repr__'s the _recursive_repr wrapper's
        try {
            if (b.id == dc_repr) return value::string(dataclass_repr(args[0]));
            if (b.id == dc_hash) return value::integer(dataclass_hash(args[0]));
            if (b.id == dc_eq) return value::boolean(dataclass_equal(args[0], args[1]));
            return dataclass_order(b.id, args[0], args[1]);
        } catch (python_error& e) {
            auto& traceback = e.exc.as<exception_object>().traceback;
            traceback.push_back(library_frame(b.name, b.id == dc_repr || b.id == dc_hash ? 3 : 4, "<string>", ""));
            if (b.id == dc_repr)
                traceback.push_back(library_frame("wrapper", 240, "/usr/lib/python3.11/dataclasses.py", "result = user_function(self)", "user_function(self)"));
            throw;
        }
    }
    case b_super: {
        no_kwargs();
        exec_context* ctx = sync_context_ ? sync_context_ : running_;
        return make_super(*ctx, args);
    }
    case b_issubclass: {
        no_kwargs();
        expect_args(b, args, 2, 2);
        const value& c = args[0];
        auto one = [&c](const value& t) {
            if (c.is(value_kind::class_type) && t.is(value_kind::class_type))
                return t.as<class_object>().is_object || c.as<class_object>().is_subclass_of(t.as<class_object>());
            if (c.is(value_kind::exception_type) && t.is(value_kind::exception_type))
                return c.as<exception_type_object>().is_subclass_of(t.as<exception_type_object>());
            if (c.is(value_kind::exception_type) && t.is(value_kind::class_type)) return t.as<class_object>().is_object;
            // A named tuple class derives from tuple
            if (c.is(value_kind::class_type) && t.is(value_kind::builtin) && t.as<builtin_object>().id == b_tuple && !t.as<builtin_object>().self.obj &&
                named_tuple_spec_of(c.as<class_object>()))
                return true;
            // A program's classes derive from no builtin type but object
            if ((c.is(value_kind::class_type) || c.is(value_kind::exception_type)) && (t.is(value_kind::builtin) || t.is(value_kind::type_name)))
                return false;
            if (c.is(value_kind::class_type) && t.is(value_kind::exception_type)) return false;
            // Among the builtin types the engine has, bool derives from int, defaultdict and Counter from dict; all from object.
            if (c.is(value_kind::builtin) && is_type_builtin(c.as<builtin_object>())) {
                if (t.is(value_kind::class_type)) return t.as<class_object>().is_object;
                if (t.is(value_kind::exception_type)) return false;
                if (t.is(value_kind::builtin) && is_type_builtin(t.as<builtin_object>())) {
                    const int sub = c.as<builtin_object>().id;
                    const int base = t.as<builtin_object>().id;
                    return sub == base || (sub == b_bool && base == b_int) || ((sub == c_defaultdict || sub == c_counter || sub == c_ordered_dict) && base == b_dict);
                }
            }
            if (!c.is(value_kind::class_type) && !c.is(value_kind::exception_type) && !c.is(value_kind::builtin) && !c.is(value_kind::type_name))
                raise_error("TypeError", "issubclass() arg 1 must be a class");
            const bool t_class = t.is(value_kind::class_type) || t.is(value_kind::exception_type) || t.is(value_kind::type_name) ||
                                 t.is(value_kind::typing_form) || (t.is(value_kind::builtin) && is_type_builtin(t.as<builtin_object>()));
            if (!t_class) raise_error("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union");
            raise_unsupported("issubclass() of builtin types");
        };
        // A tuple of classes and tuples, nested as deep as CPython allows
        auto any = [&](auto& self, const value& t, int depth) -> bool {
            if (!t.is(value_kind::tuple)) return one(t);
            if (depth > 1000) raise_error("RecursionError", "maximum recursion depth exceeded in __subclasscheck__");
            for (const auto& item : t.as<sequence_object>().items) {
                charge_work(16);  // each class looked at, as isinstance()
                if (self(self, item, depth + 1)) return true;
            }
            return false;
        };
        return value::boolean(any(any, args[1], 0));
    }
    case b_type: {
        no_kwargs();
        if (args.size() == 3) raise_unsupported("type() with three arguments (a class made at run time)");
        expect_args(b, args, 1, 1);
        if (args[0].is(value_kind::instance)) return value::of(value_kind::class_type, args[0].as<instance_object>().cls);
        if (auto* nt = named_tuple_of(args[0])) return value::of(value_kind::class_type, nt->cls);
        if (args[0].is(value_kind::class_type))
            return is_enum_type(args[0]) ? type_name_value("enum.EnumType") : make_builtin(b_type, "type");
        if (args[0].is(value_kind::exception)) return value::of(value_kind::exception_type, args[0].as<exception_object>().type);
        if (args[0].is(value_kind::deque)) return deque_type_value();
        if (args[0].is(value_kind::partial)) return make_builtin(ft_partial, "functools.partial");
        if (args[0].is(value_kind::context_manager))
            return make_builtin(cl_type, std::string("contextlib.") + context_manager_type_name(args[0].as<context_manager_object>().what));
        if (args[0].is(value_kind::iterator) && args[0].as<iterator_object>().kind == iterator_kind::itertools)
            return make_builtin(it_function, type_name(args[0]));
        if (args[0].is(value_kind::dict) && args[0].as<dict_object>().default_factory) return make_builtin(c_defaultdict, "collections.defaultdict");
        if (args[0].is(value_kind::dict) && args[0].as<dict_object>().is_counter) return make_builtin(c_counter, "collections.Counter");
        if (args[0].is(value_kind::dict) && args[0].as<dict_object>().is_ordered) return make_builtin(c_ordered_dict, "collections.OrderedDict");
        // The same class `int` names, so that type(1) is int, and type(1)('5') calls it.
        for (const auto& [name, id] : builtin_table())
            if (type_name(args[0]) == name && is_type_builtin(id)) return make_builtin(id, name);
        if (args[0].is(value_kind::builtin) && is_type_builtin(args[0].as<builtin_object>())) return make_builtin(b_type, "type");
        if (args[0].is(value_kind::exception_type) || args[0].is(value_kind::type_name)) return make_builtin(b_type, "type");
        // asyncio's types by the names their reprs show (the C accelerator's Task and Future)
        if (const char* q = asyncio_qualified_type_name(args[0]))
            return std::string_view(q) == "_asyncio.Future" ? make_builtin(a_future, q) : type_name_value(q);  // the class asyncio.Future is
        return type_name_value(type_name(args[0]));
    }

    // ---- asyncio ----
    case a_run: {
        auto debug = take_kw("debug");
        no_kwargs();
        expect_args(b, args, 1, 1);
        value coro = args[0];
        // asyncio's debug mode logs slow callbacks and where coroutines were made: not modelled
        const bool debug_mode = debug && !debug->is(value_kind::none) && truthy(*debug);
        if (debug_mode || worker_running_) {
            // refused, not dropped unawaited: no warning of its before the refusal
            if (coro.is(value_kind::coroutine)) coro.as<coroutine_object>().state = coroutine_object::state_kind::closed;
            raise_unsupported(debug_mode ? "asyncio's debug mode (asyncio.run(debug=True))"
                                         : loop_in_worker_refusal);
        }
        if (running_loop_)
            raise_from_library("RuntimeError", "asyncio.run() cannot be called from a running event loop", {library_frame("run", 186, runners_py, "raise RuntimeError(")});
        if (!coro.is(value_kind::coroutine))
            raise_from_library("ValueError", "a coroutine was expected, got " + repr(coro),
                               {library_frame("run", 89, runners_py, "raise ValueError(\"a coroutine was expected, got {!r}\".format(coro))"),
                                library_frame("run", 190, runners_py, "return runner.run(main)", "runner.run(main)")});
        start_asyncio_run(static_ref_cast<coroutine_object>(coro.obj), line);
        return value::none();
    }
    case a_sleep: {
        auto result_kw = take_kw("result");
        no_kwargs();
        expect_args(b, args, 1, 2);
        // The delay is looked at when the coroutine runs (sleep_delay_of), as sleep()'s body does
        auto coro = make_ref<coroutine_object>();
        coro->native = coroutine_object::native_kind::sleep;
        coro->name = "sleep";
        coro->arguments = {args[0]};
        coro->sleep_result = args.size() == 2 ? args[1] : result_kw.value_or(value::none());
        coro->created_line = line;
        coro->owner = this;
        coro->owner_alive = alive_;
        return value::of(value_kind::coroutine, coro);
    }
    case a_create_task:
    case l_create_task:
    case a_ensure_future: {
        if (b.id == a_ensure_future) {
            // ensure_future(coro_or_future, *, loop=None): no name or context
            // loop= the running loop (as asyncio's own functions pass it) is the default; another is not modelled
            if (auto loop_kw = take_kw("loop"); loop_kw && !loop_kw->is(value_kind::none) &&
                                                !(loop_kw->is(value_kind::loop) && running_loop_ && loop_kw->obj == running_loop_))
                raise_unsupported("ensure_future(loop=...) of a loop that is not running");
            for (const auto& kw : kwargs) raise_error("TypeError", "ensure_future() got an unexpected keyword argument '" + kw.first + "'");
        }
        auto name = take_kw("name");
        auto context = take_kw("context");
        no_kwargs();
        expect_args(b, args, 1, 1);
        value coro = args[0];
        if (b.id == a_ensure_future && coro.is(value_kind::future)) return coro;
        // (asyncio.create_task(coro, context=...) passes it on: create_task's other line, which the engine does not draw)
        if (context && b.id == a_create_task && !coro.is(value_kind::coroutine)) raise_unsupported("asyncio.create_task(context=...) of what is not a coroutine");
        ref<loop_object> loop;
        if (b.id == l_create_task) {
            loop = static_ref_cast<loop_object>(b.self.obj);
            if (loop->closed) raise_error("RuntimeError", "Event loop is closed");
        } else {
            loop = b.id == a_ensure_future && !running_loop_ ? current_loop_ : running_loop_or_fail();
            if (!loop) raise_error("RuntimeError", "no running event loop");
        }
        if (!coro.is(value_kind::coroutine) && b.id == a_ensure_future)
            coro = ensure_future_refuses(coro, {library_frame("ensure_future", 649, tasks_py, "return _ensure_future(coro_or_future, loop=loop)", "_ensure_future(coro_or_future, loop=loop)")});
        if (!coro.is(value_kind::coroutine)) {
            const std::string message = "a coroutine was expected, got " + repr(coro);
            const traceback_entry task_init = library_frame("create_task", 436, base_events_py, "task = tasks.Task(coro, loop=self, name=name, context=context)",
                                                            "tasks.Task(coro, loop=self, name=name, context=context)");
            if (b.id == l_create_task || context) raise_from_library("TypeError", message, {task_init});
            raise_from_library("TypeError", message, {task_init, library_frame("create_task", 374, tasks_py, "task = loop.create_task(coro)", "loop.create_task(coro)")});
        }
        auto c = static_ref_cast<coroutine_object>(coro.obj);  // one already awaited fails at the task's first step
        std::string task_name = name && !name->is(value_kind::none) ? str(*name) : "";
        return value::of(value_kind::future, create_task(loop, c, task_name, line));
    }
    case a_gather: {
        auto rex = take_kw("return_exceptions");
        no_kwargs();
        auto outer = gather(args, rex && truthy(*rex), line);
        args.clear();
        return value::of(value_kind::future, outer);
    }
    case a_get_event_loop:
    case a_get_running_loop: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        if (running_loop_ && (current_task_ || in_callback_)) return value::of(value_kind::loop, running_loop_);
        if (b.id == a_get_running_loop) raise_error("RuntimeError", "no running event loop");
        // The policy's loop is the main thread's: another thread has none unless it set one
        if (worker_running_)
            raise_from_library("RuntimeError", "There is no current event loop in thread '" + worker_running_->name + "'.",
                               {library_frame("get_event_loop", 677, "/usr/lib/python3.11/asyncio/events.py",
                                              "raise RuntimeError('There is no current event loop in thread %r.'")});
        if (!current_loop_) current_loop_ = new_loop();
        return value::of(value_kind::loop, current_loop_);
    }
    case a_new_event_loop: no_kwargs(); expect_args(b, args, 0, 0); return value::of(value_kind::loop, new_loop());
    case a_set_event_loop: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        if (args[0].is(value_kind::none)) current_loop_.reset();
        else if (args[0].is(value_kind::loop)) current_loop_ = static_ref_cast<loop_object>(args[0].obj);
        else raise_error("TypeError", "loop must be an instance of AbstractEventLoop or None, not '" + type_name(args[0]) + "'");
        return value::none();
    }
    case lib_primitive: no_kwargs(); return library_primitive(args);
    case lib_logging: no_kwargs(); return logging_helper(b.name, args);
    case lib_cancel: no_kwargs(); return library_cancel(args);
    case lib_to_thread: {
        // threads.to_thread's functools.partial(ctx.run, func, *args, **kwargs): without context
        // variables, a partial of func itself, made without partial()'s check that func is callable
        // (ctx.run is; calling func in the worker raises CPython's TypeError)
        no_kwargs();
        expect_args(b, args, 3, 3);
        if (!args[1].is(value_kind::tuple) || !args[2].is(value_kind::dict)) raise_unsupported("_context_call() of other arguments than to_thread's");
        auto p = make_ref<partial_object>();
        p->function = args[0];
        p->args = args[1].as<sequence_object>().items;
        for (const auto& e : args[2].as<dict_object>().entries) {
            if (e.key.is_unbound()) continue;
            if (!e.key.is(value_kind::string)) raise_unsupported("to_thread() with a keyword that is not a string");
            p->keywords.emplace_back(e.key.as<string_object>().s, e.item);
        }
        charge_work(p->args.size() + p->keywords.size());
        return value::of(value_kind::partial, std::move(p));
    }
    case lib_tasks_to_cancel: {
        // The library's runners._cancel_all_tasks: the loop's tasks not done, in the order they were
        // made (CPython's all_tasks() set has its addresses' order; asyncio.run's end uses this one too)
        no_kwargs();
        expect_args(b, args, 1, 1);
        if (!args[0].is(value_kind::loop)) raise_unsupported("cancelling the tasks of what is not an event loop");
        const auto loop = static_ref_cast<loop_object>(args[0].obj);
        std::vector<value> tasks;
        for (auto& t : pending_tasks(loop)) tasks.push_back(value::of(value_kind::future, std::move(t)));
        return value::list(std::move(tasks));
    }
    case a_all_tasks: {
        // tasks.all_tasks(loop=None): the loop's tasks not done, as a set (whose order is the engine's
        // addresses; CPython's is its own)
        auto loop_kw = take_kw("loop");
        no_kwargs();
        expect_args(b, args, 0, 1);
        value loop_arg = !args.empty() ? args[0] : loop_kw.value_or(value::none());
        ref<loop_object> loop;
        if (loop_arg.is(value_kind::none)) {
            if (!running_loop_) raise_error("RuntimeError", "no running event loop");
            loop = running_loop_;
        } else if (loop_arg.is(value_kind::loop)) {
            loop = static_ref_cast<loop_object>(loop_arg.obj);
        } else {
            raise_unsupported("asyncio.all_tasks() of what is not an event loop");
        }
        value s = make_set(false);
        for (auto& t : pending_tasks(loop)) {
            value v = value::of(value_kind::future, std::move(t));
            note_nesting(s, v);
            s.as<set_object>().add(v, python_hash(v), dict_equality());
        }
        return s;
    }
    case a_current_task:
        no_kwargs();
        if (!running_loop_) raise_error("RuntimeError", "no running event loop");
        return current_task_ ? value::of(value_kind::future, current_task_) : value::none();

    // ---- time ----
    case t_sleep: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        double secs = number_arg(args[0], "sleep");
        if (secs < 0) raise_error("ValueError", "sleep length must be non-negative");
        if (now_ + secs > config_.max_program_seconds)
            throw limit_exceeded{"program time would pass " + float_repr(config_.max_program_seconds) + " seconds"};
        if (worker_sleep(secs)) return value::none();
        event e = make_event(event_kind::blocking_sleep);
        e.delay = secs;
        emit(e);
        blocked_until_ = now_ + secs;
        return value::none();
    }
    case r_seed: case r_random: case r_getrandbits: case r_uniform: case r_randint: case r_randrange: case r_choice:
    case r_choices: case r_shuffle: case r_sample: case r_gauss: case r_normalvariate: case r_expovariate:
        return call_random(b.name, args, kwargs);
    case m_function: return call_math(b.name, args, kwargs);
    case dc_function: return call_dataclasses(b.name, args, kwargs);
    case b_slice: {
        // slice(stop), slice(start, stop[, step]): any objects; only their use as indices checks them
        if (!kwargs.empty()) raise_error("TypeError", "slice() takes no keyword arguments");
        if (args.empty()) raise_error("TypeError", "slice expected at least 1 argument, got 0");
        if (args.size() > 3) raise_error("TypeError", "slice expected at most 3 arguments, got " + std::to_string(args.size()));
        auto s = make_ref<slice_object>();
        s->start = args.size() == 1 ? value::none() : args[0];
        s->stop = args.size() == 1 ? args[0] : args[1];
        s->step = args.size() == 3 ? args[2] : value::none();
        return value::of(value_kind::slice, s);
    }
    case sl_indices: {
        // slice.indices(length): _PySlice_GetLongIndices
        if (!kwargs.empty()) raise_error("TypeError", "slice.indices() takes no keyword arguments");
        if (args.size() != 1) raise_error("TypeError", "slice.indices() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        const value& length_value = args[0];
        if (!is_int(length_value)) raise_error("TypeError", "'" + type_name(length_value) + "' object cannot be interpreted as an integer");
        if (int_is_negative(length_value)) raise_error("ValueError", "length should not be negative");
        const auto& s = b.self.as<slice_object>();
        auto index = [](const value& v) -> std::optional<std::int64_t> {
            if (v.is(value_kind::none)) return std::nullopt;
            if (!is_int(v)) raise_error("TypeError", "slice indices must be integers or None or have an __index__ method");
            auto small = small_int(v);
            // CPython computes with ints of any size; the engine's slices stay within 64 bits
            if (!small || *small < -(std::int64_t{1} << 62) || *small > (std::int64_t{1} << 62)) raise_unsupported("slice.indices() beyond 2**62");
            return *small;
        };
        const std::int64_t step = index(s.step).value_or(1);
        if (step == 0) raise_error("ValueError", "slice step cannot be zero");
        const auto start_given = index(s.start);
        const auto stop_given = index(s.stop);
        const auto length = small_int(length_value);
        if (!length || *length > (std::int64_t{1} << 62)) raise_unsupported("slice.indices() of a length beyond 2**62");
        const std::int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? *length - 1 : *length;
        auto clamp = [&](std::optional<std::int64_t> given, std::int64_t otherwise) {
            if (!given) return otherwise;
            std::int64_t x = *given;
            if (x < 0) {
                x += *length;
                if (x < lower) x = lower;
            } else if (x > upper) {
                x = upper;
            }
            return x;
        };
        return value::tuple({value::integer(clamp(start_given, step < 0 ? upper : lower)), value::integer(clamp(stop_given, step < 0 ? lower : upper)),
                             value::integer(step)});
    }
    case b_id: {
        // The address the object's repr shows (made up per run, in the order objects are first shown);
        // None, the bools and the small ints are one object each, as in CPython
        if (!kwargs.empty()) raise_error("TypeError", "id() takes no keyword arguments");
        if (args.size() != 1) raise_error("TypeError", "id() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        const value& v = args[0];
        static const char singletons[4 + 262] = {};
        const void* at = nullptr;
        if (v.is(value_kind::builtin)) raise_unsupported("id() of a builtin function or type (the engine makes them afresh where CPython shares one)");
        // Immutable values CPython may share where the engine makes two (equal constants of a code
        // object, interned strings, the empty tuple, one-character strings) or make afresh where the
        // engine keeps one: their identity is CPython's implementation, not the program's
        const bool shared_or_fresh = v.is(value_kind::string) || v.is(value_kind::tuple) || v.is(value_kind::frozenset) ||
                                     v.is(value_kind::floating) || (v.is(value_kind::integer) && (v.obj || v.i < -5 || v.i > 256));
        if (shared_or_fresh)
            raise_unsupported("id() of an object of type '" + type_name(v) +
                              "' (CPython shares equal constants and interned strings, and makes ints outside -5..256 and floats afresh)");
        if (v.obj) at = v.obj.get();
        else if (v.is(value_kind::none)) at = &singletons[0];
        else if (v.is(value_kind::boolean)) at = &singletons[v.b ? 1 : 2];
        else if (v.is(value_kind::ellipsis)) at = &singletons[3];
        else at = &singletons[4 + v.i + 5];
        work_meter* meter = current_work_meter();
        if (!meter) raise_unsupported("id() outside a run");
        return value::integer(static_cast<std::int64_t>(meter->object_address(at)));
    }
    case b_dir:
        if (!kwargs.empty()) raise_error("TypeError", "dir() takes no keyword arguments");
        expect_args(b, args, 0, 1);
        return dir_list(dir_names(args.empty() ? nullptr : &args[0], program_frame(running_), globals_));
    case b_vars: {
        if (!kwargs.empty()) raise_error("TypeError", "vars() takes no keyword arguments");
        expect_args(b, args, 0, 1);
        // locals() of the calling frame (a dict CPython's frame keeps and refreshes at each call), or the
        // module's globals (with __builtins__, __loader__ …)
        if (args.empty()) raise_unsupported("vars() without an argument");
        const value& v = args[0];
        if (has_instance_dict(v)) return instance_dict(v);
        // CPython's types without a __dict__ (int, list, dict, object() …): its TypeError; the others
        // (classes' mappingproxy, modules, functions, exceptions, enum members) are not modelled
        const std::string kind = type_name(v);
        const bool builtin_kind = !v.is(value_kind::instance) && !v.is(value_kind::exception) && !v.is(value_kind::class_type) &&
                                  !v.is(value_kind::module) && !named_tuple_of(v);
        if ((builtin_kind || (v.is(value_kind::instance) && v.as<instance_object>().cls->is_object)) && !cpython_dir(kind).empty() &&
            !cpython_type_has(kind, "__dict__"))
            raise_error("TypeError", "vars() argument must have __dict__ attribute");
        raise_unsupported("vars() of an object of type '" + kind + "'");
    }
    case ft_partial: return call_functools("partial", args, kwargs);
    case ft_reduce: return call_functools("reduce", args, kwargs);
    case ft_wraps: return call_functools("wraps", args, kwargs);
    case ft_update_wrapper: return call_functools("update_wrapper", args, kwargs);
    case ft_lru_cache: return call_functools("lru_cache", args, kwargs);
    case ft_cache: return call_functools("cache", args, kwargs);
    case ft_lru_decorating: return call_functools("decorating_function", args, kwargs, b.self);
    case ft_cache_parameters: return call_functools("cache_parameters", args, kwargs, b.self);
    case ft_cache_clear: return call_functools("cache_clear", args, kwargs, b.self);
    case ft_cache_info: return call_functools("cache_info", args, kwargs, b.self);
    case cl_type: return call_contextlib(contextlib_role::type, b, args, kwargs);
    case cl_contextmanager: return call_contextlib(contextlib_role::contextmanager, b, args, kwargs);
    case cl_asynccontextmanager: return call_contextlib(contextlib_role::asynccontextmanager, b, args, kwargs);
    case cl_helper: return call_contextlib(contextlib_role::helper, b, args, kwargs);
    case cl_async_helper: return call_contextlib(contextlib_role::async_helper, b, args, kwargs);
    case cl_method: return call_contextlib(contextlib_role::method, b, args, kwargs);
    case it_function: return call_itertools(b.name.substr(std::string_view("itertools.").size()), args, kwargs);
    case eg_derive: case eg_split: case eg_subgroup: return call_exception_group_method(b.name, b.self, args, kwargs);
    case ag_aiter: no_kwargs(); expect_args(b, args, 0, 0); return b.self;
    case ts_write: {
        no_kwargs();
        if (args.size() != 1) raise_error("TypeError", "TextIOWrapper.write() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        if (!args[0].is(value_kind::string)) raise_error("TypeError", "write() argument must be str, not " + type_name(args[0]));
        const std::string& s = args[0].as<string_object>().s;
        charge_work(s.size() / 8);
        write_text(s, b.self.as<text_stream_object>().is_stderr, line);
        return value::integer(static_cast<std::int64_t>(code_point_count(s)));
    }
    case ts_flush: no_kwargs(); expect_args(b, args, 0, 0); return value::none();
    case sys_exit: {
        // sys.exit(status=None, /): PyErr_SetObject(SystemExit, status), which calls SystemExit()
        // for None and SystemExit(*status) for a tuple
        if (!kwargs.empty()) raise_error("TypeError", "sys.exit() takes no keyword arguments");
        if (args.size() > 1) raise_error("TypeError", "exit expected at most 1 argument, got " + std::to_string(args.size()));
        if (!args.empty() && is_instance_of(args[0], "SystemExit")) throw python_error{args[0]};  // raised as it is
        value exc = make_error("SystemExit", "");
        auto& x = exc.as<exception_object>();
        if (!args.empty() && args[0].is(value_kind::tuple)) x.args = args[0].as<sequence_object>().items;
        else if (!args.empty() && !args[0].is(value_kind::none)) x.args.push_back(args[0]);
        throw python_error{std::move(exc)};
    }
    case g_send:
    case g_throw:
    case g_close: {
        const char* method = b.id == g_send ? "send" : b.id == g_throw ? "throw" : "close";
        if (!kwargs.empty()) raise_error("TypeError", std::string("generator.") + method + "() takes no keyword arguments");
        auto& g = b.self.as<generator_object>();
        if (b.id == g_close) {
            if (!args.empty()) raise_error("TypeError", "generator.close() takes no arguments (" + std::to_string(args.size()) + " given)");
            generator_close(g);
            return value::none();
        }
        if (b.id == g_send && args.size() != 1)
            raise_error("TypeError", "generator.send() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        // send is a METH_O method: its call is a level of C recursion of its own (method_vectorcall_O's
        // Py_EnterRecursiveCall), below the generator's frame; throw (METH_FASTCALL) is not
        std::optional<c_level_scope> level;
        if (b.id == g_send) level.emplace(*this, " while calling a Python object");
        bool exhausted = false;
        value item = b.id == g_send ? resume_generator(g, exhausted, args[0], value{}) : generator_throw(g, args, exhausted);
        if (!exhausted) return item;
        raise_generator_stop(g);
    }
    case co_send:
    case co_throw:
    case co_close: {
        const char* method = b.id == co_send ? "send" : b.id == co_throw ? "throw" : "close";
        if (!kwargs.empty()) raise_error("TypeError", std::string("coroutine.") + method + "() takes no keyword arguments");
        auto& coro = b.self.as<coroutine_object>();
        if (b.id == co_close) {
            if (!args.empty()) raise_error("TypeError", "coroutine.close() takes no arguments (" + std::to_string(args.size()) + " given)");
            coroutine_close(coro);
            return value::none();
        }
        if (b.id == co_send && args.size() != 1)
            raise_error("TypeError", "coroutine.send() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        std::optional<c_level_scope> level;  // send: a METH_O method's level of C recursion, as generator.send
        if (b.id == co_send) level.emplace(*this, " while calling a Python object");
        bool returned = false;
        value result = b.id == co_send ? drive_coroutine(coro, args[0], value{}, returned) : coroutine_throw(coro, args, returned);
        if (!returned) return result;
        // Its return value as StopIteration's (none for None, as _PyGen_SetStopIterationValue)
        value stop = make_error("StopIteration", "");
        if (!result.is(value_kind::none)) stop.as<exception_object>().args.push_back(std::move(result));
        throw python_error{std::move(stop)};
    }
    case ag_asend:
    case ag_athrow:
    case ag_aclose: {
        // What awaiting them does is done when they are awaited (start_await), as CPython's awaitables do
        const char* method = b.id == ag_asend ? "asend" : b.id == ag_athrow ? "athrow" : "aclose";
        if (!kwargs.empty()) raise_error("TypeError", std::string("async_generator.") + method + "() takes no keyword arguments");
        if (b.id == ag_asend && args.size() != 1)
            raise_error("TypeError", "async_generator.asend() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        if (b.id == ag_aclose && !args.empty())
            raise_error("TypeError", "async_generator.aclose() takes no arguments (" + std::to_string(args.size()) + " given)");
        auto awaitable = make_ref<coroutine_object>();
        awaitable->agen = static_ref_cast<async_generator_object>(b.self.obj);
        if (b.id == ag_asend) {
            awaitable->native = coroutine_object::native_kind::anext;
            awaitable->sent = std::move(args[0]);
        } else {
            awaitable->native = b.id == ag_athrow ? coroutine_object::native_kind::athrow : coroutine_object::native_kind::aclose;
            awaitable->arguments = std::move(args);
        }
        return value::of(value_kind::coroutine, awaitable);
    }
    case b_aiter: {
        // type(obj).__aiter__(obj), which must give an asynchronous iterator
        if (!kwargs.empty()) raise_error("TypeError", "aiter() takes no keyword arguments");
        expect_args(b, args, 1, 1);
        value it;
        if (args[0].is(value_kind::async_generator)) {
            it = args[0];
        } else if (std::optional<value> method = bound_special(args[0], "__aiter__")) {
            it = call_sync(*method, {});
        } else {
            raise_error("TypeError", "'" + type_name(args[0]) + "' object is not an async iterable");
        }
        if (!it.is(value_kind::async_generator) && !(it.is(value_kind::instance) && it.as<instance_object>().cls->lookup("__anext__")))
            raise_error("TypeError", "aiter() returned not an async iterator of type '" + type_name(it) + "'");
        return it;
    }
    case b_anext: {
        // type(it).__anext__(it); with a default, an awaitable that gives the default for StopAsyncIteration
        if (!kwargs.empty()) raise_error("TypeError", "anext() takes no keyword arguments");
        expect_args(b, args, 1, 2);
        if (args[0].is(value_kind::async_generator)) {
            auto awaitable = make_ref<coroutine_object>();
            awaitable->native = args.size() == 2 ? coroutine_object::native_kind::anext_default : coroutine_object::native_kind::anext;
            awaitable->agen = static_ref_cast<async_generator_object>(args[0].obj);
            if (args.size() == 2) awaitable->sleep_result = std::move(args[1]);
            return value::of(value_kind::coroutine, awaitable);
        }
        std::optional<value> method = args[0].is(value_kind::instance) && args[0].as<instance_object>().cls->lookup("__anext__")
                                          ? bound_special(args[0], "__anext__")
                                          : std::nullopt;
        if (!method) raise_error("TypeError", "'" + type_name(args[0]) + "' object is not an async iterator");
        if (args.size() == 2) raise_unsupported("anext() with a default of an asynchronous iterator that is not an asynchronous generator");
        return call_sync(*method, {});
    }
    case ag_anext: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        auto awaitable = make_ref<coroutine_object>();
        awaitable->native = coroutine_object::native_kind::anext;
        awaitable->agen = static_ref_cast<async_generator_object>(b.self.obj);
        return value::of(value_kind::coroutine, awaitable);
    }
    case t_time: no_kwargs(); expect_args(b, args, 0, 0); return value::floating(epoch_base + now_);
    case t_strftime: {
        // The program's clock (time.time()) as a calendar time in UTC, in the C locale
        no_kwargs();
        if (args.empty()) raise_error("TypeError", "strftime() takes at least 1 argument (0 given)");
        if (args.size() > 2) raise_error("TypeError", "strftime() takes at most 2 arguments (" + std::to_string(args.size()) + " given)");
        if (!args[0].is(value_kind::string)) raise_error("TypeError", "strftime() argument 1 must be str, not " + type_name(args[0]));
        if (args.size() == 2) raise_unsupported("time.strftime() with a time tuple");
        const std::string& format = args[0].as<string_object>().s;
        if (format.find('\0') != std::string::npos) raise_error("ValueError", "embedded null character");
        check_length(format.size() * 32);
        charge_work(format.size());
        return value::string(calendar_text(format, epoch_base + now_));
    }
    case t_ctime: {
        no_kwargs();
        expect_args(b, args, 0, 1);
        double secs = epoch_base + now_;
        if (!args.empty() && !args[0].is(value_kind::none)) {
            if (args[0].is(value_kind::floating)) secs = args[0].f;
            else if (args[0].is(value_kind::integer) && !args[0].obj) secs = static_cast<double>(args[0].i);
            else if (args[0].is(value_kind::integer)) raise_error("OverflowError", "timestamp out of range for platform time_t");
            else raise_error("TypeError", "'" + type_name(args[0]) + "' object cannot be interpreted as an integer");
            if (!(std::fabs(secs) < 1e15)) raise_error(std::isnan(secs) ? "ValueError" : "OverflowError", std::isnan(secs) ? "Invalid value NaN (not a number)" : "timestamp out of range for platform time_t");
        }
        return value::string(calendar_text("%a %b %e %H:%M:%S %Y", secs));
    }
    case t_monotonic:
    case t_perf_counter:
    case l_time: no_kwargs(); expect_args(b, args, 0, 0); return value::floating(now_);

    // ---- the event loop ----
    case l_run_until_complete: {
        no_kwargs();
        expect_args(b, args, 1, 1);
        auto loop = static_ref_cast<loop_object>(b.self.obj);
        value aw = args[0];
        if (worker_running_) raise_unsupported(loop_in_worker_refusal);
        check_loop_can_run(*loop, running_loop_ != nullptr, "run_until_complete", 628);
        ref<future_object> fut;
        if (aw.is(value_kind::coroutine)) {
            fut = create_task(loop, static_ref_cast<coroutine_object>(aw.obj), "", line);
        } else if (aw.is(value_kind::future)) {
            fut = static_ref_cast<future_object>(aw.obj);
        } else {
            value wrapped = ensure_future_refuses(aw, {library_frame("ensure_future", 649, tasks_py, "return _ensure_future(coro_or_future, loop=loop)", "_ensure_future(coro_or_future, loop=loop)"),
                                       library_frame("run_until_complete", 632, base_events_py, "future = tasks.ensure_future(future, loop=self)",
                                                     "tasks.ensure_future(future, loop=self)")});
            fut = create_task(loop, static_ref_cast<coroutine_object>(wrapped.obj), "", line);
        }
        start_run_until_complete(loop, fut, runner_phase::until_complete);
        return value::none();
    }
    case l_run_forever: {
        // BaseEventLoop.run_forever: _run_once until stop() (a deadlock, as always, ends the run)
        no_kwargs();
        expect_args(b, args, 0, 0);
        auto loop = static_ref_cast<loop_object>(b.self.obj);
        if (worker_running_) raise_unsupported(loop_in_worker_refusal);
        check_loop_can_run(*loop, running_loop_ != nullptr, "run_forever", 595);
        start_run_until_complete(loop, nullptr, runner_phase::forever);
        return value::none();
    }
    case l_is_running: no_kwargs(); expect_args(b, args, 0, 0); return value::boolean(b.self.as<loop_object>().running);
    case l_is_closed: no_kwargs(); expect_args(b, args, 0, 0); return value::boolean(b.self.as<loop_object>().closed);
    case l_close: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        auto& loop = b.self.as<loop_object>();
        if (loop.running) raise_error("RuntimeError", "Cannot close a running event loop");
        if (!loop.closed) {
            loop.closed = true;
            loop.ready.clear();
            loop.timers.clear();
            set_loop_state(loop, "closed");
        }
        return value::none();
    }
    case l_stop: {
        no_kwargs();
        b.self.as<loop_object>().stopping = true;
        return value::none();
    }

    case loop_api: case future_api: case handle_api: case a_future: return call_callback_api(b, args, kwargs);
    case object_repr:
        no_kwargs();
        if (!args.empty()) raise_error("TypeError", "object.__repr__() takes no arguments (" + std::to_string(args.size()) + " given)");
        return value::string(object_repr_text(b.self));
    case exception_str:
    case exception_repr:
        no_kwargs();
        if (!args.empty())
            raise_error("TypeError", std::string("BaseException.") + (b.id == exception_str ? "__str__" : "__repr__") + "() takes no arguments (" + std::to_string(args.size()) + " given)");
        return value::string(b.id == exception_str ? b.self.as<exception_object>().message() : base_exception_repr(b.self));

    // ---- tasks and futures ----
    case f_done: no_kwargs(); expect_args(b, args, 0, 0); return value::boolean(as_future()->done());
    case f_cancelled: no_kwargs(); expect_args(b, args, 0, 0); return value::boolean(as_future()->state == future_state::cancelled);
    case f_result: no_kwargs(); expect_args(b, args, 0, 0); return future_result(as_future());
    case f_exception: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        auto fut = as_future();
        if (fut->state == future_state::cancelled) throw python_error{make_cancelled_error(*fut)};
        if (fut->state == future_state::pending) raise_error("InvalidStateError", "Exception is not set.");
        fut->log_traceback = false;
        return fut->exception;
    }
    case f_cancel: {
        auto msg = take_kw("msg");
        no_kwargs();
        expect_args(b, args, 0, 1);
        std::string m = !args.empty() ? str(args[0]) : msg && !msg->is(value_kind::none) ? str(*msg) : "";
        return value::boolean(cancel_any(as_future(), m));
    }
    case f_get_name: no_kwargs(); return value::string(static_cast<task_object&>(*as_future()).name);
    case f_set_name: no_kwargs(); expect_args(b, args, 1, 1); static_cast<task_object&>(*as_future()).name = str(args[0]); return value::none();
    case f_get_coro: no_kwargs(); return value::of(value_kind::coroutine, static_cast<task_object&>(*as_future()).coro);

    // ---- list and tuple ----
    case s_append: no_kwargs(); expect_args(b, args, 1, 1); {
        auto& items = b.self.as<sequence_object>().items;
        check_growth(items, 1);
        note_nesting(b.self, args[0]);
        items.push_back(args[0]);
        return value::none();
    }
    case s_extend: no_kwargs(); expect_args(b, args, 1, 1); {
        auto more = to_vector(args[0]);
        auto& items = b.self.as<sequence_object>().items;
        check_growth(items, more.size());
        for (const auto& m : more) note_nesting(b.self, m);
        items.insert(items.end(), more.begin(), more.end());
        return value::none();
    }
    case s_insert: no_kwargs(); expect_args(b, args, 2, 2); {
        auto& items = b.self.as<sequence_object>().items;
        check_growth(items, 1);
        auto n = static_cast<std::int64_t>(items.size());
        std::int64_t i = int_arg(args[0]);
        if (i < 0) i = std::max<std::int64_t>(0, i + n);
        i = std::min(i, n);
        note_nesting(b.self, args[1]);
        items.insert(items.begin() + i, args[1]);
        return value::none();
    }
    case s_pop: no_kwargs(); expect_args(b, args, 0, 1); {
        auto& items = b.self.as<sequence_object>().items;
        if (items.empty()) raise_error("IndexError", "pop from empty list");
        auto n = static_cast<std::int64_t>(items.size());
        std::int64_t i = args.empty() ? n - 1 : int_arg(args[0]);
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise_error("IndexError", "pop index out of range");
        value v = items[static_cast<std::size_t>(i)];
        items.erase(items.begin() + i);
        return v;
    }
    case s_index:
    case s_count:
    case s_remove: no_kwargs(); expect_args(b, args, 1, b.id == s_index ? 3 : 1); {
        auto& items = b.self.as<sequence_object>().items;
        charge_work(items.size());
        std::int64_t count = 0;
        // index(x, start, stop): a slice of the list, its bounds clamped as a slice's are.
        const auto n = static_cast<std::int64_t>(items.size());
        auto bound = [&](std::size_t k, std::int64_t fallback) {
            if (k >= args.size()) return fallback;
            if (!args[k].is(value_kind::integer) && !args[k].is(value_kind::boolean))
                raise_error("TypeError", "slice indices must be integers or have an __index__ method");
            std::int64_t v = int_arg(args[k]);
            if (v < 0) v = std::max<std::int64_t>(0, v + n);
            return std::min(v, n);
        };
        const auto first = static_cast<std::size_t>(bound(1, 0)), last = static_cast<std::size_t>(bound(2, n));
        for (std::size_t k = first; k < last; ++k) {
            if (!equals(items[k], args[0])) continue;
            if (b.id == s_index) return value::integer(static_cast<std::int64_t>(k));
            if (b.id == s_remove) {
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(k));
                return value::none();
            }
            ++count;
        }
        if (b.id == s_count) return value::integer(count);
        if (b.id == s_index && b.self.is(value_kind::tuple)) raise_error("ValueError", "tuple.index(x): x not in tuple");
        if (b.id == s_index) raise_error("ValueError", repr(args[0]) + " is not in list");
        raise_error("ValueError", "list.remove(x): x not in list");
    }
    case s_clear: no_kwargs(); expect_args(b, args, 0, 0); b.self.as<sequence_object>().items.clear(); return value::none();
    case s_copy: {
        no_kwargs();
        expect_args(b, args, 0, 0);
        const auto& items = b.self.as<sequence_object>().items;
        charge_work(items.size());
        meter_.reserve(items.size() * sizeof(value));
        return value::list(items);
    }
    case s_reverse: no_kwargs(); expect_args(b, args, 0, 0); { auto& items = b.self.as<sequence_object>().items; std::reverse(items.begin(), items.end()); } return value::none();
    case s_sort: {
        if (!args.empty()) raise_error("TypeError", "sort() takes no positional arguments");
        auto reverse = take_kw("reverse");
        auto key = take_kw("key");
        no_kwargs();
        auto& items = b.self.as<sequence_object>().items;
        const bool descending = reverse && int_arg(*reverse) != 0;  // an int, as CPython takes it
        auto copy = items;
        sort_values(copy, key ? *key : value::none(), descending);
        items = std::move(copy);
        return value::none();
    }

    // ---- str ----
    default: break;
    }
    if (b.self.is(value_kind::string) && b.id == str_format) {
        int auto_index = 0;
        return value::string(format_markup(b.self.as<string_object>().s, args, kwargs, 2, auto_index));
    }
    if (b.self.is(value_kind::string) && b.id == str_method) return call_str_method(b.name, b.self.as<string_object>().s, args, kwargs);
    raise_error("TypeError", "'" + b.name + "' is not callable here");
}

// ---- repr of the runtime objects ----

// list.sort and sorted(): a merge sort, as CPython's timsort is, whose comparisons are charged
// before it starts (n log n of them), so a sort too long for one operation is refused, not begun.
// reversed(): a lazy iterator from the end, as CPython's for each type.
value runtime::make_reversed(const value& v)
{
    auto it = make_ref<iterator_object>();
    it->kind = iterator_kind::reversed;
    switch (v.kind) {
    case value_kind::list:
    case value_kind::tuple:
        it->source = v;
        it->index = static_cast<std::int64_t>(v.as<sequence_object>().items.size()) - 1;
        break;
    case value_kind::range:
        it->source = v;
        it->index = v.as<range_object>().length() - 1;
        break;
    case value_kind::deque:
        it->source = v;
        it->index = static_cast<std::int64_t>(v.as<deque_object>().items.size()) - 1;
        it->dict_size = static_cast<std::size_t>(v.as<deque_object>().state);
        break;
    case value_kind::string: {
        // Its code points, so that reversing keeps each UTF-8 sequence whole.
        it->source = value::tuple(to_vector(v));
        it->index = static_cast<std::int64_t>(it->source.as<sequence_object>().items.size()) - 1;
        break;
    }
    case value_kind::dict:
        if (v.as<dict_object>().is_ordered) return make_ordered_dict_iterator(v, true);
        it->source = v;
        it->index = static_cast<std::int64_t>(v.as<dict_object>().entries.size()) - 1;
        it->dict_size = v.as<dict_object>().used;
        break;
    case value_kind::dict_view:
        if (v.as<dict_view_object>().dict.as<dict_object>().is_ordered) return make_ordered_dict_iterator(v, true);
        raise_unsupported("reversed() of a dict view");
    default: raise_error("TypeError", "'" + type_name(v) + "' object is not reversible");
    }
    return value::of(value_kind::iterator, it);
}

namespace {

// The comparisons a merge sort of n items makes at most: what a sort is charged before it starts
std::size_t sort_comparisons(std::size_t n)
{
    std::size_t comparisons = 0;
    for (std::size_t m = n; m > 1; m = (m + 1) / 2) comparisons += n;
    return comparisons;
}

// `items` moved into `order`
void take_in_order(std::vector<value>& items, const std::vector<std::size_t>& order)
{
    std::vector<value> sorted;
    sorted.reserve(items.size());
    for (std::size_t k : order) sorted.push_back(std::move(items[k]));
    items = std::move(sorted);
}

} // namespace

// The indices of `items` in the (stable) order their `<` gives; a comparison that raises raises here
std::vector<std::size_t> runtime::order_by_less_than(const std::vector<value>& items)
{
    std::vector<std::size_t> order(items.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    merge_sort_indices(order, [&](std::size_t x, std::size_t y) {
        return truthy(compare(static_cast<std::int32_t>(compare_op::lt), items[x], items[y]));
    });
    return order;
}

void runtime::sort_values(std::vector<value>& items, const value& key, bool reverse)
{
    if (key.is(value_kind::none)) {
        if (reverse) std::reverse(items.begin(), items.end());
        sort_values(items);
        if (reverse) std::reverse(items.begin(), items.end());
        return;
    }
    // Every key first, in the list's order (as CPython computes them), then the items sorted by them
    std::vector<value> keys;
    check_items(items.size());
    keys.reserve(items.size());
    for (const auto& item : items) keys.push_back(call_sync(key, {item}));
    sort_by_keys(items, std::move(keys), reverse);
}

// list.sort's order once the keys are known: stable, and with reverse=True stable from the end (the
// items and their keys reversed, sorted, reversed back)
void runtime::sort_by_keys(std::vector<value>& items, std::vector<value> keys, bool reverse)
{
    if (reverse) {
        std::reverse(items.begin(), items.end());
        std::reverse(keys.begin(), keys.end());
    }
    charge_work(sort_comparisons(items.size()) * 4);
    take_in_order(items, order_by_less_than(keys));
    if (reverse) std::reverse(items.begin(), items.end());
}

void runtime::sort_values(std::vector<value>& items)
{
    const std::size_t comparisons = sort_comparisons(items.size());
    // Integers compare in a nanosecond or two; anything else goes through compare() (about 4 items).
    bool all_ints = std::all_of(items.begin(), items.end(), [](const value& v) { return v.is(value_kind::integer) && !v.obj; });
    charge_work(all_ints ? comparisons : comparisons * 4);
    meter_.reserve(items.size() * sizeof(value));  // the merge sort's buffer
    if (all_ints) {
        std::stable_sort(items.begin(), items.end(), [](const value& x, const value& y) { return x.i < y.i; });
        return;
    }
    take_in_order(items, order_by_less_than(items));
}

std::vector<std::size_t> runtime::sorted_order(const std::vector<value>& items)
{
    charge_work(sort_comparisons(items.size()) * 4);
    meter_.reserve(items.size() * sizeof(std::size_t));
    try {
        return order_by_less_than(items);
    } catch (const python_error& e) {
        if (!is_instance_of(e.exc, "Exception")) throw;
        std::vector<std::size_t> own(items.size());
        for (std::size_t k = 0; k < own.size(); ++k) own[k] = k;
        return own;
    }
}

bool runtime::is_callable(const value& v)
{
    switch (v.kind) {
    case value_kind::function:
    case value_kind::builtin:
    case value_kind::method:
    case value_kind::partial:
    case value_kind::lru_cache:
    case value_kind::class_type:
    case value_kind::exception_type:
    case value_kind::type_name: return true;
    case value_kind::instance: return v.as<instance_object>().cls->lookup("__call__") != nullptr;
    // ContextDecorator's __call__: a @contextmanager's manager decorates a function
    case value_kind::context_manager:
        return v.as<context_manager_object>().what == context_manager_object::kind::generator ||
               v.as<context_manager_object>().what == context_manager_object::kind::async_generator;
    case value_kind::descriptor: raise_unsupported("callable() of a staticmethod, classmethod or property object");
    case value_kind::typing_form: raise_unsupported("callable() of " + repr(v));
    default: return false;
    }
}

std::string builtin_object::repr_text() const
{
    if (is_type_builtin(*this)) return "<class '" + name + "'>";
    if (id == method_descriptor) return "<method '" + name + "' of '" + self.as<builtin_object>().name + "' objects>";
    // A class method of a builtin type: the type's address, made up as every address is
    if (id == it_function && name == "itertools.tee") return "<built-in function tee>";
    if (id == it_function) return "<built-in method from_iterable of type object at " + object_address(this) + ">";
    if (python_function) return "<function " + name + " at " + object_address(this) + ">";
    if (id == cl_method) {
        const char* type = context_manager_type_name(self.as<context_manager_object>().what);
        return "<bound method " + std::string(type) + "." + name + " of " + self.obj->repr_text() + ">";
    }
    if (self.is(value_kind::none)) return "<built-in function " + name + ">";
    // CPython's own type names: the C classes of asyncio and collections
    std::string type = type_name(self);
    if (self.is(value_kind::future)) type = "_asyncio." + type;
    else if (self.is(value_kind::text_stream)) type = "_io.TextIOWrapper";
    if (id == ag_aiter || id == ag_anext) return "<method-wrapper '" + name + "' of " + type + " object at " + object_address(self.obj.get()) + ">";
    else if (self.is(value_kind::loop)) raise_unsupported("the repr of an event loop's method");  // a Python method of BaseEventLoop there
    return "<built-in method " + name + " of " + type + " object at " + object_address(self.obj.get()) + ">";
}

namespace {

// How base_futures._format_callbacks names a callback asyncio itself added: a C method by its
// qualname, a Python function by its qualname and where it is defined. The places are Debian 12's
// python3.11 (3.11.2); another build of 3.11 has them a few lines apart.
std::string callback_text(const callback& cb)
{
    switch (cb.kind) {
    case callback_kind::task_wakeup: return "Task.task_wakeup()";
    case callback_kind::gather_child: return "gather.<locals>._done_callback() at /usr/lib/python3.11/asyncio/tasks.py:754";
    case callback_kind::stop_loop: return "_run_until_complete_cb() at /usr/lib/python3.11/asyncio/base_events.py:180";
    case callback_kind::task_step: return "Task.task_step()";
    case callback_kind::sleep_timer: return "_set_result_unless_cancelled() at /usr/lib/python3.11/asyncio/futures.py:311";
    case callback_kind::user: return cb.file ? callback_source(cb.function, {}, *cb.file) : "";
    case callback_kind::thread_result: return "_chain_future.<locals>._set_state() at /usr/lib/python3.11/asyncio/futures.py:381";
    case callback_kind::check_cancel: return "_chain_future.<locals>._call_check_cancel() at /usr/lib/python3.11/asyncio/futures.py:387";
    case callback_kind::create_task: return "BaseEventLoop.create_task()";
    }
    return "";
}

// _future_repr_info: the state, the result (reprlib's short repr) or exception, the callbacks
// (the first, how many more, the last). A task's name, coroutine and wait_for go after the state.
std::string future_info(const future_object& f, const std::string& state, const std::string& after_state)
{
    std::string s = state + after_state;
    if (f.state == future_state::finished) {
        if (f.exception.is(value_kind::exception)) s += " exception=" + repr(f.exception);
        else s += " result=" + short_repr(f.result);
    }
    if (!f.callbacks.empty()) {
        // Copies: naming a callback may run the program's __repr__, which may change the list
        const callback first = f.callbacks.front(), last = f.callbacks.back();
        const std::size_t n = f.callbacks.size();
        s += " cb=[" + callback_text(first);
        if (n == 2) s += ", " + callback_text(last);
        else if (n > 2) s += ", <" + std::to_string(n - 2) + " more>, " + callback_text(last);
        s += "]";
    }
    return s;
}

// reprlib.recursive_repr on base_futures._future_repr and base_tasks._task_repr: a future or task met
// again inside its own repr (two tasks awaiting each other, a task in its own result) is "...". A chain
// of tasks each awaiting the next nests a repr a level each, four of CPython's recursion levels a
// level: from a task's code, the 245th is its RecursionError.
class future_repr_entry {
public:
    explicit future_repr_entry(const object* o)
    {
        // The search, and the text of this level made before the next (a repr that ends in
        // RecursionError 244 levels down is work too, done again by a program that loops on it)
        charge_work(open_.size() + 128);
        entered = std::find(open_.begin(), open_.end(), o) == open_.end();
        if (!entered) return;
        if (open_.size() >= max_nesting) raise_error("RecursionError", "maximum recursion depth exceeded");
        open_.push_back(o);
    }
    ~future_repr_entry()
    {
        if (entered) open_.pop_back();
    }
    future_repr_entry(const future_repr_entry&) = delete;
    future_repr_entry& operator=(const future_repr_entry&) = delete;
    bool entered = false;

private:
    static constexpr std::size_t max_nesting = 244;
    static thread_local std::vector<const object*> open_;
};
thread_local std::vector<const object*> future_repr_entry::open_;

const char* state_name(future_state state)
{
    switch (state) {
    case future_state::pending: return "pending";
    case future_state::cancelled: return "cancelled";
    case future_state::finished: return "finished";
    }
    return "";
}

} // namespace

std::string future_object::repr_text() const
{
    future_repr_entry entry(this);
    if (!entry.entered) return "...";
    return std::string(is_gather ? "<_GatheringFuture " : "<Future ") + future_info(*this, state_name(state), "") + ">";
}

// base_tasks._task_repr_info: "cancelling" while a cancel is requested and the task not done.
std::string task_object::repr_text() const
{
    future_repr_entry entry(this);
    if (!entry.entered) return "...";
    std::string shown_coro = " coro=<" + coro_name + "()";
    using native = coroutine_object::native_kind;
    if (coro && (coro->native == native::anext || coro->native == native::anext_default || coro->native == native::athrow ||
                 coro->native == native::aclose)) {
        // An asynchronous generator's awaitable has no name and no code: _format_coroutine's
        // "<async_generator_asend without __name__>()", with no state after it
        shown_coro = " coro=<<" + type_name(value::of(value_kind::coroutine, coro)) + " without __name__>()";
    } else if (state == future_state::pending) {
        std::int32_t line = context.frames.empty() ? def_line : context.frames.front()->line;
        std::string file = file_name;
        // asyncio.sleep once started waits at `await __sleep0()` (delay <= 0) or `return await future`
        if (coro && coro->native == coroutine_object::native_kind::sleep && coro->state != coroutine_object::state_kind::created) {
            const value delay = coro->arguments.empty() ? value::none() : coro->arguments[0];
            const bool at_most_zero = (delay.is(value_kind::floating) && delay.f <= 0) ||
                                      ((delay.is(value_kind::integer) || delay.is(value_kind::boolean)) && !delay.obj && delay.i <= 0);
            line = at_most_zero ? 630 : 639;
        }
        // _wrap_awaitable once started: at its `return (yield from awaitable.__await__())`
        if (coro && coro->native == coroutine_object::native_kind::wrap_awaitable && !context.frames.empty()) line = 684;
        // A coroutine of asyncio's library (wait_for ...): CPython's file and line where marked
        if (!context.frames.empty() && context.frames.front()->code->library)
            std::tie(file, line) = cpython_place(*context.frames.front()->code->library, line);
        shown_coro += def_line ? " running at " + file + ":" + std::to_string(line) : " running";
    } else {
        shown_coro += " done";
        if (def_line) shown_coro += ", defined at " + file_name + ":" + std::to_string(def_line);
    }
    shown_coro += ">";
    if (fut_waiter) {
        std::string waited = fut_waiter->repr_text();
        charge_work(waited.size() / 8);  // copied into this level's text (a chain of n waits copies n * n / 2)
        shown_coro += " wait_for=" + waited;
    }
    const std::string shown_state = num_cancels_requested > 0 && !done() ? "cancelling" : state_name(state);
    return "<Task " + future_info(*this, shown_state, " name=" + repr(value::string(name)) + shown_coro) + ">";
}

int runtime::ag_aiter_id() { return ag_aiter; }
int runtime::ag_anext_id() { return ag_anext; }

std::string coroutine_object::repr_text() const
{
    if (native == native_kind::anext) return "<async_generator_asend object at " + object_address(this) + ">";
    if (native == native_kind::athrow || native == native_kind::aclose) return "<async_generator_athrow object at " + object_address(this) + ">";
    if (native == native_kind::anext_default) return "<anext_awaitable object at " + object_address(this) + ">";
    if (native == native_kind::wrap_awaitable) return "<generator object _wrap_awaitable at " + object_address(this) + ">";
    return "<coroutine object " + name + " at " + object_address(this) + ">";
}

} // namespace loopscope::engine
