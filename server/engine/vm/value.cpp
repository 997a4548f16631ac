#include "value.hpp"
#include "itertools_module.hpp"
#include "escapes.hpp"
#include "typing_forms.hpp"
#include "integers.hpp"
#include "dicts.hpp"
#include "sets.hpp"
#include "deques.hpp"
#include "contextlib_module.hpp"
#include "classes.hpp"
#include "code.hpp"
#include "functions.hpp"

#include "cpython_names.hpp"
#include "work_meter.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace loopscope::engine {

value value::string(std::string s)
{
    return of(value_kind::string, make_ref<string_object>(std::move(s)));
}
value value::list(std::vector<value> items)
{
    return of(value_kind::list, make_ref<sequence_object>(std::move(items)));
}
value value::tuple(std::vector<value> items)
{
    return of(value_kind::tuple, make_ref<sequence_object>(std::move(items)));
}

namespace {
// Objects whose last reference went while another object was being destroyed wait here until the
// outermost destruction takes them, one at a time.
thread_local std::vector<ref<object>>* dying = nullptr;
thread_local int repr_depth = 0;
thread_local std::size_t repr_limit = 1'000'000;
constexpr int max_repr_depth = 300;
#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized_build = true;
#else
constexpr bool sanitized_build = false;
#endif

// A level of PyObject_Repr's recursion: in a run, counted with its Python frames against its
// recursion limit; outside one (a test printing a value), a fixed depth.
struct repr_guard {
    special_methods* counted = nullptr;
    void* token = nullptr;
    explicit repr_guard(const char* where = " while getting the repr of an object")
    {
        // Under AddressSanitizer a level of the engine's recursion takes ten times the stack: there the
        // fixed depth alone keeps a repr that recurses until RecursionError (a Handle among its own
        // arguments, whose output does not depend on the depth) inside max_native_stack_bytes
        if (!sanitized_build) {
            if (auto* meter = current_work_meter(); meter && meter->specials) {
                token = meter->specials->enter_c_level(where);
                counted = meter->specials;
                return;
            }
        }
        if (++repr_depth > max_repr_depth) {
            --repr_depth;
            raise_error("RecursionError", std::string("maximum recursion depth exceeded") + where);
        }
    }
    ~repr_guard()
    {
        if (counted) counted->leave_c_level(token);
        else --repr_depth;
    }
    repr_guard(const repr_guard&) = delete;
    repr_guard& operator=(const repr_guard&) = delete;
};

// The lists and dicts whose repr is being written (CPython's Py_ReprEnter): met again inside
// themselves, they print as [...] or {...}.
thread_local std::vector<const object*> repr_active;
struct repr_entry {
    // A null object (a tuple: it cannot hold itself but through a list) is always entered.
    explicit repr_entry(const object* o)
        : pushed(o != nullptr && std::find(repr_active.begin(), repr_active.end(), o) == repr_active.end()), entered(pushed || o == nullptr)
    {
        if (pushed) repr_active.push_back(o);
    }
    ~repr_entry()
    {
        if (pushed) repr_active.pop_back();
    }
    repr_entry(const repr_entry&) = delete;
    repr_entry& operator=(const repr_entry&) = delete;
    const bool pushed;
    const bool entered;
};
} // namespace

void value::release_object() noexcept
{
    if (obj.use_count() != 1) return;  // not the last reference: the ref only counts down
    if (dying) {
        dying->push_back(std::move(obj));
        return;
    }
    std::vector<ref<object>> pending;
    dying = &pending;
    obj.reset();  // may append the objects it held last references to
    while (!pending.empty()) {
        auto next = std::move(pending.back());
        pending.pop_back();
        next.reset();
    }
    dying = nullptr;
}

release_queue::opening::opening(release_queue& q) : previous_(dying) { dying = &q.items_; }
release_queue::opening::~opening() { dying = previous_; }

void release_queue::push(value v)
{
    if (!v.obj) return;
    opening open(*this);
    value last = std::move(v);  // destroyed here, with the queue open: if it is the last, it joins
}

void set_repr_limit(std::size_t chars) { repr_limit = chars; }

std::int64_t range_object::length() const
{
    if (step > 0 && start < stop) return (stop - start + step - 1) / step;
    if (step < 0 && start > stop) return (start - stop - step - 1) / (-step);
    return 0;
}

exception_type_object::~exception_type_object() = default;

bool exception_type_object::is_subclass_of(const exception_type_object& other) const
{
    for (const exception_type_object* t = this; t; t = t->base.get())
        if (t == &other || (t->second_base && t->second_base->is_subclass_of(other))) return true;
    return false;
}

bool exception_type_object::matches(const value& condition) const
{
    if (condition.is(value_kind::tuple)) {
        for (const auto& t : condition.as<sequence_object>().items)
            if (is_subclass_of(t.as<exception_type_object>())) return true;
        return false;
    }
    return is_subclass_of(condition.as<exception_type_object>());
}

