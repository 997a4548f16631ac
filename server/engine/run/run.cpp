#include <loopscope/engine/run.hpp>

#include "runtime.hpp"

namespace loopscope::engine {

run::run(std::string_view source, const run_config& config, event_sink& sink)
    : runtime_(std::make_unique<runtime>(source, config, sink))
{
}

run::~run() = default;

advance_result run::advance(std::uint64_t step_budget) { return runtime_->advance(step_budget); }
void run::end_slice() { runtime_->end_slice(); }
double run::now() const { return runtime_->now(); }
void run::set_time(double t) { runtime_->set_time(t); }
void run::cancel(const std::string& reason) { runtime_->cancel(reason); }
bool run::finished() const { return runtime_->finished(); }
bool run::release_some(std::uint64_t step_budget) { return runtime_->release_some(step_budget); }
int run::exit_status() const { return runtime_->exit_status(); }
bool run::ended_by_keyboard_interrupt() const { return runtime_->ended_by_keyboard_interrupt(); }
std::uint64_t run::steps() const { return runtime_->steps(); }
std::size_t run::memory_bytes() const { return runtime_->memory().bytes(); }
std::size_t run::peak_memory_bytes() const { return runtime_->memory().peak(); }

} // namespace loopscope::engine
