#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::net {

// What a request target names under the web root. Pure functions: no sockets, testable alone.
struct static_file_lookup {
    enum class outcome { found, bad_request, not_found };
    outcome result = outcome::not_found;
    std::filesystem::path path;    // set when found
    std::string_view content_type; // set when found
};

// Decodes %XX escapes; nullopt for a malformed escape or an encoded NUL.
std::optional<std::string> percent_decode(std::string_view text);

// Content-Type for a file name's extension.
std::string_view content_type_for(const std::filesystem::path& file);

// Maps an origin-form target ("/app.js?x=1") to a regular file inside `web_root`, which must be
// canonical. Dot-dot segments (raw or percent-encoded), backslashes and non-origin forms are bad
// requests; anything that resolves (through links too) outside the root is not found.
static_file_lookup find_static_file(std::string_view target, const std::filesystem::path& web_root);

} // namespace loopscope::net
