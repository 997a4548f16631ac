// The random module: the same numbers as CPython 3.11 for the same seed, CPython's errors, a per-run
// seed that replays a run, and its long operations within the run's bounds. The expected outputs are
// python3's own, printed at test time.
#include "engine_test_support.hpp"

#include "sha512.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_clean;
using loopscope::engine::testing::run_output;
using loopscope::engine::testing::run_virtual;

namespace {

// What python3 prints for `source` (stdout only).
std::string python3_output(const std::string& source)
{
    const auto path = std::filesystem::temp_directory_path() / ("loopscope_random_test_" + std::to_string(::getpid()) + ".py");
    {
        std::ofstream out(path, std::ios::binary);
        out << source;
    }
    std::string text;
    const std::string command = std::string(LOOPSCOPE_PYTHON3) + " " + path.string();
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        std::array<char, 4096> buffer{};
        std::size_t n;
        while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
        ::pclose(pipe);
    }
    std::filesystem::remove(path);
    return text;
}

void expect_as_python3(const std::string& source)
{
    const std::string expected = python3_output(source);
    ASSERT_FALSE(expected.empty()) << "python3 printed nothing";
    auto out = run_virtual(source);
    EXPECT_EQ(out.stdout_text, expected);
    EXPECT_EQ(out.stderr_text, "");
}

std::uint64_t reported_seed(const run_output& out)
{
    const auto* end = out.last("run_finished");
    EXPECT_TRUE(end && end->random_seed);
    return end && end->random_seed ? *end->random_seed : 0;
}

} // namespace

TEST(random, seeded_draws_are_cpythons)
{
    expect_as_python3(R"(import random
random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.uniform(0.5, 2), random.uniform(1, 10), random.uniform(5, -5))
print(random.choice("abcdef"), random.choice([1, 2, 3]), random.choice(range(100)), random.choice((7,)))
print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(50, 5, -3), random.randrange(-7, 7))
print(random.getrandbits(0), random.getrandbits(1), random.getrandbits(32), random.getrandbits(33))
print(random.getrandbits(63), random.getrandbits(64), random.getrandbits(65), random.getrandbits(100), random.getrandbits(1000))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(1000), 10), random.sample("hello world", 4), random.sample(list(range(30)), 30))
print(random.sample(range(10**9), 7), random.sample(range(100), 0), random.sample((1, 2, 3), k=3))
print(random.choices("abc", k=5), random.choices([1, 2, 3], weights=[1, 0, 5], k=6))
print(random.choices("xyz", cum_weights=[1, 1.5, 4], k=4), random.choices(range(5), [0.1] * 5, k=3), random.choices("ab"))
print(random.gauss(), random.gauss(10, 2), random.gauss(mu=1), random.normalvariate(0, 1), random.normalvariate(), random.expovariate(2))
print(random.randint(-10**30, 10**30), random.randrange(0, 10**25, 7), random.choice(range(10**15)))
)");
}

TEST(random, every_kind_of_seed_is_cpythons)
{
    // str seeds go through SHA-512 (version 2); floats through their hash; ints by |value|.
    expect_as_python3(R"(import random
for s in [0, 1, -1, 5, -5, 2**31, 2**32 - 1, 2**32, 2**64 + 3, -(2**100) - 7, 10**200, True, False,
          "", "a", "hello", "é unicode ✓", "x" * 200, 1.5, -2.25, 0.0, 1e300, float(2**70)]:
    random.seed(s)
    print(repr(s)[:20], random.random(), random.getrandbits(70))
random.seed(9)
a = random.gauss()
random.seed(9)
print(a == random.gauss(), random.random())
random.seed(a=3, version=2)
print(random.random())
)");
}

TEST(random, errors_are_cpythons)
{
    expect_as_python3(R"(import random
def attempt(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
random.seed(7)
attempt(random.choice, [])
attempt(random.choice, "")
attempt(random.choice, 5)
attempt(random.randrange, 0)
attempt(random.randrange, -3)
attempt(random.randrange, 5, 5)
attempt(random.randrange, 1, 10, 0)
attempt(random.randrange, 10, 1, 2)
attempt(random.randrange, 10, None, 2)
attempt(random.randrange, 10, step=1)
attempt(random.randrange, 1, 2, 3, 4)
attempt(random.randint, 5, 1)
attempt(random.randint, 1)
attempt(random.randint)
attempt(random.randint, 1, 2, 3)
attempt(random.randint, a=1, c=2)
attempt(random.randint, 1, a=2)
attempt(random.sample, [1, 2], 3)
attempt(random.sample, [1, 2], -1)
attempt(random.sample, {1: 2}, 1)
attempt(random.sample, 5, 1)
attempt(random.sample, [1])
attempt(random.choices, [1, 2], [1])
attempt(random.choices, [1, 2], 3)
attempt(random.choices, [1, 2], [1, 2], cum_weights=[1, 2])
attempt(random.choices, [1, 2], [0, 0])
attempt(random.choices, [1, 2], [1, float("inf")])
attempt(random.choices, [], k=0)
attempt(random.choices, [], k=2)
attempt(random.choices, "ab", k=-3)
attempt(random.choices, "ab", k=1.5)
attempt(random.getrandbits, -1)
attempt(random.getrandbits, 1.5)
attempt(random.getrandbits)
attempt(random.getrandbits, k=3)
attempt(random.random, 1)
attempt(random.random, x=1)
attempt(random.seed, [1])
attempt(random.seed, 1, 2, 3)
attempt(random.shuffle, (1, 2, 3))
attempt(random.shuffle, (1,))
attempt(random.shuffle, "ab")
attempt(random.uniform, 1, "a")
attempt(random.expovariate, 0)
attempt(random.gauss, "a")
print(random.random())
)");
}

TEST(random, sha512_is_hashlibs)
{
    // Across the block boundaries (111, 112, 127, 128 bytes: the padding's cases)
    std::string source = "import hashlib\n";
    std::string ours;
    for (std::size_t n : {0, 1, 3, 55, 111, 112, 113, 127, 128, 129, 200, 1000}) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) text += static_cast<char>('a' + i % 26);
        source += "print(hashlib.sha512(b'" + text + "').hexdigest())\n";
        static constexpr char hex[] = "0123456789abcdef";
        for (auto byte : loopscope::engine::sha512(text)) {
            ours += hex[byte >> 4];
            ours += hex[byte & 15];
        }
        ours += '\n';
    }
    EXPECT_EQ(ours, python3_output(source));
}

