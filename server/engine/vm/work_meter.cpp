#include "work_meter.hpp"

namespace loopscope::engine {

namespace {
thread_local work_meter* current_meter = nullptr;

std::string mib(std::size_t bytes)
{
    if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    return std::to_string(bytes) + " bytes";
}
} // namespace

work_meter* current_work_meter() { return current_meter; }

void work_meter::step_limit() const
{
    throw limit_exceeded{"the program ran more than " + std::to_string(config_.max_steps) + " steps (max_steps)"};
}

void work_meter::operation_limit() const
{
    throw limit_exceeded{"one operation did more than " + std::to_string(config_.max_operation_steps) +
                         " steps of work (max_operation_steps)"};
}

void work_meter::memory_limit() const
{
    throw limit_exceeded{"the program would hold more than " + mib(config_.max_memory_bytes) +
                         " of memory (max_memory_bytes)"};
}

run_scope::run_scope(memory_account* memory, work_meter* meter) : memory_(memory), previous_(current_meter)
{
    current_meter = meter;
}

run_scope::~run_scope() { current_meter = previous_; }

} // namespace loopscope::engine
