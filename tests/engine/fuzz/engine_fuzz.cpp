// libFuzzer target: any bytes as a program, under the server's own bounds. The run must end, report
// run_finished last with contiguous seq, keep each slice within its steps plus one operation, hold no
// more than its memory bound, and never crash, hang or leak (ASan/UBSan/LSan).
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
    // The server's own bounds: what the fuzzer finds is what a client could do; but a tenth of its
    // steps. Under the fuzzer's coverage, ASan and UBSan a step costs about 6 us, so a hostile seed that
    // runs to the server's 10 million steps (a callback rescheduling itself) would take a minute, past
    // the per-input timeout; what runs out at a million steps is the same code.
    const loopscope::engine::run_config config = [] {
        loopscope::engine::run_config c;
        c.max_steps = c.max_steps / 10;
        return c;
    }();
    constexpr std::uint64_t slice = 5'000;
    checking_sink sink;
    {
        loopscope::engine::run program(std::string(reinterpret_cast<const char*>(data), size), config, sink);
        while (true) {
            const auto before = program.steps();
            auto r = program.advance(slice);
            // A slice ends when its steps are spent; only the operation under way may overrun it.
            if (program.steps() - before > slice + config.max_operation_steps + 16) std::abort();
            if (r.state == loopscope::engine::advance_result::status::finished) break;
            if (r.state == loopscope::engine::advance_result::status::waiting) program.set_time(r.until);
        }
        // The memory bound holds, give or take the one allocation that crossed it.
        if (program.peak_memory_bytes() > config.max_memory_bytes + (4u << 20)) std::abort();
    }
    if (!sink.finished()) std::abort();
    return 0;
}
