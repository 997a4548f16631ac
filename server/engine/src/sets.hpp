#pragma once

// Python's set and frozenset: CPython's own table (Objects/setobject.c in 3.11), so that a set
// iterates in the order python3 iterates it: open addressing with 9 linear probes before each
// perturbed jump, dummy entries left by deletions (an add reuses the last one it passed), the table grown to
// four times the live entries when three fifths of it are filled, and CPython's shortcuts when
// one set is copied or merged into another.

#include "dicts.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace loopscope::engine {

struct set_object : object {
    enum class slot : std::uint8_t { unused, dummy, active };
    struct entry {
        std::int64_t hash = 0;
        value key;
        slot state = slot::unused;
    };

    std::vector<entry> table = std::vector<entry>(8);
    std::size_t fill = 0;    // active + dummy entries
    std::size_t used = 0;    // active entries: len(s)
    std::size_t finger = 0;  // where pop() looks first
    bool frozen = false;
    mutable std::optional<std::int64_t> cached_hash;  // a frozenset's, once computed

    std::size_t mask() const { return table.size() - 1; }
    // The slot holding `key`, or -1.
    std::int64_t find(const value& key, std::int64_t hash, const key_equality& eq) const;
    // Adds `key` unless an equal one is there; true when added.
    bool add(const value& key, std::int64_t hash, const key_equality& eq);
    // Removes `key`; true when it was there.
    bool discard(const value& key, std::int64_t hash, const key_equality& eq);
    // set_merge: adds every key of `other` (a set), with CPython's shortcuts into an empty table.
    void merge(const set_object& other, const key_equality& eq);
    // set_update_internal's path for a dict: room first, then each key.
    void merge_dict(const dict_object& other, const key_equality& eq);
    // Removes and returns an arbitrary key (CPython's: the first active slot from the finger on).
    value pop();
    void clear();
    // After a difference update: resized when more than a quarter of the slots are dummies.
    void shed_dummies();
    // frozenset's hash (CPython's frozenset_hash).
    std::int64_t frozen_hash() const;
    // set_swap_bodies: the table and counts of the two sets exchanged (intersection_update).
    void swap_bodies(set_object& other);

    void resize(std::size_t minused);
};

value make_set(bool frozen = false);
inline bool is_set_kind(const value& v) { return v.kind == value_kind::set || v.kind == value_kind::frozenset; }

// The hash CPython 3.11 gives a str under PYTHONHASHSEED=0: SipHash-1-3 with a zero key over the
// string's code points stored as 1, 2 or 4 bytes each (PEP 393), the width its widest one needs.
std::int64_t cpython_str_hash(const std::string& utf8);

} // namespace loopscope::engine