const std::vector<value>& exception_object::group_items() const { return rare->group_exceptions.as<sequence_object>().items; }

std::string exception_object::message() const
{
    if (is_group()) {
        // BaseExceptionGroup.__str__: the message the constructor took, and how many it holds
        const auto n = group_items().size();
        return str(rare->group_message) + " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")";
    }
    if (args.empty()) return "";
    repr_guard guard;  // str(ValueError(ValueError(...))) nests
    if (args.size() == 1) return type->name == "KeyError" ? repr(args[0]) : str(args[0]);
    if (args.size() >= 2 && args.size() <= 5 && type->is_subclass_of(*builtin_exception_type("OSError"))) {
        // OSError(errno, strerror[, filename[, winerror[, filename2]]]): the filenames are kept aside
        // (shape_os_error in interpreter.cpp); with two to five arguments str() shows errno and strerror.
        std::string text = "[Errno " + str(args[0]) + "] " + str(args[1]);
        if (!filename().is(value_kind::none)) text += ": " + repr(filename());
        if (!filename2().is(value_kind::none)) text += " -> " + repr(filename2());
        return text;
    }
    return repr(value::tuple(args));
}

ref<exception_type_object> builtin_exception_type(const std::string& name)
{
    // CPython's whole builtin hierarchy (from python3 itself: cpython_names.inc), and asyncio's own.
    // One table a thread: values are counted without atomics (ref.hpp)
    thread_local const std::map<std::string, ref<exception_type_object>> types = [] {
        memory_scope process_wide(nullptr);  // built once, not charged to the run that asks first
        std::map<std::string, ref<exception_type_object>> m;
        auto add = [&m](const std::string& n, const std::string& base, const std::string& qualified = "") {
            auto t = make_ref<exception_type_object>();
            t->name = n;
            t->qualified = qualified.empty() ? n : qualified;
            if (!base.empty()) t->base = m.at(base);
            m[n] = t;
        };
        // Left out, so that a program naming them is refused up front: the Unicode errors whose
        // constructors take five typed arguments.
        auto modelled = [](std::string_view n) {
            return n != "UnicodeDecodeError" && n != "UnicodeEncodeError" && n != "UnicodeTranslateError";
        };
        const auto table = cpython_exceptions_table();
        for (std::size_t k = 0; k < table.class_count; ++k)
            if (modelled(table.classes[k].name)) add(table.classes[k].name, table.classes[k].base);
        for (std::size_t k = 0; k < table.alias_count; ++k) m[table.aliases[k].name] = m.at(table.aliases[k].base);
        m.at("ExceptionGroup")->second_base = m.at("Exception");
        add("CancelledError", "BaseException", "asyncio.exceptions.CancelledError");
        add("InvalidStateError", "Exception", "asyncio.exceptions.InvalidStateError");
        return m;
    }();
    auto it = types.find(name);
    return it == types.end() ? nullptr : it->second;
}

void raise_unsupported(const std::string& what) { throw unsupported_feature{what + " is not supported by loopscope"}; }

value make_error(const std::string& type, const std::string& message)
{
    auto e = make_ref<exception_object>();
    e->type = builtin_exception_type(type);
    if (!e->type) e->type = builtin_exception_type("RuntimeError");
    if (!message.empty()) e->args.push_back(value::string(message));
    return value::of(value_kind::exception, e);
}

std::string object_address(const object* o)
{
    // Outside a run (a test printing a value) there is no run to number objects: one sequence per thread.
    thread_local std::vector<const object*> outside_runs;
    std::uint64_t address = 0;
    if (auto* meter = current_work_meter()) {
        address = meter->object_address(o);
    } else {
        auto it = std::find(outside_runs.begin(), outside_runs.end(), o);
        if (it == outside_runs.end()) it = outside_runs.insert(outside_runs.end(), o);
        address = 0x7f3c2a5e1000 + 0x60 * static_cast<std::uint64_t>(it - outside_runs.begin());
    }
    char text[32];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(address));
    return text;
}

std::string iterator_type_name(const iterator_object& it)
{
    const value& src = it.source;
    // odictiter: every iterator of an OrderedDict and of its views, either way
    if ((src.is(value_kind::dict) && src.as<dict_object>().is_ordered) ||
        (src.is(value_kind::dict_view) && src.as<dict_view_object>().dict.as<dict_object>().is_ordered))
        return "odict_iterator";
    switch (it.kind) {
    case iterator_kind::enumerate: return "enumerate";
    case iterator_kind::zip: return "zip";
    case iterator_kind::map: return "map";
    case iterator_kind::filter: return "filter";
    case iterator_kind::itertools: return itertools_type_name(static_cast<const itertools_object&>(it));
    case iterator_kind::reversed:
        if (src.is(value_kind::list)) return "list_reverseiterator";
        if (src.is(value_kind::range)) return "range_iterator";
        if (src.is(value_kind::dict)) return "dict_reversekeyiterator";
        if (src.is(value_kind::deque)) return "_collections._deque_reverse_iterator";
        return "reversed";
    case iterator_kind::sequence: break;
    }
    switch (src.kind) {
    case value_kind::future: return "FutureIter";  // `yield from fut` (Future.__iter__)
    case value_kind::tuple: return "tuple_iterator";
    case value_kind::range: return "range_iterator";
    case value_kind::string: {
        for (char c : src.as<string_object>().s)
            if (static_cast<unsigned char>(c) >= 0x80) return "str_iterator";
        return "str_ascii_iterator";
    }
    case value_kind::dict: return "dict_keyiterator";
    case value_kind::deque: return "_collections._deque_iterator";
    case value_kind::set:
    case value_kind::frozenset: return "set_iterator";
    case value_kind::dict_view: {
        const auto view = src.as<dict_view_object>().view;
        return view == dict_view_kind::keys ? "dict_keyiterator" : view == dict_view_kind::values ? "dict_valueiterator" : "dict_itemiterator";
    }
    default: return "list_iterator";
    }
}

