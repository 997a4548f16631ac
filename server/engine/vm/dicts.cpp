// Python's dict as a compact table: entries appended in insertion order, and an index of slots that
// point into them, probed as CPython probes (i = 5i + 1 + perturb, perturb shifted by 5 each time).
#include "dicts.hpp"
#include "functions.hpp"
#include "classes.hpp"
#include "sets.hpp"

#include "integers.hpp"
#include "work_meter.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace loopscope::engine {

namespace {

constexpr std::int32_t empty_slot = -1;
constexpr std::int32_t deleted_slot = -2;
constexpr std::size_t min_slots = 8;

// CPython's tuple hash (tupleobject.c, after xxHash). Tuples nested in tuples are walked with a stack
// of our own, not C++ recursion: CPython hashes a tuple nested 100,000 deep (its C recursion has room),
// and here that depth would overflow the thread's stack.
std::int64_t tuple_hash(const std::vector<value>& items)
{
    constexpr std::uint64_t prime1 = 11400714785074694791ull, prime2 = 14029467366897019727ull, prime5 = 2870177450012600261ull;
    struct pending {
        const std::vector<value>* items;
        std::size_t next;
        std::uint64_t acc;
    };
    std::vector<pending> stack{{&items, 0, prime5}};
    for (;;) {
        pending& top = stack.back();
        if (top.next < top.items->size()) {
            const value& item = (*top.items)[top.next];
            charge_work(1);
            if (item.kind == value_kind::tuple) {
                stack.push_back({&item.as<sequence_object>().items, 0, prime5});  // `top` is not used after this
                continue;
            }
            const auto lane = static_cast<std::uint64_t>(python_hash(item));
            top.acc += lane * prime2;
            top.acc = (top.acc << 31) | (top.acc >> 33);
            top.acc *= prime1;
            ++top.next;
            continue;
        }
        std::uint64_t acc = top.acc + (top.items->size() ^ (prime5 ^ 3527539ull));
        if (acc == static_cast<std::uint64_t>(-1)) acc = 1546275796;
        stack.pop_back();
        if (stack.empty()) return static_cast<std::int64_t>(acc);
        // The inner tuple's hash is a lane of the tuple that holds it.
        pending& outer = stack.back();
        outer.acc += acc * prime2;
        outer.acc = (outer.acc << 31) | (outer.acc >> 33);
        outer.acc *= prime1;
        ++outer.next;
    }
}

// `is`, which a dict tries before ==. A float has no identity here: the same bits stand for the same
// object, so that a NaN found in a dict finds itself again (CPython: the same object; a new
// float('nan') would not be found there, nor here only if its bits differ).
bool identical(const value& a, const value& b)
{
    if (a.obj) return a.obj == b.obj;
    if (a.kind == value_kind::floating && b.kind == value_kind::floating) return std::memcmp(&a.f, &b.f, sizeof a.f) == 0;
    return false;
}

} // namespace

std::int64_t python_hash(const value& v)
{
    switch (v.kind) {
    case value_kind::boolean:
    case value_kind::integer: return int_hash(v);
    case value_kind::floating: return float_hash(v.f);
    case value_kind::string: return cpython_str_hash(v.as<string_object>().s);  // as python3 with PYTHONHASHSEED=0
    case value_kind::tuple: return tuple_hash(v.as<sequence_object>().items);
    case value_kind::none: return 0x5f3759df;
    case value_kind::ellipsis: return 0x2e2e2e;
    case value_kind::range: {
        const auto& r = v.as<range_object>();
        // Equal ranges (range(0) == range(5, 5)) hash equal: by length, then start and step where they matter.
        const std::int64_t n = r.length();
        return tuple_hash({value::integer(n), n == 0 ? value::none() : value::integer(r.start), n <= 1 ? value::none() : value::integer(r.step)});
    }
    case value_kind::list:
    case value_kind::dict:
    case value_kind::slice:
    case value_kind::dict_view:
    case value_kind::set:
    case value_kind::deque:
        raise_error("TypeError", "unhashable type: '" + type_name(v) + "'");
    case value_kind::frozenset: return v.as<set_object>().frozen_hash();
    // One object per name for the thread (type_name_value), shared by the runs on it: hashed by its name,
    // not by an identity numbered by whichever run hashed it first
    case value_kind::type_name: return cpython_str_hash(v.as<type_name_object>().name) ^ 0x55aa;
    case value_kind::typing_form: raise_unsupported("hashing " + repr(v));
    case value_kind::method: {
        // By what it binds, not by this load of it: equal bound methods hash equal (CPython's meth_hash).
        const auto& m = v.as<method_object>();
        const auto self_address = reinterpret_cast<std::uintptr_t>(m.self.obj.get());
        const auto function_address = reinterpret_cast<std::uintptr_t>(m.function.obj.get());
        return static_cast<std::int64_t>(((self_address >> 4) | (self_address << 60)) ^ (function_address >> 4));
    }
    case value_kind::builtin: {
        // As same_builtin compares them: `type(1)` made twice is one key, `int`
        const auto& b = v.as<builtin_object>();
        const auto self_address = reinterpret_cast<std::uintptr_t>(b.self.obj.get());
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(b.id) * 0x9e3779b97f4a7c15ULL ^ (self_address >> 4));
    }
    case value_kind::instance:
        if (auto* meter = current_work_meter(); meter && meter->specials) return meter->specials->instance_hash(v);
        [[fallthrough]];
    default: {
        // Everything else is hashed by identity, as CPython's object.__hash__ (its address rotated):
        // here a per-run number made an address, not the real one, which differs between runs
        const object* o = v.obj.get();
        if (!o) return 0;
        if (!o->identity) {
            thread_local std::uint64_t outside_runs = 0;
            auto* meter = current_work_meter();
            o->identity = meter ? meter->next_identity() : ++outside_runs;
        }
        const std::uint64_t address = 0x7f3c2a5e1000 + 0x60 * o->identity;
        return static_cast<std::int64_t>((address >> 4) | (address << 60));
    }
    }
}

