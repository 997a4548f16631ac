#pragma once

#include "code.hpp"

#include <loopscope/engine/code_cache.hpp>

#include <cstddef>
#include <memory>
#include <string_view>

namespace loopscope::engine {

// Compiled programs kept for reuse, so that the catalog's programs (and a class's fifty copies of the
// same one) are tokenized, parsed, compiled and checked once per server thread, not once per run.
// A code object is never changed once compiled (the interpreter copies its constants onto a frame's
// stack), except for its caches of names (code_object::global_caches, attribute_caches), whose
// entries say which run and which state of the classes they hold for: so runs of one thread share it. One cache per thread, least recently
// used out first, bounded in entries (run_config::code_cache_entries) and in the size of a source it
// keeps (run_config::code_cache_source_bytes); compiled outside any run's memory account, it is
// charged to no run.
std::shared_ptr<code_object> cached_code(std::string_view source, std::size_t nesting_depth);
void cache_code(std::string_view source, std::size_t nesting_depth, std::shared_ptr<code_object> code,
                std::size_t max_entries);


} // namespace loopscope::engine