std::string traceback_object::repr_text() const { return "<traceback object at " + object_address(this) + ">"; }
std::string iterator_object::repr_text() const
{
    return "<" + std::string(source.is(value_kind::future) ? "_asyncio." : "") + iterator_type_name(*this) + " object at " + object_address(this) + ">";
}

std::string function_object::repr_text() const
{
    return "<function " + qualname() + " at " + object_address(this) + ">";
}

std::string lru_cache_object::repr_text() const
{
    return "<functools._lru_cache_wrapper object at " + object_address(this) + ">";
}

std::size_t attribute_table::entry_of(std::uint32_t sequence_number) const
{
    const auto& seq = index->sequence;
    // Until a name is deleted, entry k has sequence number k
    if (sequence_number < seq.size() && seq[sequence_number] == sequence_number) return sequence_number;
    const auto end = seq.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(sequence_number, seq.size()));
    return static_cast<std::size_t>(std::lower_bound(seq.begin(), end, sequence_number) - seq.begin());
}

std::size_t attribute_table::indexed_position(std::string_view name, std::uint64_t hash, std::size_t* slot) const
{
    const auto& slots = index->slots;
    const std::size_t mask = slots.size() - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::uint64_t perturb = hash;
    std::size_t free_slot = slots.size();
    std::size_t probes = 0;
    for (;; ++probes) {
        const std::uint32_t s = slots[i];
        if (s == indexed::empty) {
            if (slot) *slot = free_slot < slots.size() ? free_slot : i;
            break;
        }
        if (s == indexed::deleted) {
            if (free_slot == slots.size()) free_slot = i;
        } else {
            const std::size_t k = entry_of(s);
            if (index->hashes[k] == hash && same_name(entries[k].first, name)) {
                if (slot) *slot = i;
                if (probes) charge_work(probes);
                return k;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    // Names that collide cost their probes (a program could choose them)
    if (probes) charge_work(probes);
    return entries.size();
}

void attribute_table::rebuild_index(std::size_t slot_count)
{
    charge_work(entries.size() + slot_count / 4);
    auto& ix = *index;
    ix.slots.assign(slot_count, indexed::empty);
    ix.filled = entries.size();
    const std::size_t mask = slot_count - 1;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const std::uint64_t hash = ix.hashes[k];
        std::size_t i = static_cast<std::size_t>(hash) & mask;
        std::uint64_t perturb = hash;
        while (ix.slots[i] != indexed::empty) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        ix.slots[i] = ix.sequence[k];
    }
}

void attribute_table::set(const std::string& name, value v)
{
    if (index && index->next_sequence >= indexed::deleted) reindex();  // numbers used up (billions of sets and deletes)
    const std::uint64_t hash = index ? name_hash(name) : 0;
    std::size_t slot = 0;
    const std::size_t k = index ? indexed_position(name, hash, &slot) : position(name);
    if (k < entries.size()) {
        entries[k].second = std::move(v);
        return;
    }
    const bool rebuilds = index_rebuilds();
    if (entries.size() == entries.capacity() || rebuilds) before_growth(rebuilds);
    entries.emplace_back(name, std::move(v));
    if (!index) {
        if (entries.size() > index_from) reindex();
        return;
    }
    auto& ix = *index;
    if (ix.sequence.capacity() < entries.capacity()) {  // asked for in before_growth
        ix.sequence.reserve(entries.capacity());
        ix.hashes.reserve(entries.capacity());
    }
    const std::uint32_t number = ix.next_sequence++;
    ix.sequence.push_back(number);
    ix.hashes.push_back(hash);
    if (rebuilds) {
        rebuild_index(std::max<std::size_t>(64, std::bit_ceil(entries.size() * 3)));
        return;
    }
    if (ix.slots[slot] == indexed::empty) ++ix.filled;
    ix.slots[slot] = number;
}

bool attribute_table::remove(std::string_view name)
{
    std::size_t slot = 0;
    const std::size_t k = index ? indexed_position(name, name_hash(name), &slot) : position(name);
    if (k == entries.size()) return false;
    // The names after it move up (their sequence numbers and hashes with them; the index keeps those, not positions)
    if (work_meter* meter = current_work_meter()) meter->charge(entries.size() - k);
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(k));
    if (index) {
        index->slots[slot] = indexed::deleted;
        index->sequence.erase(index->sequence.begin() + static_cast<std::ptrdiff_t>(k));
        index->hashes.erase(index->hashes.begin() + static_cast<std::ptrdiff_t>(k));
    }
    return true;
}

void attribute_table::before_growth(bool rebuilds) const
{
    work_meter* meter = current_work_meter();
    if (!meter) return;
    // An entry, and its sequence number and hash beside it
    const std::size_t slot_bytes = sizeof(entries.front()) + (index ? sizeof(std::uint32_t) + sizeof(std::uint64_t) : 0);
    std::size_t bytes = entries.size() < entries.capacity() ? 0 : std::max<std::size_t>(4, 2 * entries.capacity()) * slot_bytes;
    if (rebuilds) bytes += std::bit_ceil((entries.size() + 1) * 3) * sizeof(std::uint32_t);
    meter->reserve(bytes);
}

void attribute_table::reindex()
{
    index.reset();
    if (entries.size() <= index_from) return;
    index = std::make_unique<indexed>();
    auto& ix = *index;
    ix.sequence.reserve(entries.capacity());
    ix.hashes.reserve(entries.capacity());
    for (std::size_t k = 0; k < entries.size(); ++k) {
        ix.sequence.push_back(static_cast<std::uint32_t>(k));
        ix.hashes.push_back(name_hash(entries[k].first));
    }
    ix.next_sequence = static_cast<std::uint32_t>(entries.size());
    rebuild_index(std::max<std::size_t>(64, std::bit_ceil(entries.size() * 3)));
}

const std::string& function_object::name() const
{
    return ns ? ns->name : code->name;
}

const std::string& function_object::qualname() const
{
    return ns ? ns->qualname : code->qualname;
}

function_namespace& function_object::writable_namespace()
{
    if (!ns) {
        ns = std::make_unique<function_namespace>();
        ns->name = code->name;
        ns->qualname = code->qualname;
        ns->doc = code->doc;
        ns->module = value::string("__main__");
    }
    return *ns;
}

void raise_key_error(const value& key)
{
    value exc = make_error("KeyError", "");
    exc.as<exception_object>().args.push_back(key);
    throw python_error{std::move(exc)};
}

void raise_error(const std::string& type, const std::string& message)
{
    throw python_error{make_error(type, message)};
}

void raise_from_library(const std::string& type, const std::string& message, std::initializer_list<traceback_entry> frames)
{
    value e = make_error(type, message);
    auto& traceback = e.as<exception_object>().traceback;
    traceback.insert(traceback.end(), frames);
    throw python_error{std::move(e)};
}

void raise_name_error(const std::string& name, const std::string& message)
{
    value e = make_error("NameError", message);
    auto lookup = std::make_unique<name_lookup>();
    lookup->name = name;
    e.as<exception_object>().rare_for_writing().lookup = std::move(lookup);
    throw python_error{std::move(e)};
}

void raise_attribute_error(const value& obj, const std::string& name, const std::string& message)
{
    value e = make_error("AttributeError", message);
    auto lookup = std::make_unique<name_lookup>();
    lookup->name = name;
    lookup->attribute = true;
    lookup->in = obj;
    e.as<exception_object>().rare_for_writing().lookup = std::move(lookup);
    throw python_error{std::move(e)};
}

bool is_instance_of(const value& exc, const std::string& type_name)
{
    if (!exc.is(value_kind::exception)) return false;
    auto t = builtin_exception_type(type_name);
    return t && exc.as<exception_object>().type->is_subclass_of(*t);
}

std::size_t code_point_count(std::string_view s)
{
    charge_work(s.size() / 8);  // a scan of the whole string (len() of a million characters is not free here)
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<std::size_t> code_point_offsets(const std::string& s)
{
    charge_work(s.size() / 4);  // a scan, and 8 bytes written for each character
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < s.size();) {
        offsets.push_back(i);
        std::size_t n = utf8_sequence_length(s, i);
        i += n ? n : 1;
    }
    offsets.push_back(s.size());
    return offsets;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i)
{
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) return 0; // surrogates
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return n;
}

