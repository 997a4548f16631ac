#include "code_cache.hpp"

#include <loopscope/engine/memory.hpp>

#include <list>
#include <string>
#include <unordered_map>

namespace loopscope::engine {

namespace {

struct code_cache {
    // Most recently used first.
    std::list<std::pair<std::string, std::shared_ptr<code_object>>> entries;
    std::unordered_map<std::string_view, decltype(entries)::iterator> index;
    std::size_t hits = 0, misses = 0;
};

thread_local code_cache* cache = nullptr;

code_cache& this_threads_cache()
{
    if (!cache) {
        memory_scope process_wide(nullptr);
        // Lives as long as the thread's engine work may (one server thread: the process).
        static thread_local code_cache storage;
        cache = &storage;
    }
    return *cache;
}

// The nesting bound decides whether a program compiles at all, so it is part of the key.
std::string key_of(std::string_view source, std::size_t nesting_depth)
{
    std::string key(source);
    key += '\0';
    key += std::to_string(nesting_depth);
    return key;
}

} // namespace

std::shared_ptr<code_object> cached_code(std::string_view source, std::size_t nesting_depth)
{
    auto& c = this_threads_cache();
    memory_scope process_wide(nullptr);
    const std::string key = key_of(source, nesting_depth);
    auto it = c.index.find(key);
    if (it == c.index.end()) {
        ++c.misses;
        return nullptr;
    }
    ++c.hits;
    c.entries.splice(c.entries.begin(), c.entries, it->second);
    return it->second->second;
}

void cache_code(std::string_view source, std::size_t nesting_depth, std::shared_ptr<code_object> code, std::size_t max_entries)
{
    if (max_entries == 0) return;
    auto& c = this_threads_cache();
    memory_scope process_wide(nullptr);
    std::string key = key_of(source, nesting_depth);
    if (c.index.count(key)) return;
    while (c.entries.size() >= max_entries) {
        c.index.erase(c.entries.back().first);
        c.entries.pop_back();
    }
    c.entries.emplace_front(std::move(key), std::move(code));
    c.index.emplace(c.entries.front().first, c.entries.begin());
}

code_cache_stats code_cache_statistics()
{
    const auto& c = this_threads_cache();
    return {c.entries.size(), c.hits, c.misses};
}

} // namespace loopscope::engine
