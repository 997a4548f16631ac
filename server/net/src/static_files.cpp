#include "loopscope/net/static_files.hpp"

#include <algorithm>
#include <array>
#include <system_error>
#include <utility>

namespace loopscope::net {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_within(const std::filesystem::path& candidate, const std::filesystem::path& root)
{
    auto [root_end, candidate_it] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
    return root_end == root.end();
}

static_file_lookup refused(static_file_lookup::outcome why)
{
    static_file_lookup lookup;
    lookup.result = why;
    return lookup;
}

} // namespace

std::optional<std::string> percent_decode(std::string_view text)
{
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        int high = hex_value(text[i + 1]);
        int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        char c = static_cast<char>(high * 16 + low);
        if (c == '\0') return std::nullopt;
        decoded.push_back(c);
        i += 2;
    }
    return decoded;
}

std::string_view content_type_for(const std::filesystem::path& file)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> types{{
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".py", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
        {".wasm", "application/wasm"},
    }};
    const std::string extension = file.extension().string();
    for (const auto& [known, type] : types)
        if (known == extension) return type;
    return "application/octet-stream";
}

static_file_lookup find_static_file(std::string_view target, const std::filesystem::path& web_root)
{
    using outcome = static_file_lookup::outcome;
    // Only origin-form targets name files; absolute-form and '*' do not.
    if (target.empty() || target.front() != '/') return refused(outcome::bad_request);
    target = target.substr(0, target.find_first_of("?#"));

    auto decoded = percent_decode(target);
    if (!decoded || decoded->find('\\') != std::string::npos) return refused(outcome::bad_request);

    // Walk the segments ourselves: a '..' anywhere is refused rather than normalised away.
    std::filesystem::path relative;
    std::string_view rest = *decoded;
    bool names_directory = rest.back() == '/';
    while (!rest.empty()) {
        auto slash = rest.find('/');
        std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (segment == "..") return refused(outcome::bad_request);
        if (segment.empty() || segment == ".") continue;
        relative /= std::filesystem::path(segment);
    }
    if (names_directory || relative.empty()) relative /= "index.html";

    std::error_code ec;
    auto resolved = std::filesystem::weakly_canonical(web_root / relative, ec);
    if (!ec && std::filesystem::is_directory(resolved, ec))
        resolved = std::filesystem::weakly_canonical(resolved / "index.html", ec);
    // Canonical paths have followed every link, so this also refuses links that lead out of the root.
    if (ec || !is_within(resolved, web_root) || !std::filesystem::is_regular_file(resolved, ec))
        return refused(outcome::not_found);
    static_file_lookup found;
    found.result = outcome::found;
    found.content_type = content_type_for(resolved);
    found.path = std::move(resolved);
    return found;
}

} // namespace loopscope::net