std::string float_repr(double d)
{
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0.0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    // sci looks like "-1.2345e+02": split into sign, digits and exponent.
    std::string sign;
    std::size_t pos = 0;
    if (sci[0] == '-') { sign = "-"; pos = 1; }
    auto e = sci.find('e');
    std::string mantissa = sci.substr(pos, e - pos);
    int exponent = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : mantissa)
        if (c != '.') digits += c;
    if (exponent >= -4 && exponent < 16) {
        std::string out;
        if (exponent < 0) {
            out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        } else {
            auto intlen = static_cast<std::size_t>(exponent + 1);
            if (digits.size() <= intlen) {
                out = digits + std::string(intlen - digits.size(), '0') + ".0";
            } else {
                out = digits.substr(0, intlen) + "." + digits.substr(intlen);
            }
        }
        return sign + out;
    }
    std::string m = digits.size() > 1 ? digits.substr(0, 1) + "." + digits.substr(1) : digits;
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return sign + m + ebuf;
}

namespace {
void string_repr_into(std::string& out, const std::string& s)
{
    charge_work(s.size() / 8);
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    out += quote;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // Beyond ASCII: itself if Python counts it printable, else \xhh, \uhhhh or \Uhhhhhhhh.
            const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(s, i));
            std::uint32_t code = n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
            for (std::size_t k = 1; k < n && i + k < s.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
            if (cpython_printable(code)) {
                out.append(s, i, n);
            } else {
                append_code_escape(out, code);
            }
            i += n - 1;
            continue;
        }
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c == static_cast<unsigned char>(quote)) {
                out += '\\';
                out += static_cast<char>(c);
            } else if (c < 0x20 || c == 0x7f) {
                append_code_escape(out, c);
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += quote;
}

