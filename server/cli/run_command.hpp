#pragma once

namespace loopscope::cli {

// `loopscope run PROGRAM.py [options]`; argv[0] is "run". Returns the process exit status.
int run_command(int argc, char** argv);

} // namespace loopscope::cli
