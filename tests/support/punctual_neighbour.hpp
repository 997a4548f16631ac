#pragma once

// A neighbour connection that runs the tutorial's gather over and over on its own thread while a test
// does something hostile on the same server: each gather takes 0.3 real seconds (speed 10), and the
// latest one finishing late means the hostile client held the server's thread.
#include "loopback_client.hpp"
#include "run_transcript.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace loopscope::testing {

class punctual_neighbour {
public:
    using clock = std::chrono::steady_clock;

    explicit punctual_neighbour(std::uint16_t port) : client_(port)
    {
        client_.read(); // hello
        thread_ = std::thread([this] { run_gathers(); });
    }

    ~punctual_neighbour()
    {
        if (thread_.joinable()) finish();
    }

    punctual_neighbour(const punctual_neighbour&) = delete;
    punctual_neighbour& operator=(const punctual_neighbour&) = delete;

    // Lets the gather in progress end (there is always one) and checks every gather that ran: each
    // took its 0.3 s, at most `allowed_delay` more, and finished ok.
    void finish(std::chrono::milliseconds allowed_delay = std::chrono::milliseconds{1200})
    {
        stop_ = true;
        thread_.join();
        EXPECT_TRUE(all_ok_) << "a neighbour's gather did not finish ok";
        EXPECT_LT(slowest_, std::chrono::milliseconds{300} + allowed_delay)
            << "a neighbour's gather finished "
            << std::chrono::duration_cast<std::chrono::milliseconds>(slowest_ - std::chrono::milliseconds{300}).count()
            << " ms late";
    }

private:
    void run_gathers()
    {
        do {
            const auto start = clock::now();
            client_.write_text(R"({"type":"run","run":"g","scenario":"gather","speed":10})");
            auto gather = read_run(client_, "g");
            slowest_ = std::max(slowest_, clock::now() - start);
            all_ok_ = all_ok_ && gather.finished.at("status").as_string() == "ok";
            ++gathers_;
        } while (!stop_);
    }

    ws_client client_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    // Written by the neighbour's thread, read after it has been joined
    clock::duration slowest_{};
    int gathers_ = 0;
    bool all_ok_ = true;
};

} // namespace loopscope::testing
