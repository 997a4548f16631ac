// Python's int beyond 64 bits: what learners see of it (exact digits, CPython's limits) and that its
// memory and work are counted like any other value's.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::run_output;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

TEST(integers, grow_past_64_bits_and_come_back)
{
    auto out = run_virtual("x = 2 ** 64\nprint(x, x - 1, -x)\nprint(x // 2 ** 60, (x + 1) % 7, x >> 70)\n"
                           "f = 1\nfor i in range(1, 26):\n    f *= i\nprint(f, f // 24 // 23 // 22)\n");
    EXPECT_EQ(out.stdout_text, "18446744073709551616 18446744073709551615 -18446744073709551616\n"
                               "16 3 0\n15511210043330985984000000 1277273554292736000000\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(integers, the_decimal_digit_limit_is_cpythons_and_catchable)
{
    auto out = run_virtual("try:\n    print(str(10 ** 4300))\nexcept ValueError as e:\n    print(e)\nprint(len(str(10 ** 4299)))\n"
                           "print(len(hex(10 ** 5000)))\n");
    EXPECT_EQ(out.stdout_text,
              "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n"
              "4300\n4155\n");
}

TEST(integers, a_literal_past_the_digit_limit_is_cpythons_syntax_error)
{
    auto out = run_virtual("x = " + std::string(4301, '7') + "\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "SyntaxError");
    EXPECT_NE(end->error->message.find("value has 4301 digits"), std::string::npos) << end->error->message;
}

// A big int is an object of its own, charged to the run's account: a list of them is counted (and
// would not be if the ints' limbs escaped the accounting).
TEST(integers, their_memory_counts_against_the_runs_bound)
{
    run_config config;
    config.max_memory_bytes = 4u << 20;
    // 1,000 ints of 40,000 bits: 5 MB of limbs, and under 100 KB of list.
    auto out = run_virtual("x = 1 << 40_000\nnumbers = [x + i for i in range(1000)]\nprint(len(numbers))\n", config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    // A tenth of that fits.
    out = run_virtual("x = 1 << 40_000\nnumbers = [x + i for i in range(100)]\nprint(len(numbers))\n", config);
    EXPECT_EQ(out.stdout_text, "100\n");
}

// Work on big ints is charged before it is done: a product too long for one operation is refused,
// not begun, and a result past the memory bound is refused before it is built.
TEST(integers, work_and_size_are_checked_before_the_operation)
{
    run_config config;
    auto out = run_virtual("x = 3 ** 10_000_000\n", config);
    EXPECT_NE(limit_message(out).find("max_operation_steps"), std::string::npos) << limit_message(out);
    out = run_virtual("x = 1 << 1_000_000_000\n", config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    // Nothing stops a product that fits: 2 ** 100_000 has 30,103 digits.
    out = run_virtual("x = 2 ** 100_000\nprint(len(hex(x)))\n", config);
    EXPECT_EQ(out.stdout_text, "25003\n");
}
