// The random module: CPython 3.11's Lib/random.py algorithms over its Mersenne Twister, so that a
// program seeded with random.seed(x) draws exactly the numbers CPython draws. The module-level
// functions are the methods of one hidden Random instance, as in CPython; its state lives in the run
// (allocated at first use, so charged to the run's memory). An unseeded run is as if
// random.seed(S) had run first, S being the run's seed (run_config::random_seed, reported in
// run_finished), so that a run can be replayed.
#include "runtime.hpp"

#include "integers.hpp"
#include "mersenne_twister.hpp"
#include "sha512.hpp"

#include <cmath>
#include <random>
#include <unordered_set>

namespace loopscope::engine {

namespace {

using keywords = std::vector<std::pair<std::string, value>>;

// The arguments of a method defined in Lib/random.py, bound as CPython binds a def's parameters
// (self counted in the messages, as a bound method's are): `positional` parameters, the first
// `required` of them without default, then keyword-only ones.
std::vector<std::optional<value>> bind(const std::string& name, std::initializer_list<const char*> positional, std::size_t required,
                                       std::initializer_list<const char*> keyword_only, std::vector<value>& args, keywords& kwargs)
{
    const std::string fn = "Random." + name + "()";
    const std::vector<const char*> params(positional);
    const std::vector<const char*> kwonly(keyword_only);
    std::vector<std::optional<value>> slots(params.size() + kwonly.size());
    if (args.size() > params.size()) {
        const std::string takes = required == params.size() ? std::to_string(params.size() + 1)
                                                             : "from " + std::to_string(required + 1) + " to " + std::to_string(params.size() + 1);
        raise_error("TypeError", fn + " takes " + takes + " positional arguments but " + std::to_string(args.size() + 1) + " were given");
    }
    for (std::size_t i = 0; i < args.size(); ++i) slots[i] = args[i];
    for (auto& [key, v] : kwargs) {
        std::size_t at = slots.size();
        for (std::size_t i = 0; i < params.size(); ++i)
            if (key == params[i]) at = i;
        for (std::size_t i = 0; i < kwonly.size(); ++i)
            if (key == kwonly[i]) at = params.size() + i;
        if (at == slots.size()) raise_error("TypeError", fn + " got an unexpected keyword argument '" + key + "'");
        if (slots[at]) raise_error("TypeError", fn + " got multiple values for argument '" + key + "'");
        slots[at] = v;
    }
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < required; ++i)
        if (!slots[i]) missing.push_back("'" + std::string(params[i]) + "'");
    if (!missing.empty()) {
        std::string names;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i > 0) names += missing.size() == 2 ? " and " : i + 1 == missing.size() ? ", and " : ", ";
            names += missing[i];
        }
        raise_error("TypeError", fn + " missing " + std::to_string(missing.size()) + " required positional argument" +
                                     (missing.size() == 1 ? "" : "s") + ": " + names);
    }
    return slots;
}

// An argument Lib/random.py passes through operator.index: ints (and bools) only. Floats and
// numeric strings take CPython through a DeprecationWarning path the engine does not model.
value index_arg(const value& v, const char* fn)
{
    if (v.is(value_kind::boolean)) return value::integer(v.b ? 1 : 0);
    if (is_int(v)) return v;
    raise_unsupported(std::string("random.") + fn + "() of a non-integer (" + type_name(v) + ") argument");
}

} // namespace

std::uint64_t fresh_random_seed()
{
    // A run's seed needs to differ from run to run, not to be secret: one draw from the system's
    // entropy per thread, then splitmix64's sequence. Making a std::random_device per run cost 8% of
    // the server's CPU in the capacity shape (its set-up asks the CPU for RDRAND/RDSEED with CPUID,
    // which a virtual machine's hypervisor traps).
    thread_local std::uint64_t state = [] {
        std::random_device entropy;
        const std::uint64_t high = entropy(), low = entropy();
        return (high << 32) | low;
    }();
    state += 0x9e3779b97f4a7c15ull;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return (z ^ (z >> 31)) & max_random_seed;
}

mersenne_twister& runtime::random_generator()
{
    if (!random_) {
        random_ = std::make_unique<mersenne_twister>();
        std::vector<std::uint32_t> key{static_cast<std::uint32_t>(random_seed_)};
        if (random_seed_ >> 32) key.push_back(static_cast<std::uint32_t>(random_seed_ >> 32));
        random_->seed_by_array(key);
    }
    return *random_;
}

