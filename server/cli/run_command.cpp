#include "run_command.hpp"

#include <cstdio>

namespace loopscope::cli {

int run_command(int /*argc*/, char** /*argv*/)
{
    std::fputs("loopscope run: the engine is not built yet\n", stderr);
    return 2;
}

} // namespace loopscope::cli
