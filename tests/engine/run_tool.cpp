// `engine_run_tool run PROGRAM.py ...`: the CLI's run command without the server's main, so the
// engine's tests and benchmarks do not depend on the network layer building.
#include "run_command.hpp"

int main(int argc, char** argv)
{
    if (argc < 2) return loopscope::cli::run_command(0, argv);
    return loopscope::cli::run_command(argc - 1, argv + 1);
}