value runtime::random_bits(std::uint64_t k)
{
    auto& mt = random_generator();
    if (k <= 64) return k == 64 ? int_from_words({mt.next_uint32(), mt.next_uint32()}) : value::integer(static_cast<std::int64_t>(mt.next_bits(static_cast<unsigned>(k))));
    const std::uint64_t words = (k - 1) / 32 + 1;
    // getrandbits(10**8) is one call: its work and memory are asked for before it is done.
    charge_work(static_cast<std::size_t>(words));
    meter_.reserve(static_cast<std::size_t>(words) * 8);
    std::vector<std::uint32_t> out(static_cast<std::size_t>(words));
    for (auto& w : out) {
        std::uint32_t r = mt.next_uint32();
        if (k < 32) r >>= (32 - k);
        w = r;
        k -= std::min<std::uint64_t>(k, 32);
    }
    return int_from_words(out);
}

value runtime::random_below(const value& n)
{
    const std::uint64_t k = int_bit_length(n);
    if (auto small = small_int(n)) {
        const auto limit = static_cast<std::uint64_t>(*small);
        auto& mt = random_generator();
        std::uint64_t r = mt.next_bits(static_cast<unsigned>(k));
        while (r >= limit) r = mt.next_bits(static_cast<unsigned>(k));
        return value::integer(static_cast<std::int64_t>(r));
    }
    value r = random_bits(k);
    while (int_compare(r, n) >= 0) r = random_bits(k);
    return r;
}

std::int64_t runtime::random_sequence_length(const value& v, const char* fn)
{
    if (v.is(value_kind::string)) return static_cast<std::int64_t>(code_point_count(v.as<string_object>().s));
    if (v.is(value_kind::list) || v.is(value_kind::tuple)) return static_cast<std::int64_t>(v.as<sequence_object>().items.size());
    if (v.is(value_kind::range)) return v.as<range_object>().length();
    if (v.is(value_kind::dict) || v.is(value_kind::dict_view) || v.is(value_kind::instance) || v.is(value_kind::class_type) ||
        v.is(value_kind::set) || v.is(value_kind::frozenset) || v.is(value_kind::deque))
        raise_unsupported(std::string("random.") + fn + "() of a " + type_name(v));
    raise_error("TypeError", "object of type '" + type_name(v) + "' has no len()");
}