namespace {
// Inside event_text: how long an event's text may grow, and what ends it when it would grow longer
thread_local std::size_t event_text_limit = 0;
struct event_text_cut {
    std::string text;
};
} // namespace

void check_repr_size(const std::string& out)
{
    if (event_text_limit && out.size() > event_text_limit) {
        std::size_t end = event_text_limit;
        while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) --end;  // a whole character
        throw event_text_cut{out.substr(0, end) + "\u2026"};
    }
    if (out.size() > repr_limit)
        throw limit_exceeded{"a printed value would be longer than " + std::to_string(repr_limit) + " characters"};
}

// repr() writes into one buffer, so that its size is checked as it grows (a value that shares its
// parts can have a repr exponentially longer than itself) and each part visited is charged.
// repr()/str() of a named tuple: its class's __repr__/__str__, through the run's runtime
std::string named_tuple_text_of(const value& v, bool as_repr)
{
    if (auto* meter = current_work_meter(); meter && meter->specials) return meter->specials->named_tuple_text(v, as_repr);
    return "<" + named_tuple_of(v)->cls->name + " object>";
}

std::string instance_text_of(const value& v, bool as_repr)
{
    if (auto* meter = current_work_meter(); meter && meter->specials) return meter->specials->instance_text(v, as_repr);
    return object_repr_text(v);
}

void repr_into(std::string& out, const value& v);

// BaseException.__repr__: its type's name and its arguments' reprs
void base_exception_repr_into(std::string& out, const exception_object& e)
{
    out += e.type->name;
    out += "(";
    for (std::size_t k = 0; k < e.args.size(); ++k) {
        charge_work(1);
        if (k) out += ", ";
        repr_into(out, e.args[k]);
        check_repr_size(out);
    }
    out += ")";
}

