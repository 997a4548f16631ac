#pragma once

#include "work_meter.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace loopscope::engine {

// str.find, str.count, `in` and their kin in linear time. std::string::find compares at every
// position (len(text) x len(sub) for a text and pattern of one repeated letter); glibc's memmem is
// linear (two-way), at worst about 25 ns a character on this class of machine, charged as 8 items a
// character. It searches in windows, each charged before it is searched, so a search that finds its
// pattern early costs what it scanned, and one that would run too long is stopped before it starts
// the window that would pass the bound.
inline std::size_t find_text(const std::string& text, const std::string& sub, std::size_t from)
{
    if (from > text.size()) return std::string::npos;
    if (sub.empty()) return from;
    const std::size_t window = std::max<std::size_t>(4096, sub.size());
    for (std::size_t start = from; start + sub.size() <= text.size(); start += window) {
        const std::size_t length = std::min(text.size() - start, window + sub.size() - 1);
        check_work_room(length * 8);
        const void* at = ::memmem(text.data() + start, length, sub.data(), sub.size());
        if (at) {
            const auto found = static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
            charge_work((found - start + sub.size()) * 8);
            return found;
        }
        charge_work(length * 8);
    }
    return std::string::npos;
}

} // namespace loopscope::engine
