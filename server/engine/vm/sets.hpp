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
    // The table holds, per slot, where its key is in `entries` (4 bytes a slot, where an entry with
    // its value would be 56: a 100,000-key set's table is 1 MiB, not 14), or one of two marks.
    static constexpr std::int32_t unused = -1;
    static constexpr std::int32_t dummy = -2;
    struct entry {
        std::int64_t hash = 0;
        value key;
    };

    std::vector<std::int32_t> slots = std::vector<std::int32_t>(8, unused);
    std::vector<entry> entries;              // in no particular order; the table's order is the set's
    std::vector<std::int32_t> free_entries;  // entries whose key was removed, reused first
    std::size_t fill = 0;    // active + dummy slots
    std::size_t used = 0;    // active slots: len(s)
    std::size_t finger = 0;  // where pop() looks first
    mutable std::optional<std::int64_t> cached_hash;  // a frozenset's, once computed

    std::size_t mask() const { return slots.size() - 1; }
    // The key in slot `s`, or null for an unused or dummy slot.
    const value* key_at(std::size_t s) const { return slots[s] >= 0 ? &entries[static_cast<std::size_t>(slots[s])].key : nullptr; }
    std::int64_t hash_at(std::size_t s) const { return slots[s] >= 0 ? entries[static_cast<std::size_t>(slots[s])].hash : slots[s] == dummy ? -1 : 0; }
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
    // The live keys with their hashes, in the set's order.
    std::vector<std::pair<value, std::int64_t>> keys_in_order() const;

    void resize(std::size_t minused);
    // Room for `more` keys asked at once (their memory charged once), when an update knows its length.
    void expect(std::size_t more);

private:
    // A new entry for `key` (a free one first); its index.
    std::int32_t store(const value& key, std::int64_t hash);
    void insert_clean(value key, std::int64_t hash);
    void place_clean(std::int32_t entry_index);  // an entry already stored, into its first unused slot
};

value make_set(bool frozen = false);
inline bool is_set_kind(const value& v) { return v.kind == value_kind::set || v.kind == value_kind::frozenset; }

// The hash CPython 3.11 gives a str under PYTHONHASHSEED=0: SipHash-1-3 with a zero key over the
// string's code points stored as 1, 2 or 4 bytes each (PEP 393), the width its widest one needs.
std::int64_t cpython_str_hash(const std::string& utf8);

} // namespace loopscope::engine