void repr_into(std::string& out, const value& v)
{
    switch (v.kind) {
    case value_kind::none: out += "None"; return;
    case value_kind::boolean: out += v.b ? "True" : "False"; return;
    case value_kind::integer: out += v.obj ? int_to_decimal(v) : std::to_string(v.i); return;
    case value_kind::floating: out += float_repr(v.f); return;
    case value_kind::ellipsis: out += "Ellipsis"; return;
    case value_kind::string: string_repr_into(out, v.as<string_object>().s); break;
    case value_kind::list:
    case value_kind::tuple: {
        repr_guard guard;
        if (named_tuple_of(v)) {
            out += named_tuple_text_of(v, true);
            break;
        }
        const auto& items = v.as<sequence_object>().items;
        bool is_list = v.kind == value_kind::list;
        repr_entry entry(is_list ? v.obj.get() : nullptr);
        if (!entry.entered) {
            out += "[...]";
            break;
        }
        out += is_list ? "[" : "(";
        // CPython's PyObject_Repr of each item is a level too: for the items below that enter none of
        // their own (numbers, text), one level while they are written
        std::optional<repr_guard> leaves;
        for (const auto& item : items)
            if (item.kind == value_kind::integer || item.kind == value_kind::floating || item.kind == value_kind::string ||
                item.kind == value_kind::boolean || item.kind == value_kind::none) {
                leaves.emplace();
                break;
            }
        for (std::size_t k = 0; k < items.size(); ++k) {
            charge_work(1);
            if (k) out += ", ";
            repr_into(out, items[k]);
            check_repr_size(out);
        }
        if (!is_list && items.size() == 1) out += ",";
        out += is_list ? "]" : ")";
        break;
    }
    case value_kind::deque: {
        // deque_repr: the items as a list (its own repr, so a deque met again inside is [...]), then maxlen
        repr_guard guard;
        const auto& d = v.as<deque_object>();
        repr_entry entry(v.obj.get());
        if (!entry.entered) {
            out += "[...]";
            break;
        }
        charge_work(d.items.size());
        const std::vector<value> items(d.items.begin(), d.items.end());
        out += "deque([";
        for (std::size_t k = 0; k < items.size(); ++k) {
            charge_work(1);
            if (k) out += ", ";
            repr_into(out, items[k]);
            check_repr_size(out);
        }
        out += "]";
        if (d.maxlen >= 0) out += ", maxlen=" + std::to_string(d.maxlen);
        out += ")";
        break;
    }
    case value_kind::dict: {
        repr_guard guard;
        const auto& d = v.as<dict_object>();
        if (d.is_counter) {
            // Counter.__repr__: Counter() when empty, else Counter({...}) of dict(self.most_common())
            if (d.used == 0) {
                out += "Counter()";
                break;
            }
            repr_entry entry(v.obj.get());
            // CPython recurses until RecursionError: a Counter holding itself
            if (!entry.entered) raise_unsupported("the repr of a Counter that holds itself");
            auto* meter = current_work_meter();
            std::vector<std::pair<value, value>> items;
            if (meter && meter->specials) {
                items = meter->specials->counter_repr_items(v);
            } else {
                for (const auto& e : d.entries)
                    if (!e.key.is_unbound()) items.emplace_back(e.key, e.item);
            }
            out += "Counter({";
            bool first = true;
            for (const auto& [key, item] : items) {
                charge_work(1);
                if (!first) out += ", ";
                first = false;
                repr_into(out, key);
                out += ": ";
                repr_into(out, item);
                check_repr_size(out);
            }
            out += "})";
            break;
        }
        if (d.is_ordered) {
            // odict_repr: "..." met again inside itself, OrderedDict() when empty, else the list of its pairs
            repr_entry entry(v.obj.get());
            if (!entry.entered) {
                out += "...";
                break;
            }
            if (d.used == 0) {
                out += "OrderedDict()";
                break;
            }
            out += "OrderedDict([";
            bool first = true;
            for (const auto& e : d.entries) {
                if (e.key.is_unbound()) continue;
                charge_work(1);
                if (!first) out += ", ";
                first = false;
                out += "(";
                repr_into(out, e.key);
                out += ", ";
                repr_into(out, e.item);
                out += ")";
                check_repr_size(out);
            }
            out += "])";
            break;
        }
        const bool defaulting = d.default_factory != nullptr;
        if (defaulting) {
            // defdict_repr: defaultdict(<factory>, <dict's repr>); the factory met again inside its own repr is "..."
            out += "defaultdict(";
            {
                repr_entry factory_entry(d.default_factory->obj.get());
                if (!factory_entry.entered) {
                    out += "...";
                } else {
                    const value factory = *d.default_factory;
                    repr_into(out, factory);
                }
            }
            out += ", ";
        }
        repr_entry entry(v.obj.get());
        if (!entry.entered) {
            out += defaulting ? "{...})" : "{...}";
            break;
        }
        out += "{";
        bool first = true;
        for (const auto& e : d.entries) {
            if (e.key.is_unbound()) continue;
            charge_work(1);
            if (!first) out += ", ";
            first = false;
            repr_into(out, e.key);
            out += ": ";
            repr_into(out, e.item);
            check_repr_size(out);
        }
        out += defaulting ? "})" : "}";
        break;
    }
    case value_kind::set:
    case value_kind::frozenset: {
        // {1, 2}, set(), frozenset({1, 2}), frozenset(); met again inside itself: set(...) (set_repr).
        repr_guard guard;
        const auto& so = v.as<set_object>();
        const bool frozen = v.is(value_kind::frozenset);
        repr_entry entry(v.obj.get());
        if (!entry.entered) {
            out += frozen ? "frozenset(...)" : "set(...)";
            break;
        }
        if (so.used == 0) {
            out += frozen ? "frozenset()" : "set()";
            break;
        }
        if (frozen) out += "frozenset(";
        out += "{";
        bool first = true;
        for (std::size_t k = 0; k < so.slots.size(); ++k) {
            const value* key = so.key_at(k);
            if (!key) continue;
            charge_work(1);
            if (!first) out += ", ";
            first = false;
            repr_into(out, *key);
            check_repr_size(out);
        }
        out += "}";
        if (frozen) out += ")";
        break;
    }
    case value_kind::dict_view: {
        repr_guard guard;
        const auto& view = v.as<dict_view_object>();
        // A view met again inside itself (d[1] = d.values()) prints as "...", as CPython's dictview_repr.
        repr_entry entry(v.obj.get());
        if (!entry.entered) {
            out += "...";
            break;
        }
        out += type_name(v) + "([";
        bool first = true;
        for (const auto& e : view.dict.as<dict_object>().entries) {
            if (e.key.is_unbound()) continue;
            charge_work(1);
            if (!first) out += ", ";
            first = false;
            if (view.view == dict_view_kind::keys) repr_into(out, e.key);
            else if (view.view == dict_view_kind::values) repr_into(out, e.item);
            else {
                out += "(";
                repr_into(out, e.key);
                out += ", ";
                repr_into(out, e.item);
                out += ")";
            }
            check_repr_size(out);
        }
        out += "])";
        break;
    }
    case value_kind::slice: {
        repr_guard guard;
        const auto& sl = v.as<slice_object>();
        out += "slice(";
        repr_into(out, sl.start);
        out += ", ";
        repr_into(out, sl.stop);
        out += ", ";
        repr_into(out, sl.step);
        out += ")";
        break;
    }
    case value_kind::range: {
        const auto& r = v.as<range_object>();
        out += "range(" + std::to_string(r.start) + ", " + std::to_string(r.stop);
        if (r.step != 1) out += ", " + std::to_string(r.step);
        out += ")";
        break;
    }
    case value_kind::exception: {
        repr_guard guard;
        if (auto* meter = current_work_meter(); meter && meter->specials) {
            if (std::string text; meter->specials->exception_text(v, true, text)) {
                out += text;
                break;
            }
        }
        base_exception_repr_into(out, v.as<exception_object>());
        break;
    }
    case value_kind::exception_type: {
        const auto& t = v.as<exception_type_object>();
        out += std::string("<class '") + (t.in_main ? "__main__." : "") + t.qualified + "'>";
        break;
    }
    case value_kind::type_name: out += "<class '" + v.as<type_name_object>().name + "'>"; break;
    case value_kind::module: out += "<module '" + v.as<module_object>().name + "'>"; break;
    case value_kind::instance: {
        repr_guard guard;
        out += instance_text_of(v, true);
        break;
    }
    case value_kind::descriptor: {
        repr_guard guard;
        const auto& d = v.as<descriptor_object>();
        if (d.what == descriptor_object::kind::property) {
            out += "<property object at " + object_address(v.obj.get()) + ">";
            break;
        }
        out += d.what == descriptor_object::kind::static_method ? "<staticmethod(" : "<classmethod(";
        repr_into(out, d.function);
        out += ")>";
        break;
    }
    case value_kind::partial: {
        // partial_repr: the function, the arguments, then name=value for each keyword
        repr_guard guard;
        const auto& p = v.as<partial_object>();
        out += "functools.partial(";
        repr_into(out, p.function);
        for (const auto& a : p.args) {
            out += ", ";
            repr_into(out, a);
        }
        for (const auto& [key, a] : p.keywords) {
            out += ", " + key + "=";
            repr_into(out, a);
        }
        out += ")";
        break;
    }
    case value_kind::method: {
        repr_guard guard;
        const auto& m = v.as<method_object>();
        out += "<bound method " + (m.function.is(value_kind::builtin) ? m.function.as<builtin_object>().name : m.function.as<function_object>().qualname()) + " of ";
        repr_into(out, m.self);
        out += ">";
        break;
    }
    default: {
        // Tasks and futures show their result, which may be another task.
        repr_guard guard;
        out += v.obj ? v.obj->repr_text() : "<object>";
        break;
    }
    }
    check_repr_size(out);
}
} // namespace

