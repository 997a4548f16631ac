// libFuzzer target: any bytes as a program. The run must end (bounded steps and time), report
// run_finished last with contiguous seq, and never crash, hang or leak (ASan/UBSan/LSan).
#include <loopscope/engine/run.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

class checking_sink final : public loopscope::engine::event_sink {
public:
    void on_event(const loopscope::engine::event& e) override
    {
        if (e.seq != next_seq_ || finished_) std::abort();
        if (e.t < last_t_) std::abort();
        last_t_ = e.t;
        ++next_seq_;
        finished_ = e.kind == "run_finished";
    }
    bool finished() const { return finished_; }

private:
    std::uint64_t next_seq_ = 0;
    double last_t_ = 0.0;
    bool finished_ = false;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    loopscope::engine::run_config config;
    config.max_steps = 200'000;
    config.max_output_lines = 1'000;
    config.max_program_seconds = 1'000;
    config.max_sequence_length = 10'000;
    config.max_tasks = 1'000;
    checking_sink sink;
    {
        loopscope::engine::run program(std::string(reinterpret_cast<const char*>(data), size), config, sink);
        while (true) {
            auto r = program.advance(10'000);
            if (r.state == loopscope::engine::advance_result::status::finished) break;
            if (r.state == loopscope::engine::advance_result::status::waiting) program.set_time(r.until);
        }
    }
    if (!sink.finished()) std::abort();
    return 0;
}
