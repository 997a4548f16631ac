#pragma once

// A throw-away web root with a few files, and a secret file beside it that must never be served.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace loopscope::testing {

class temp_web_root {
public:
    temp_web_root()
    {
        std::random_device random;
        base_ = std::filesystem::temp_directory_path() / ("loopscope-test-" + std::to_string(random()));
        std::filesystem::create_directories(base_ / "web" / "docs");
        write("web/index.html", "<!doctype html><title>index</title>");
        write("web/app.js", "export const answer = 42;\n");
        write("web/style.css", "body { color: black; }\n");
        write("web/data.json", "{\"ok\":true}");
        write("web/docs/index.html", "<p>docs</p>");
        write("web/file with space.txt", "spaced");
        write("secret.txt", "TOP-SECRET");
        std::filesystem::create_directory_symlink(base_, base_ / "web" / "escape");
        std::filesystem::create_symlink(base_ / "secret.txt", base_ / "web" / "secret-link.txt");
    }

    ~temp_web_root()
    {
        std::error_code ignored;
        std::filesystem::remove_all(base_, ignored);
    }

    std::filesystem::path web() const { return base_ / "web"; }
    std::filesystem::path base() const { return base_; }

private:
    void write(const std::string& relative, const std::string& text)
    {
        std::ofstream{base_ / relative, std::ios::binary} << text;
    }

    std::filesystem::path base_;
};

} // namespace loopscope::testing