std::string object_repr_text(const value& v)
{
    const auto& cls = *v.as<instance_object>().cls;
    return "<" + (cls.module == "builtins" ? cls.name : cls.module + "." + cls.qualname) + " object at " + object_address(v.obj.get()) + ">";
}

std::string base_exception_repr(const value& v)
{
    repr_guard guard;
    std::string out;
    base_exception_repr_into(out, v.as<exception_object>());
    return out;
}

std::string repr(const value& v)
{
    std::string out;
    repr_into(out, v);
    return out;
}

namespace {
thread_local bool quiet_repr = false;
}

quiet_repr_scope::quiet_repr_scope() : saved_(quiet_repr) { quiet_repr = true; }
quiet_repr_scope::~quiet_repr_scope() { quiet_repr = saved_; }
bool quiet_repr_scope::active() { return quiet_repr; }

std::string event_text(const std::function<std::string()>& make, const std::function<std::string()>& fallback)
{
    quiet_repr_scope quiet;
    const std::size_t saved = event_text_limit;
    event_text_limit = max_event_text;
    struct restore {
        std::size_t saved;
        ~restore() { event_text_limit = saved; }
    } on_exit{saved};
    try {
        std::string text = make();
        if (text.size() > max_event_text) check_repr_size(text);
        return text;
    } catch (const event_text_cut& cut) {
        return cut.text;
    } catch (const python_error&) {
        // What CPython would raise if asked (a 5,000-digit int's str, a repr too deep)
        return fallback();
    }
}

std::string event_repr(const value& v)
{
    return event_text([&] { return repr(v); }, [&] { return "<" + type_name(v) + " object>"; });
}

