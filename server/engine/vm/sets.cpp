// CPython 3.11's set table (Objects/setobject.c), written again here so that iteration order,
// pop() and a frozenset's hash are python3's.
#include "sets.hpp"

#include "work_meter.hpp"

#include <cstring>

namespace loopscope::engine {

namespace {

constexpr std::size_t linear_probes = 9;
constexpr std::size_t min_size = 8;

// `is` before ==, as CPython's set does (a float is identified by its bits, as in dicts.cpp).
bool same_object(const value& a, const value& b)
{
    if (a.obj) return a.obj == b.obj;
    if (a.kind != b.kind) return false;
    if (a.kind == value_kind::floating) return std::memcmp(&a.f, &b.f, sizeof a.f) == 0;
    return false;
}

std::uint64_t shuffle_bits(std::uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

} // namespace

std::int32_t set_object::store(const value& key, std::int64_t hash)
{
    if (!free_entries.empty()) {
        const std::int32_t ix = free_entries.back();
        free_entries.pop_back();
        entries[static_cast<std::size_t>(ix)] = {hash, key};
        return ix;
    }
    if (entries.size() == entries.capacity()) reserve_memory(std::max<std::size_t>(8, 2 * entries.size()) * sizeof(entry));
    entries.push_back({hash, key});
    return static_cast<std::int32_t>(entries.size() - 1);
}

// set_insert_clean: a key known to be absent, into a table without dummies.
void set_object::insert_clean(value key, std::int64_t hash) { place_clean(store(key, hash)); }

void set_object::place_clean(std::int32_t ix)
{
    const std::int64_t hash = entries[static_cast<std::size_t>(ix)].hash;
    const std::size_t m = mask();
    auto perturb = static_cast<std::uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & m;
    for (std::size_t visited = 0;; visited += linear_probes + 1) {
        if (visited % 160 == 150) charge_work(160);
        if (slots[i] == unused) break;
        // The 9 slots after i, then a jump computed from i itself (not from where the probes ended).
        std::size_t at = i;
        if (i + linear_probes <= m) {
            for (std::size_t j = 0; j < linear_probes; ++j) {
                ++at;
                if (slots[at] == unused) {
                    slots[at] = ix;
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & m;
    }
    slots[i] = ix;
}

std::int64_t set_object::find(const value& key, std::int64_t hash, const key_equality& eq) const
{
restart:
    const std::size_t m = mask();
    auto perturb = static_cast<std::uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & m;
    std::size_t visited = 0;
    for (;;) {
        std::size_t probes = i + linear_probes <= m ? linear_probes : 0;
        std::size_t at = i;
        for (;;) {
            // Keys that collide (ints equal modulo 2**61 - 1) make a probe sequence long: charged as it
            // goes, a probe that must compare two keys as four (a comparison of big ints is not cheap).
            if (++visited >= 16) {
                charge_work(visited);
                visited = 0;
            }
            const std::int32_t ix = slots[at];
            if (ix == unused) return -1;
            if (ix >= 0 && entries[static_cast<std::size_t>(ix)].hash == hash) {
                const value start_key = entries[static_cast<std::size_t>(ix)].key;
                if (same_object(start_key, key)) return static_cast<std::int64_t>(at);
                const std::size_t size_before = slots.size();
                visited += 3;
                const bool equal = eq(start_key, key);
                // The comparison (a program's __eq__) may have changed the set: look again, as CPython does.
                if (slots.size() != size_before || slots[at] != ix || entries[static_cast<std::size_t>(ix)].key.obj != start_key.obj) goto restart;
                if (equal) return static_cast<std::int64_t>(at);
            }
            if (probes-- == 0) break;
            ++at;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & m;
    }
}

bool set_object::add(const value& key, std::int64_t hash, const key_equality& eq)
{
    // set_add_entry: one walk that looks for an equal key and remembers the last dummy passed (3.11's
    // freeslot); a new key goes there, leaving `fill` as it is, or else into the first unused slot.
restart:
    const std::size_t m = mask();
    auto perturb = static_cast<std::uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & m;
    std::optional<std::size_t> free_slot;
    std::size_t visited = 0;
    for (;;) {
        std::size_t probes = i + linear_probes <= m ? linear_probes : 0;
        std::size_t at = i;
        for (;;) {
            // Keys that collide (ints equal modulo 2**61 - 1) make a probe sequence long: charged as it
            // goes, a probe that must compare two keys as four (a comparison of big ints is not cheap).
            if (++visited >= 16) {
                charge_work(visited);
                visited = 0;
            }
            const std::int32_t ix = slots[at];
            if (ix == unused) {
                cached_hash.reset();
                ++used;
                if (free_slot) {
                    slots[*free_slot] = store(key, hash);
                    return true;
                }
                slots[at] = store(key, hash);
                ++fill;
                if (fill * 5 >= m * 3) resize(used > 50000 ? used * 2 : used * 4);
                return true;
            }
            if (ix == dummy) {
                free_slot = at;
            } else if (entries[static_cast<std::size_t>(ix)].hash == hash) {
                const value start_key = entries[static_cast<std::size_t>(ix)].key;
                if (same_object(start_key, key)) return false;
                const std::size_t size_before = slots.size();
                visited += 3;
                const bool equal = eq(start_key, key);
                if (equal) return false;
                // The comparison (a program's __eq__) may have changed the set: start again, as CPython does.
                if (slots.size() != size_before || slots[at] != ix || entries[static_cast<std::size_t>(ix)].key.obj != start_key.obj) goto restart;
            }
            if (probes-- == 0) break;
            ++at;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & m;
    }
}

bool set_object::discard(const value& key, std::int64_t hash, const key_equality& eq)
{
    const std::int64_t at = find(key, hash, eq);
    if (at < 0) return false;
    const std::int32_t ix = slots[static_cast<std::size_t>(at)];
    slots[static_cast<std::size_t>(at)] = dummy;
    --used;
    cached_hash.reset();
    if (free_entries.size() == free_entries.capacity()) reserve_memory(std::max<std::size_t>(8, 2 * free_entries.size()) * sizeof(std::int32_t));
    free_entries.push_back(ix);
    value gone = std::move(entries[static_cast<std::size_t>(ix)].key);  // destroyed once the set is consistent again
    entries[static_cast<std::size_t>(ix)].key = value{};
    return true;
}

void set_object::resize(std::size_t minused)
{
    std::size_t size = min_size;
    while (size <= minused) size <<= 1;
    charge_work(slots.size() + size / 4);
    reserve_memory(size * sizeof(std::int32_t));  // asked before the allocation, as a list's growth is
    // The live slots in table order, each into the new table; the entries stay where they are.
    std::vector<std::int32_t> old(size, unused);
    old.swap(slots);
    fill = used;
    for (const std::int32_t ix : old)
        if (ix >= 0) place_clean(ix);
}

void set_object::expect(std::size_t more)
{
    const std::size_t wanted = used + more;
    if (wanted <= entries.capacity() + free_entries.size()) return;
    reserve_memory(wanted * sizeof(entry));
    entries.reserve(wanted);
}

std::vector<std::pair<value, std::int64_t>> set_object::keys_in_order() const
{
    charge_work(slots.size() / 4 + used);
    reserve_memory(used * sizeof(std::pair<value, std::int64_t>));
    std::vector<std::pair<value, std::int64_t>> out;
    out.reserve(used);
    for (const std::int32_t ix : slots)
        if (ix >= 0) out.emplace_back(entries[static_cast<std::size_t>(ix)].key, entries[static_cast<std::size_t>(ix)].hash);
    return out;
}

void set_object::merge(const set_object& other, const key_equality& eq)
{
    if (&other == this || other.used == 0) return;
    if ((fill + other.used) * 5 >= mask() * 3) resize((used + other.used) * 2);
    // Into an empty set: the other's table as it is when the sizes match and it has no dummies,
    // else each key into its first unused slot.
    if (fill == 0 && mask() == other.mask() && other.fill == other.used) {
        charge_work(other.slots.size() / 4 + other.used);
        for (std::size_t k = 0; k < slots.size(); ++k)
            if (const value* key = other.key_at(k)) slots[k] = store(*key, other.hash_at(k));
        fill = used = other.used;
        cached_hash.reset();
        return;
    }
    const auto keys = other.keys_in_order();  // a copy: an __eq__ run by add() may change `other`
    if (fill == 0) {
        for (const auto& [key, hash] : keys) insert_clean(key, hash);
        fill = used = other.used;
        cached_hash.reset();
        return;
    }
    for (const auto& [key, hash] : keys) add(key, hash, eq);
}

void set_object::merge_dict(const dict_object& other, const key_equality& eq)
{
    charge_work(other.entries.size());
    if ((fill + other.used) * 5 >= mask() * 3) resize((used + other.used) * 2);
    std::vector<std::pair<value, std::int64_t>> keys;
    keys.reserve(other.used);
    for (const auto& e : other.entries)
        if (!e.key.is_unbound()) keys.emplace_back(e.key, e.hash);
    for (const auto& [key, hash] : keys) add(key, hash, eq);
}

value set_object::pop()
{
    std::size_t at = finger & mask();
    while (slots[at] < 0) {
        charge_work(1);
        at = at == mask() ? 0 : at + 1;
    }
    const std::int32_t ix = slots[at];
    value key = std::move(entries[static_cast<std::size_t>(ix)].key);
    entries[static_cast<std::size_t>(ix)].key = value{};
    slots[at] = dummy;
    free_entries.push_back(ix);
    --used;
    finger = at + 1;
    cached_hash.reset();
    return key;
}

void set_object::clear()
{
    std::vector<entry> old;
    old.swap(entries);
    slots.assign(min_size, unused);
    slots.shrink_to_fit();
    free_entries.clear();
    fill = used = 0;
    cached_hash.reset();
    // `old` goes here, once the set is already empty.
}

void set_object::shed_dummies()
{
    if (fill - used <= mask() / 4) return;
    resize(used > 50000 ? used * 2 : used * 4);
}

std::int64_t set_object::frozen_hash() const
{
    if (cached_hash) return *cached_hash;
    charge_work(slots.size());
    std::uint64_t h = 0;
    // Every slot's hash field, unused (0) and dummy (-1) ones too, as CPython xors them all in.
    for (std::size_t k = 0; k < slots.size(); ++k) h ^= shuffle_bits(static_cast<std::uint64_t>(hash_at(k)));
    if (((mask() + 1 - fill) & 1) != 0) h ^= shuffle_bits(0);
    if (((fill - used) & 1) != 0) h ^= shuffle_bits(static_cast<std::uint64_t>(-1));
    h ^= (static_cast<std::uint64_t>(used) + 1) * 1927868237ull;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923ull;
    if (h == static_cast<std::uint64_t>(-1)) h = 590923713ull;
    cached_hash = static_cast<std::int64_t>(h);
    return *cached_hash;
}

void set_object::swap_bodies(set_object& other)
{
    slots.swap(other.slots);
    entries.swap(other.entries);
    free_entries.swap(other.free_entries);
    std::swap(fill, other.fill);
    std::swap(used, other.used);
    cached_hash.reset();
    other.cached_hash.reset();
}

value make_set(bool frozen)
{
    auto s = make_ref<set_object>();
    return value::of(frozen ? value_kind::frozenset : value_kind::set, s);
}

namespace {

std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

std::uint64_t siphash13(const unsigned char* in, std::size_t size)
{
    std::uint64_t b = static_cast<std::uint64_t>(size) << 56;
    // k0 = k1 = 0 (PYTHONHASHSEED=0)
    std::uint64_t v0 = 0x736f6d6570736575ull, v1 = 0x646f72616e646f6dull, v2 = 0x6c7967656e657261ull, v3 = 0x7465646279746573ull;
    auto half_round = [](std::uint64_t& a, std::uint64_t& b2, std::uint64_t& c, std::uint64_t& d, int s, int t) {
        a += b2;
        c += d;
        b2 = rotl(b2, s) ^ a;
        d = rotl(d, t) ^ c;
        a = rotl(a, 32);
    };
    auto round = [&] {
        half_round(v0, v1, v2, v3, 13, 16);
        half_round(v2, v1, v0, v3, 17, 21);
    };
    while (size >= 8) {
        std::uint64_t mi = 0;
        for (int k = 7; k >= 0; --k) mi = (mi << 8) | in[k];
        in += 8;
        size -= 8;
        v3 ^= mi;
        round();
        v0 ^= mi;
    }
    std::uint64_t t = 0;
    for (std::size_t k = size; k-- > 0;) t = (t << 8) | in[k];
    b |= t;
    v3 ^= b;
    round();
    v0 ^= b;
    v2 ^= 0xff;
    round();
    round();
    round();
    return (v0 ^ v1) ^ (v2 ^ v3);
}

} // namespace

std::int64_t cpython_str_hash(const std::string& utf8)
{
    if (utf8.empty()) return 0;
    charge_work(utf8.size() / 16);
    std::vector<std::uint32_t> points;
    points.reserve(utf8.size());
    std::uint32_t widest = 0;
    for (std::size_t k = 0; k < utf8.size();) {
        const std::uint32_t cp = next_code_point(utf8, k);
        points.push_back(cp);
        widest = std::max(widest, cp);
    }
    const std::size_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    std::vector<unsigned char> bytes;
    bytes.reserve(points.size() * width);
    for (std::uint32_t cp : points)
        for (std::size_t j = 0; j < width; ++j) bytes.push_back(static_cast<unsigned char>(cp >> (8 * j)));
    auto h = static_cast<std::int64_t>(siphash13(bytes.data(), bytes.size()));
    return h == -1 ? -2 : h;
}

} // namespace loopscope::engine
