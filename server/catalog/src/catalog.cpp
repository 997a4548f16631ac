#include "loopscope/catalog/catalog.hpp"

#include <algorithm>

namespace loopscope::catalog {

namespace detail {
// Defined in the generated catalog_data.cpp (see embed_catalog.cmake).
std::span<const scenario> embedded();
} // namespace detail

std::span<const scenario> scenarios()
{
    return detail::embedded();
}

const scenario* find(std::string_view id)
{
    const auto all = scenarios();
    const auto it = std::ranges::find(all, id, &scenario::id);
    return it == all.end() ? nullptr : &*it;
}

} // namespace loopscope::catalog