std::string str(const value& v)
{
    if (named_tuple_of(v)) return named_tuple_text_of(v, false);
    switch (v.kind) {
    case value_kind::string: return v.as<string_object>().s;
    case value_kind::exception: {
        if (auto* meter = current_work_meter(); meter && meter->specials) {
            repr_guard guard(" while getting the str of an object");
            if (std::string text; meter->specials->exception_text(v, false, text)) return text;
        }
        return v.as<exception_object>().message();
    }
    case value_kind::instance: {
        repr_guard guard(" while getting the str of an object");  // PyObject_Str's level
        return instance_text_of(v, false);
    }
    default: return repr(v);
    }
}

std::string type_name(const value& v)
{
    switch (v.kind) {
    case value_kind::none: return "NoneType";
    case value_kind::boolean: return "bool";
    case value_kind::integer: return "int";
    case value_kind::floating: return "float";
    case value_kind::ellipsis: return "ellipsis";
    case value_kind::string: return "str";
    case value_kind::list: return "list";
    case value_kind::tuple: return named_tuple_of(v) ? named_tuple_of(v)->cls->name : "tuple";
    case value_kind::range: return "range";
    case value_kind::iterator: return iterator_type_name(v.as<iterator_object>());
    case value_kind::slice: return "slice";
    case value_kind::function: return "function";
    case value_kind::builtin: {
        const auto& b = v.as<builtin_object>();
        return b.python_function ? "function" : b.is_method_descriptor ? "method_descriptor" : "builtin_function_or_method";
    }
    case value_kind::coroutine:
        // The awaitables of an asynchronous generator's methods and anext() are types of their own
        switch (v.as<coroutine_object>().native) {
        case coroutine_object::native_kind::anext: return "async_generator_asend";
        case coroutine_object::native_kind::athrow:
        case coroutine_object::native_kind::aclose: return "async_generator_athrow";
        case coroutine_object::native_kind::anext_default: return "anext_awaitable";
        case coroutine_object::native_kind::wrap_awaitable: return "generator";
        default: return "coroutine";
        }
    case value_kind::future:
    case value_kind::handle: return v.obj->type_name_text();
    case value_kind::module: return "module";
    case value_kind::loop: return "_UnixSelectorEventLoop";
    case value_kind::exception: return v.as<exception_object>().type->name;
    case value_kind::exception_type:
    case value_kind::type_name: return "type";
    case value_kind::dict:
        return v.as<dict_object>().default_factory ? "collections.defaultdict"
               : v.as<dict_object>().is_counter    ? "Counter"
               : v.as<dict_object>().is_ordered    ? "collections.OrderedDict"
                                                   : "dict";
    case value_kind::set: return "set";
    case value_kind::frozenset: return "frozenset";
    case value_kind::deque: return "collections.deque";  // its tp_name, as CPython's messages name it
    case value_kind::partial: return "functools.partial";
    case value_kind::lru_cache: return "functools._lru_cache_wrapper";
    case value_kind::context_manager: return context_manager_type_name(v.as<context_manager_object>().what);
    case value_kind::cell: return "cell";
    case value_kind::generator: return "generator";
    case value_kind::async_generator: return "async_generator";
    case value_kind::text_stream: return "TextIOWrapper";
    case value_kind::class_type: return "type";
    case value_kind::instance: return v.as<instance_object>().cls->name;
    case value_kind::method: return "method";
    case value_kind::super_proxy: return "super";
    case value_kind::traceback: return "traceback";
    case value_kind::typing_form: return typing_type_name(v.as<typing_form>());
    case value_kind::descriptor: {
        const auto what = v.as<descriptor_object>().what;
        return what == descriptor_object::kind::property ? "property" : what == descriptor_object::kind::static_method ? "staticmethod" : "classmethod";
    }
    case value_kind::dict_view: {
        const auto view = v.as<dict_view_object>().view;
        const char* prefix = v.as<dict_view_object>().dict.as<dict_object>().is_ordered ? "odict_" : "dict_";
        return std::string(prefix) + (view == dict_view_kind::keys ? "keys" : view == dict_view_kind::values ? "values" : "items");
    }
    }
    return "object";
}

bool truthy(const value& v)
{
    switch (v.kind) {
    case value_kind::none: return false;
    case value_kind::boolean: return v.b;
    case value_kind::integer: return v.i != 0 || v.obj != nullptr;  // a big int is never zero
    case value_kind::floating: return v.f != 0.0;
    case value_kind::string: return !v.as<string_object>().s.empty();
    case value_kind::list:
    case value_kind::tuple: return !v.as<sequence_object>().items.empty();
    case value_kind::range: return v.as<range_object>().length() != 0;
    case value_kind::dict: return v.as<dict_object>().used != 0;
    case value_kind::set:
    case value_kind::frozenset: return v.as<set_object>().used != 0;
    case value_kind::deque: return !v.as<deque_object>().items.empty();
    case value_kind::dict_view: return v.as<dict_view_object>().dict.as<dict_object>().used != 0;
    case value_kind::instance: {
        auto* meter = current_work_meter();
        return meter && meter->specials ? meter->specials->instance_truth(v) : true;
    }
    default: return true;
    }
}

} // namespace loopscope::engine
