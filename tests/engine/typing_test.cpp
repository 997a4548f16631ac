// typing: what the engine models runs (the conformance programs compare it with python3); the rest
// of the module is refused before the first line, and checking types with its objects is refused
// where it is reached.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::run_virtual;

TEST(typing, names_the_engine_does_not_model_are_refused_before_the_first_line)
{
    for (const char* source : {"print('first')\nfrom typing import TypedDict\n", "print('first')\nimport typing\nx = typing.cast(int, 1)\n",
                               "print('first')\nfrom typing import List, Protocol\n"}) {
        auto out = run_virtual(source);
        const auto* end = out.last("run_finished");
        ASSERT_TRUE(end && end->error) << source;
        EXPECT_EQ(end->error->type, "UnsupportedError") << source;
        EXPECT_EQ(out.stdout_text, "") << source;
    }
}

TEST(typing, checking_a_value_against_a_typing_form_is_refused_not_answered_differently)
{
    for (const char* use : {"isinstance([], List)", "List()", "List.__origin__", "{List[int]: 1}"}) {
        auto out = run_virtual(std::string("from typing import List\nprint('first')\n") + use + "\n");
        const auto* end = out.last("run_finished");
        ASSERT_TRUE(end && end->error) << use;
        EXPECT_EQ(end->error->type, "UnsupportedError") << use;
        EXPECT_EQ(out.stdout_text, "first\n") << use;
    }
}
