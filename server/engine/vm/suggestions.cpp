#include "suggestions.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace loopscope::engine {

namespace {

constexpr std::size_t max_candidates = 750;
constexpr std::size_t max_string_size = 40;
constexpr std::size_t move_cost = 2;
constexpr std::size_t case_cost = 1;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

std::size_t substitution_cost(char a, char b)
{
    // Letters that differ only in case share their low five bits
    if ((a & 31) != (b & 31)) return move_cost;
    if (a == b) return 0;
    return ascii_lower(a) == ascii_lower(b) ? case_cost : move_cost;
}

// The distance between a and b, or max_cost + 1 once it is sure to be more than max_cost.
std::size_t levenshtein(const char* a, std::size_t a_size, const char* b, std::size_t b_size, std::size_t max_cost)
{
    // Common prefix and suffix cost nothing
    while (a_size && b_size && a[0] == b[0]) {
        ++a, ++b;
        --a_size, --b_size;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) --a_size, --b_size;
    if (a_size == 0 || b_size == 0) return (a_size + b_size) * move_cost;
    if (a_size > max_string_size || b_size > max_string_size) return max_cost + 1;
    if (b_size < a_size) {
        std::swap(a, b);
        std::swap(a_size, b_size);
    }
    if ((b_size - a_size) * move_cost > max_cost) return max_cost + 1;
    // One row of the matrix, updated in place
    std::size_t row[max_string_size];
    for (std::size_t i = 0; i < a_size; ++i) row[i] = (i + 1) * move_cost;
    std::size_t result = 0;
    for (std::size_t bi = 0; bi < b_size; ++bi) {
        std::size_t distance = result = bi * move_cost;
        std::size_t minimum = std::numeric_limits<std::size_t>::max();
        for (std::size_t i = 0; i < a_size; ++i) {
            const std::size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            const std::size_t insert_delete = std::min(result, distance) + move_cost;
            result = std::min(insert_delete, substitute);
            row[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

} // namespace

std::string nearest_name(std::string_view name, const std::vector<std::string_view>& candidates)
{
    if (candidates.size() >= max_candidates) return {};
    std::size_t best = std::numeric_limits<std::size_t>::max();
    const std::string_view* suggestion = nullptr;
    for (const auto& candidate : candidates) {
        if (candidate == name) continue;
        std::size_t max_distance = (name.size() + candidate.size() + 3) * move_cost / 6;
        max_distance = std::min(max_distance, best - 1);
        const std::size_t d = levenshtein(name.data(), name.size(), candidate.data(), candidate.size(), max_distance);
        if (d > max_distance) continue;
        if (!suggestion || d < best) {
            suggestion = &candidate;
            best = d;
        }
    }
    return suggestion ? std::string(*suggestion) : std::string();
}

} // namespace loopscope::engine