TEST(random, an_unseeded_run_reports_its_seed_and_replays_with_it)
{
    const std::string program = "import random\nprint(random.random(), random.randint(1, 100), random.choice('abcdef'))\n"
                                "random.seed()\nprint(random.random())\n";
    auto first = run_clean(program);
    const std::uint64_t seed = reported_seed(first);
    EXPECT_LE(seed, loopscope::engine::max_random_seed);
    // Another run draws another seed (2**-53 of the time the same one)
    auto second = run_clean(program);
    EXPECT_NE(reported_seed(second), seed);
    EXPECT_NE(second.stdout_text, first.stdout_text);

    run_config replay;
    replay.random_seed = seed;
    auto again = run_clean(program, replay);
    EXPECT_EQ(again.stdout_text, first.stdout_text);
    EXPECT_EQ(reported_seed(again), seed);

    // As if random.seed(S) had run first: python3 draws the same up to the program's own seed()
    const auto lines = python3_output("import random\nrandom.seed(" + std::to_string(seed) +
                                      ")\nprint(random.random(), random.randint(1, 100), random.choice('abcdef'))\n");
    EXPECT_EQ(first.stdout_text.substr(0, first.stdout_text.find('\n') + 1), lines);
}

TEST(random, a_run_that_fails_reports_its_seed_too)
{
    auto out = run_virtual("import random\nrandom.random()\nraise ValueError('x')\n");
    EXPECT_EQ(out.exit_status, 1);
    reported_seed(out);
    auto refused = run_virtual("import random\nrandom.betavariate(1, 2)\n");
    const auto* end = refused.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "UnsupportedError");
    EXPECT_EQ(refused.timed_prints().size(), 0u);
}

TEST(random, names_of_the_real_module_the_engine_lacks_are_refused_before_the_first_line)
{
    for (const char* source : {"print(1)\nimport random\nrandom.betavariate(1, 2)\n", "print(1)\nfrom random import Random\n",
                               "print(1)\nimport random as r\nx = r.SystemRandom\n", "print(1)\nimport random\nx = random\nx.triangular()\n"}) {
        auto out = run_virtual(source);
        const auto* end = out.last("run_finished");
        ASSERT_TRUE(end && end->error) << source;
        EXPECT_EQ(end->error->type, "UnsupportedError") << source;
        EXPECT_EQ(out.stdout_text, "") << source;
    }
    // A name CPython lacks too is CPython's AttributeError, when reached
    auto out = run_virtual("import random\nprint(1)\nrandom.nothing\n");
    EXPECT_EQ(out.stdout_text, "1\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "AttributeError");
    EXPECT_EQ(end->error->message, "module 'random' has no attribute 'nothing'");
}

TEST(random, long_operations_are_bounded_like_other_builtins)
{
    for (const char* source : {"import random\nx = random.getrandbits(10**8)\n", "import random\nx = random.sample(range(10**9), 900000)\n",
                               "import random\nx = random.choices('ab', k=10**6)\n", "import random\nx = list(range(10**6))\nrandom.shuffle(x)\n"}) {
        auto out = run_virtual(source);
        EXPECT_NE(limit_message(out), "") << source;
    }
    auto out = run_virtual("import random\nx = random.choices('ab', k=10**7)\n");
    EXPECT_NE(limit_message(out), "");
    // Sizes a learner uses are well within them
    run_clean("import random\nx = random.getrandbits(10**5)\ny = random.sample(range(10**9), 1000)\nz = list(range(10**4))\n"
              "random.shuffle(z)\nw = random.choices(z, k=10**4)\n");
}

namespace {

std::size_t peak_memory_of(const std::string& source)
{
    loopscope::engine::testing::recording_sink sink;
    loopscope::engine::run program{source, run_config{}, sink};
    while (!program.finished()) {
        auto step = program.advance(100'000);
        if (step.state == loopscope::engine::advance_result::status::waiting) program.set_time(step.until);
    }
    return program.peak_memory_bytes();
}

} // namespace

TEST(random, the_generators_state_is_charged_to_the_run)
{
    // 624 words of Mersenne Twister state (2,496 bytes), made at the first draw in the run's account
    const auto without = peak_memory_of("import random\nx = 1.5\n");
    const auto with = peak_memory_of("import random\nx = random.random()\n");
    EXPECT_GE(with, without + 624 * 4) << without << " " << with;
}
