#pragma once

// The programs of tests/hostile, each with what its header says it must end with: read by the engine's
// test, the neighbour test over the network, and the slice benchmark.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace loopscope::testing {

struct hostile_program {
    std::string name;         // the file's stem
    std::string source;
    std::string expect;       // "# expect:": "ok", or an error type then text its message contains
    std::string stdout_line;  // "# stdout:": what an "ok" program prints
};

inline std::vector<hostile_program> load_hostile_programs(const std::filesystem::path& dir)
{
    std::vector<hostile_program> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".py") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        hostile_program p{entry.path().stem().string(), text.str(), "", ""};
        std::istringstream lines(p.source);
        for (std::string line; std::getline(lines, line) && line.rfind("#", 0) == 0;) {
            if (line.rfind("# expect: ", 0) == 0) p.expect = line.substr(10);
            if (line.rfind("# stdout: ", 0) == 0) p.stdout_line = line.substr(10);
        }
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

} // namespace loopscope::testing
