// Closures: a cell shared by a frame and the functions made in it. A recursive nested function is a
// cycle (cell -> function -> closure -> cell) that the run's end must break; under the asan preset
// LeakSanitizer fails this test if it does not.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::run_virtual;

TEST(closures, a_recursive_nested_function_is_let_go_with_its_run)
{
    auto out = run_virtual("def outer():\n    def fact(n):\n        return 1 if n <= 1 else n * fact(n - 1)\n    return fact\n"
                           "f = outer()\nprint(f(20), f)\n");
    EXPECT_EQ(out.stdout_text, "2432902008176640000 <function outer.<locals>.fact at 0x7f3c2a5e1000>\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(closures, a_variable_read_before_its_enclosing_function_assigns_it_is_cpythons_name_error)
{
    auto out = run_virtual("def outer():\n    def get():\n        return y\n    get()\n    y = 1\nouter()\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "NameError");
    EXPECT_EQ(end->error->message, "cannot access free variable 'y' where it is not associated with a value in enclosing scope");
}
