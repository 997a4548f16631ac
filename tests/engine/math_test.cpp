// The math module: CPython 3.11's results and errors for the functions the engine models, and the
// names of the real module it does not model refused before the program's first line.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

using loopscope::engine::testing::run_virtual;

namespace {

std::string printed(const std::string& body) { return run_virtual("import math\n" + body).stdout_text; }

} // namespace

TEST(math, constants_and_functions_of_floats_as_cpython)
{
    EXPECT_EQ(printed("print(math.pi, math.e, math.tau, math.inf, math.nan)\n"),
              "3.141592653589793 2.718281828459045 6.283185307179586 inf nan\n");
    EXPECT_EQ(printed("print(math.sqrt(2), math.log(8, 2), math.log10(0.001), math.atan2(1, -1), math.degrees(math.pi))\n"),
              "1.4142135623730951 3.0 -3.0 2.356194490192345 180.0\n");
    EXPECT_EQ(printed("print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1), math.copysign(3, -0.0))\n"),
              "True True True -3.0\n");
}

TEST(math, floor_and_ceil_give_ints_of_any_size)
{
    EXPECT_EQ(printed("print(math.floor(-2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(1e30), math.floor(7), math.ceil(True))\n"),
              "-3 3 -2 1000000000000000019884624838656 7 1\n");
}

TEST(math, errors_as_cpython)
{
    const std::string source = "for f in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000), lambda: math.floor(math.inf),\n"
                               "          lambda: math.ceil(math.nan), lambda: math.sqrt('4'), lambda: math.log(), lambda: math.atan2(1),\n"
                               "          lambda: math.sqrt(1, 2), lambda: math.sqrt(x=4)]:\n"
                               "    try:\n        f()\n    except Exception as e:\n        print(type(e).__name__, e)\n";
    EXPECT_EQ(printed(source), "ValueError math domain error\nValueError math domain error\nOverflowError math range error\n"
                               "OverflowError cannot convert float infinity to integer\nValueError cannot convert float NaN to integer\n"
                               "TypeError must be real number, not str\nTypeError math.log requires 1 to 2 arguments\n"
                               "TypeError atan2 expected 2 arguments, got 1\nTypeError math.sqrt() takes exactly one argument (2 given)\n"
                               "TypeError math.sqrt() takes no keyword arguments\n");
}

TEST(math, names_of_the_real_module_the_engine_lacks_are_refused_before_the_first_line)
{
    for (const char* source : {"print(1)\nimport math\nmath.gamma(5)\n", "print(1)\nfrom math import erf\n",
                               "print(1)\nimport math as m\nx = m.lgamma\n"}) {
        auto out = run_virtual(source);
        const auto* end = out.last("run_finished");
        ASSERT_TRUE(end && end->error) << source;
        EXPECT_EQ(end->error->type, "UnsupportedError") << source;
        EXPECT_EQ(out.stdout_text, "") << source;
    }
    auto out = run_virtual("import math\nprint(1)\nmath.nothing\n");
    EXPECT_EQ(out.stdout_text, "1\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "AttributeError");
    EXPECT_EQ(end->error->message, "module 'math' has no attribute 'nothing'");
}