value runtime::call_random(const std::string& name, std::vector<value>& args, keywords& kwargs)
{
    auto& mt = random_generator();
    // Lib/random.py's arithmetic on what the program passed, with Python's semantics and errors
    auto add = [this](const value& a, const value& b) { return binary(static_cast<std::int32_t>(binary_op::add), a, b); };
    auto mul = [this](const value& a, const value& b) { return binary(static_cast<std::int32_t>(binary_op::mul), a, b); };
    if (name == "random") {
        if (!kwargs.empty()) raise_error("TypeError", "Random.random() takes no keyword arguments");
        if (!args.empty()) raise_error("TypeError", "Random.random() takes no arguments (" + std::to_string(args.size()) + " given)");
        return value::floating(mt.next_double());
    }
    if (name == "getrandbits") {
        if (!kwargs.empty()) raise_error("TypeError", "Random.getrandbits() takes no keyword arguments");
        if (args.size() != 1) raise_error("TypeError", "Random.getrandbits() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        if (!is_int(args[0])) raise_error("TypeError", "'" + type_name(args[0]) + "' object cannot be interpreted as an integer");
        if (int_is_negative(args[0])) raise_error("ValueError", "number of bits must be non-negative");
        auto k = small_int(args[0]);
        if (!k) raise_error("OverflowError", "Python int too large to convert to C int");
        if (*k > 0x7fffffff) raise_error("OverflowError", "Python int too large to convert to C int");
        return random_bits(static_cast<std::uint64_t>(*k));
    }
    if (name == "seed") {
        auto a = bind(name, {"a", "version"}, 0, {}, args, kwargs);
        const value seed = a[0].value_or(value::none());
        const value version = a[1].value_or(value::integer(2));
        if (!is_int(version) || int_compare(version, value::integer(2)) != 0) raise_unsupported("random.seed(version=...) other than 2");
        std::vector<std::uint32_t> key;
        if (seed.is(value_kind::none)) {
            // CPython draws from os.urandom: any sequence is right. The engine's is the run's seed
            // followed by how many times it was reseeded so, so that a replay draws it again.
            key = {static_cast<std::uint32_t>(random_seed_), static_cast<std::uint32_t>(random_seed_ >> 32),
                   static_cast<std::uint32_t>(++random_reseeds_), 0x5eed0000U};
        } else if (is_int(seed)) {
            key = int_magnitude_words(seed.is(value_kind::boolean) ? value::integer(seed.b ? 1 : 0) : seed);
        } else if (seed.is(value_kind::floating)) {
            // random_seed() of anything but an int: its hash, as a size_t
            const auto h = static_cast<std::uint64_t>(float_hash(seed.f));
            key = {static_cast<std::uint32_t>(h)};
            if (h >> 32) key.push_back(static_cast<std::uint32_t>(h >> 32));
        } else if (seed.is(value_kind::string)) {
            // version 2: int.from_bytes(text + sha512(text), 'big'), in 32-bit words
            const std::string& text = seed.as<string_object>().s;
            charge_work(text.size() / 8 + 1);
            std::string bytes = text;
            const auto digest = sha512(text);
            bytes.append(reinterpret_cast<const char*>(digest.data()), digest.size());
            for (std::size_t end = bytes.size(); end > 0;) {
                std::uint32_t w = 0;
                const std::size_t start = end >= 4 ? end - 4 : 0;
                for (std::size_t i = start; i < end; ++i) w = (w << 8) | static_cast<unsigned char>(bytes[i]);
                key.push_back(w);
                end = start;
            }
            while (key.size() > 1 && key.back() == 0) key.pop_back();
        } else {
            raise_error("TypeError", "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        mt.seed_by_array(key);
        gauss_next_.reset();
        return value::none();
    }
    if (name == "uniform") {
        auto a = bind(name, {"a", "b"}, 2, {}, args, kwargs);
        // a + (b - a) * self.random(), in that order
        value width = binary(static_cast<std::int32_t>(binary_op::sub), *a[1], *a[0]);
        return add(*a[0], mul(width, value::floating(mt.next_double())));
    }
    if (name == "randint" || name == "randrange") {
        value start, stop, step = value::integer(1);
        bool has_stop = true, step_is_one = true;
        if (name == "randint") {
            auto a = bind(name, {"a", "b"}, 2, {}, args, kwargs);
            start = index_arg(*a[0], "randint");
            // randrange(a, b + 1): b + 1 is computed before randrange looks at a
            if (!is_int(*a[1])) raise_unsupported("random.randint() of a non-integer (" + type_name(*a[1]) + ") argument");
            stop = add(*a[1], value::integer(1));
        } else {
            auto a = bind(name, {"start", "stop", "step"}, 1, {}, args, kwargs);
            start = index_arg(*a[0], "randrange");
            has_stop = a[1] && !a[1]->is(value_kind::none);
            // `step is not _ONE`: only the int 1 itself (small ints are one object in CPython)
            if (a[2]) step_is_one = a[2]->is(value_kind::integer) && small_int(*a[2]) == 1;
            if (!has_stop) {
                if (!step_is_one) raise_error("TypeError", "Missing a non-None stop argument");
                if (int_compare(start, value::integer(0)) > 0) return random_below(start);
                raise_error("ValueError", "empty range for randrange()");
            }
            stop = *a[1];
            if (a[2]) step = *a[2];
        }
        stop = index_arg(stop, name.c_str());
        const value width = int_arith(binary_op::sub, stop, start);
        step = index_arg(step, name.c_str());
        const value zero = value::integer(0), one = value::integer(1);
        if (int_compare(step, one) == 0) {
            if (int_compare(width, zero) > 0) return int_arith(binary_op::add, start, random_below(width));
            raise_error("ValueError", "empty range for randrange() (" + int_to_decimal(start) + ", " + int_to_decimal(stop) + ", " +
                                          int_to_decimal(width) + ")");
        }
        value n;
        if (int_compare(step, zero) > 0)
            n = int_arith(binary_op::floordiv, int_arith(binary_op::sub, int_arith(binary_op::add, width, step), one), step);
        else if (int_compare(step, zero) < 0)
            n = int_arith(binary_op::floordiv, int_arith(binary_op::add, int_arith(binary_op::add, width, step), one), step);
        else
            raise_error("ValueError", "zero step for randrange()");
        if (int_compare(n, zero) <= 0) raise_error("ValueError", "empty range for randrange()");
        return int_arith(binary_op::add, start, int_arith(binary_op::mul, step, random_below(n)));
    }
    if (name == "choice") {
        auto a = bind(name, {"seq"}, 1, {}, args, kwargs);
        const std::int64_t n = random_sequence_length(*a[0], "choice");
        if (n == 0) raise_error("IndexError", "Cannot choose from an empty sequence");
        return subscript(*a[0], random_below(value::integer(n)));
    }
    if (name == "choices") {
        auto a = bind(name, {"population", "weights"}, 1, {"cum_weights", "k"}, args, kwargs);
        const value& population = *a[0];
        const std::int64_t n = random_sequence_length(population, "choices");
        const value k_value = a[3].value_or(value::integer(1));
        if (!is_int(k_value)) raise_error("TypeError", "'" + type_name(k_value) + "' object cannot be interpreted as an integer");
        const auto k_small = small_int(k_value);
        if (!k_small) raise_error("OverflowError", "Python int too large to convert to C ssize_t");
        const std::size_t k = *k_small > 0 ? static_cast<std::size_t>(*k_small) : 0;
        check_items(k);
        charge_work(k * 2);  // a draw and an item each
        std::vector<value> out;
        const bool has_weights = a[1] && !a[1]->is(value_kind::none);
        const bool has_cum = a[2] && !a[2]->is(value_kind::none);
        if (!has_cum && !has_weights) {
            const double size = static_cast<double>(n);
            for (std::size_t i = 0; i < k; ++i) out.push_back(subscript(population, value::integer(static_cast<std::int64_t>(std::floor(mt.next_double() * size)))));
            return value::list(std::move(out));
        }
        std::vector<value> cumulative;
        if (!has_cum) {
            if (is_int(*a[1])) raise_error("TypeError", "The number of choices must be a keyword argument: k=" + repr(*a[1]));
            std::vector<value> weights = to_vector(*a[1]);
            charge_work(weights.size());
            for (std::size_t i = 0; i < weights.size(); ++i) cumulative.push_back(i == 0 ? weights[0] : add(cumulative.back(), weights[i]));
        } else {
            if (has_weights) raise_error("TypeError", "Cannot specify both weights and cumulative weights");
            cumulative = to_vector(*a[2]);
        }
        if (static_cast<std::int64_t>(cumulative.size()) != n) raise_error("ValueError", "The number of weights does not match the population");
        if (cumulative.empty()) raise_error("IndexError", "list index out of range");
        const value total_value = add(cumulative.back(), value::floating(0.0));
        if (!total_value.is(value_kind::floating)) raise_unsupported("random.choices() with weights that are not numbers");
        const double total = total_value.f;
        if (total <= 0.0) raise_error("ValueError", "Total of weights must be greater than zero");
        if (!std::isfinite(total)) raise_error("ValueError", "Total of weights must be finite");
        charge_work(k * (1 + static_cast<std::size_t>(std::log2(static_cast<double>(n) + 1))));
        for (std::size_t i = 0; i < k; ++i) {
            const value x = value::floating(mt.next_double() * total);
            // bisect.bisect(cum_weights, x, 0, n - 1)
            std::int64_t lo = 0, hi = n - 1;
            while (lo < hi) {
                const std::int64_t mid = (lo + hi) / 2;
                if (truthy(compare(static_cast<std::int32_t>(compare_op::lt), x, cumulative[static_cast<std::size_t>(mid)]))) hi = mid;
                else lo = mid + 1;
            }
            out.push_back(subscript(population, value::integer(lo)));
        }
        return value::list(std::move(out));
    }
    if (name == "shuffle") {
        auto a = bind(name, {"x"}, 1, {}, args, kwargs);
        const value& x = *a[0];
        const std::int64_t n = random_sequence_length(x, "shuffle");
        if (!x.is(value_kind::list)) {
            // x[i], x[j] = x[j], x[i]: the first draw is made before the assignment fails
            if (n > 1) {
                random_below(value::integer(n));
                raise_error("TypeError", "'" + type_name(x) + "' object does not support item assignment");
            }
            return value::none();
        }
        charge_work(static_cast<std::size_t>(n) * 2);  // a draw and a swap each
        auto& items = const_cast<sequence_object&>(x.as<sequence_object>()).items;
        for (std::int64_t i = n - 1; i >= 1; --i) {
            const auto j = static_cast<std::size_t>(small_int(random_below(value::integer(i + 1))).value_or(0));
            std::swap(items[static_cast<std::size_t>(i)], items[j]);
        }
        return value::none();
    }
    if (name == "sample") {
        auto a = bind(name, {"population", "k"}, 2, {"counts"}, args, kwargs);
        const value& population = *a[0];
        const bool sequence = population.is(value_kind::list) || population.is(value_kind::tuple) || population.is(value_kind::string) ||
                              population.is(value_kind::range);
        if (!sequence) raise_error("TypeError", "Population must be a sequence.  For dicts or sets, use sorted(d).");
        if (a[2] && !a[2]->is(value_kind::none)) raise_unsupported("random.sample(counts=...)");
        const std::int64_t n = random_sequence_length(population, "sample");
        const value& k_value = *a[1];
        if (!is_int(k_value)) raise_unsupported("random.sample() with a k that is not an int");
        if (int_is_negative(k_value) || int_compare(k_value, value::integer(n)) > 0)
            raise_error("ValueError", "Sample larger than population or is negative");
        const auto k = static_cast<std::size_t>(*small_int(k_value));
        check_items(k);
        std::vector<value> result;
        // CPython's choice of algorithm: a pool list while it is smaller than a set of k would be
        std::int64_t setsize = 21;
        if (k > 5) setsize += static_cast<std::int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
        if (n <= setsize) {
            charge_work(static_cast<std::size_t>(n) + k);
            std::vector<value> pool = population.is(value_kind::list) || population.is(value_kind::tuple)
                                          ? population.as<sequence_object>().items
                                          : to_vector(population);
            for (std::size_t i = 0; i < k; ++i) {
                const auto j = static_cast<std::size_t>(*small_int(random_below(value::integer(n - static_cast<std::int64_t>(i)))));
                result.push_back(pool[j]);
                pool[j] = pool[static_cast<std::size_t>(n) - i - 1];
            }
        } else {
            charge_work(k * 4);
            std::unordered_set<std::int64_t> selected;
            for (std::size_t i = 0; i < k; ++i) {
                std::int64_t j = *small_int(random_below(value::integer(n)));
                while (selected.count(j)) {
                    charge_work(1);
                    j = *small_int(random_below(value::integer(n)));
                }
                selected.insert(j);
                result.push_back(subscript(population, value::integer(j)));
            }
        }
        return value::list(std::move(result));
    }
    if (name == "gauss") {
        auto a = bind(name, {"mu", "sigma"}, 0, {}, args, kwargs);
        double z;
        if (gauss_next_) {
            z = *gauss_next_;
            gauss_next_.reset();
        } else {
            const double x2pi = mt.next_double() * (2.0 * M_PI);
            const double g2rad = std::sqrt(-2.0 * std::log(1.0 - mt.next_double()));
            z = std::cos(x2pi) * g2rad;
            gauss_next_ = std::sin(x2pi) * g2rad;
        }
        return add(a[0].value_or(value::floating(0.0)), mul(value::floating(z), a[1].value_or(value::floating(1.0))));
    }
    if (name == "normalvariate") {
        auto a = bind(name, {"mu", "sigma"}, 0, {}, args, kwargs);
        static const double nv_magicconst = 4 * std::exp(-0.5) / std::sqrt(2.0);
        double z;
        for (;;) {
            charge_work(1);
            const double u1 = mt.next_double();
            const double u2 = 1.0 - mt.next_double();
            z = nv_magicconst * (u1 - 0.5) / u2;
            const double zz = z * z / 4.0;
            if (zz <= -std::log(u2)) break;
        }
        return add(a[0].value_or(value::floating(0.0)), mul(value::floating(z), a[1].value_or(value::floating(1.0))));
    }
    if (name == "expovariate") {
        auto a = bind(name, {"lambd"}, 1, {}, args, kwargs);
        const double numerator = -std::log(1.0 - mt.next_double());
        return binary(static_cast<std::int32_t>(binary_op::div), value::floating(numerator), *a[0]);
    }
    raise_unsupported("random." + name + "()");
}

} // namespace loopscope::engine
