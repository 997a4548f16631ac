#pragma once

#include <span>
#include <string_view>

namespace loopscope::catalog {

// One of the catalog's examples (the tutorial's, then one per asyncio concept), shipped inside the server.
struct scenario {
    std::string_view id;      // stable snake_case identifier, e.g. "gather"
    std::string_view group;   // the part of the curriculum it belongs to, e.g. "Tutorial", "Timeouts"
    std::string_view title;   // one line for a menu
    std::string_view summary; // one sentence: what the program shows
    std::string_view notes;   // teaching notes: what happens, when, and where the tutorial is wrong
    std::string_view source;  // the program's text, byte for byte as in server/catalog/programs/
};

// Every scenario, in the curriculum's order: the tutorial's examples first, then the other groups;
// the scenarios of a group are next to each other.
std::span<const scenario> scenarios();

// The scenario with this id, or nullptr.
const scenario* find(std::string_view id);

} // namespace loopscope::catalog