std::int64_t dict_object::find(const value& key, std::int64_t hash, const key_equality& eq) const
{
    if (index.empty()) return -1;
    const std::size_t mask = index.size() - 1;
    auto perturb = static_cast<std::uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    // Keys whose hashes collide (ints equal modulo 2**61 - 1) make a probe sequence long: its slots are
    // charged as they are looked at, a comparison of two keys as four.
    std::size_t looked = 0;
    for (;;) {
        if (++looked >= 16) {
            charge_work(looked);
            looked = 0;
        }
        const std::int32_t ix = index[i];
        if (ix == empty_slot) return -1;
        if (ix >= 0) {
            const entry& e = entries[static_cast<std::size_t>(ix)];
            if (e.hash == hash) {
                if (identical(e.key, key)) return ix;
                looked += 3;
                if (eq(e.key, key)) return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void dict_object::rebuild(std::size_t slots)
{
    charge_work(entries.size() + slots / 4);
    if (slots > index.capacity()) reserve_memory(slots * sizeof(index[0]));  // before anything moves
    // Drop deleted entries, keeping the order of the rest.
    ++compactions;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < entries.size(); ++k)
        if (!entries[k].key.is_unbound()) {
            if (kept != k) entries[kept] = std::move(entries[k]);
            ++kept;
        }
    entries.resize(kept);
    index.assign(slots, empty_slot);
    const std::size_t mask = slots - 1;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        auto perturb = static_cast<std::uint64_t>(entries[k].hash);
        std::size_t i = static_cast<std::size_t>(entries[k].hash) & mask;
        while (index[i] != empty_slot) {
            charge_work(1);
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        index[i] = static_cast<std::int32_t>(k);
    }
}

namespace {
[[noreturn]] void refuse_instance_dict_change()
{
    raise_unsupported("changing an object's __dict__ (what vars() or __dict__ gave)");
}
} // namespace

void dict_object::set(value key, std::int64_t hash, value v, const key_equality& eq)
{
    if (is_instance_dict) refuse_instance_dict_change();
    const std::int64_t at = find(key, hash, eq);
    if (at >= 0) {
        entries[static_cast<std::size_t>(at)].item = std::move(v);
        return;
    }
    // Grow (or compact) when two thirds of the slots hold entries, live or deleted: CPython's
    // load factor, and its growth to three times the live entries.
    if ((entries.size() + 1) * 3 >= index.size() * 2) rebuild(std::max(min_slots, std::bit_ceil((used + 1) * 3)));
    // asked before the allocation, as a list's and a set's growth are: the old entries and the new are
    // both held while they move
    if (entries.size() == entries.capacity()) reserve_memory(std::max<std::size_t>(8, 2 * entries.capacity()) * sizeof(entry));
    entries.push_back(entry{hash, std::move(key), std::move(v)});
    const std::size_t mask = index.size() - 1;
    auto perturb = static_cast<std::uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (index[i] >= 0) {
        charge_work(1);
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = static_cast<std::int32_t>(entries.size() - 1);
    ++used;
    ++key_changes;
}

std::optional<value> dict_object::remove(const value& key, std::int64_t hash, const key_equality& eq)
{
    if (is_instance_dict) refuse_instance_dict_change();
    if (index.empty()) return std::nullopt;
    const std::size_t mask = index.size() - 1;
    auto perturb = static_cast<std::uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    for (;;) {
        const std::int32_t ix = index[i];
        if (ix == empty_slot) return std::nullopt;
        if (ix >= 0) {
            entry& e = entries[static_cast<std::size_t>(ix)];
            if (e.hash == hash && (identical(e.key, key) || eq(e.key, key))) {
                value out = std::move(e.item);
                e.key = value::unbound();
                e.item = value::none();
                index[i] = deleted_slot;
                --used;
                ++key_changes;
                return out;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void dict_object::clear()
{
    if (is_instance_dict) refuse_instance_dict_change();
    entries.clear();
    index.clear();
    used = 0;
    ++compactions;
}

void dict_object::move_entry(std::size_t at, bool last)
{
    if (is_instance_dict) refuse_instance_dict_change();
    if (last) {
        // Taken out and appended: O(1), the deleted entry dropped at the next rebuild. Its slot is
        // the one of its probe sequence that points at it.
        const std::size_t mask = index.size() - 1;
        auto perturb = static_cast<std::uint64_t>(entries[at].hash);
        std::size_t i = static_cast<std::size_t>(entries[at].hash) & mask;
        while (index[i] != static_cast<std::int32_t>(at)) {
            charge_work(1);
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        index[i] = deleted_slot;
        entry moved = std::move(entries[at]);
        entries[at].key = value::unbound();
        entries[at].item = value::none();
        --used;
        // no other key equals it: every comparison set() would make is false
        set(std::move(moved.key), moved.hash, std::move(moved.item), [](const value&, const value&) { return false; });
        return;
    }
    // To the front: the entries before it shift, and the index is made again
    charge_work(entries.size());
    std::rotate(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(at), entries.begin() + static_cast<std::ptrdiff_t>(at) + 1);
    rebuild(index.size());
    ++key_changes;
}

value make_dict() { return value::of(value_kind::dict, make_ref<dict_object>()); }

dict_object& as_dict(const value& v) { return v.as<dict_object>(); }

} // namespace loopscope::engine
