#pragma once

// Python's dict: insertion-ordered, a compact table as CPython's (entries in order, and an index of
// slots into them probed as CPython probes), keys hashed as CPython hashes numbers (so 1, 1.0 and
// True are one key) and compared with ==. Its views (keys(), values(), items()) are live.

#include "value.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace loopscope::engine {

// hash(v) as CPython computes it for numbers (and so for tuples of numbers); strings and other
// a str hashes as CPython 3.11 hashes it under PYTHONHASHSEED=0 (sets.hpp).
// TypeError "unhashable type: 'list'" for lists, dicts and slices.
std::int64_t python_hash(const value& v);

using key_equality = std::function<bool(const value&, const value&)>;

struct dict_object : object {
    struct entry {
        std::int64_t hash = 0;
        value key;  // unbound: a deleted entry, skipped in order and dropped at the next resize
        value item;
    };

    std::vector<entry> entries;
    std::vector<std::int32_t> index;  // slot -> entry, or empty / deleted
    std::size_t used = 0;             // live entries: len(d)
    std::uint64_t compactions = 0;    // how often entries moved (rebuild, clear): positions kept elsewhere are stale
    // collections.defaultdict, CPython's dict subclass: its default_factory (None too). Null: a plain dict.
    std::unique_ptr<value> default_factory;
    // collections.Counter, CPython's (Python) dict subclass: missing keys count 0 (collections_counter.cpp)
    bool is_counter = false;
    // collections.OrderedDict, CPython's C dict subclass: the entries' order is its order, which
    // move_to_end changes (collections_ordered_dict.cpp)
    bool is_ordered = false;
    // Bumped when a key is added, removed or moved, not by clear(): an OrderedDict's iterators check
    // it (od_state) before its size
    std::uint64_t key_changes = 0;
    // vars(obj) / obj.__dict__ of an instance: a copy of its attributes (kept in a table, not a dict),
    // which the instance keeps up to date while the program holds it (instance_object::dict_copy);
    // changing the copy is refused (set, remove, clear: CPython would change the instance)
    bool is_instance_dict = false;

    // The entry holding `key`, or -1.
    std::int64_t find(const value& key, std::int64_t hash, const key_equality& eq) const;
    // d[key] = v: replaces the value of an equal key (keeping that key), or appends.
    void set(value key, std::int64_t hash, value v, const key_equality& eq);
    // Removes and returns the value of `key`, if there.
    std::optional<value> remove(const value& key, std::int64_t hash, const key_equality& eq);
    void clear();
    // Moves the live entry at `at` to the end or the front of the order (OrderedDict.move_to_end).
    void move_entry(std::size_t at, bool last);
    // Entries in order, deleted ones included (check `key.is_unbound()`).
    std::size_t capacity_used() const { return entries.size(); }

private:
    void rebuild(std::size_t slots);
};

enum class dict_view_kind : std::uint8_t { keys, values, items };

struct dict_view_object : object {
    value dict;
    dict_view_kind view = dict_view_kind::keys;
};

value make_dict();
dict_object& as_dict(const value& v);

} // namespace loopscope::engine
