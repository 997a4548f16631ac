// The math module: its constants, the functions of floats that C's libm computes as CPython's
// mathmodule.c calls them (same domain and range errors, same messages), the functions of ints of any
// size (factorial, gcd, lcm, isqrt, comb, perm), and fsum, prod, isclose, hypot and dist as 3.11
// computes them. gamma, lgamma, erf and erfc (CPython's own approximations) are refused by name.
#include "runtime.hpp"

#include "integers.hpp"

#include <cerrno>
#include <cfloat>
#include <cmath>

namespace loopscope::engine {

namespace {

// A float argument as mathmodule.c takes it (PyFloat_AsDouble): floats, ints and bools.
double real_arg(const value& v)
{
    if (v.is(value_kind::floating)) return v.f;
    if (v.is(value_kind::boolean)) return v.b ? 1.0 : 0.0;
    if (is_int(v)) return int_to_float(v);
    raise_error("TypeError", "must be real number, not " + type_name(v));
}

// The int that floor/ceil/trunc give: CPython's errors for the floats no int holds.
value int_of_whole_float(double d)
{
    if (std::isnan(d)) raise_error("ValueError", "cannot convert float NaN to integer");
    if (std::isinf(d)) raise_error("OverflowError", "cannot convert float infinity to integer");
    return int_from_float(d);
}

// mathmodule.c's math_1: a domain error where libm gives nan from a non-nan argument, a range
// error where it overflows to infinity from a finite one.
value checked(double x, double r, bool overflow_possible)
{
    if (std::isnan(r) && !std::isnan(x)) raise_error("ValueError", "math domain error");
    if (std::isinf(r) && std::isfinite(x)) {
        if (overflow_possible) raise_error("OverflowError", "math range error");
        raise_error("ValueError", "math domain error");
    }
    return value::floating(r);
}

// A positive int too large for a float as m * 2**e, m in [0.5, 1) correctly rounded (_PyLong_Frexp)
double big_frexp(const value& v, std::int64_t& e)
{
    const auto words = int_magnitude_words(v);
    charge_work(words.size());
    e = static_cast<std::int64_t>(int_bit_length(v));
    auto bit = [&](std::int64_t i) { return (words[static_cast<std::size_t>(i / 32)] >> (i % 32)) & 1u; };
    std::uint64_t top = 0;
    for (std::int64_t i = e - 1; i >= e - 64; --i) top = (top << 1) | bit(i);
    bool sticky = false;
    for (std::int64_t i = 0; i < e - 64 && !sticky; ++i) {
        if (i % 32 == 0 && i + 32 <= e - 64) {
            sticky = words[static_cast<std::size_t>(i / 32)] != 0;
            i += 31;
            continue;
        }
        sticky = bit(i) != 0;
    }
    if (sticky) top |= 1;  // so that converting the top 64 bits rounds as the whole number would
    double m = std::ldexp(static_cast<double>(top), -64);
    if (m == 1.0) {
        m = 0.5;
        ++e;
    }
    return m;
}

// mathmodule.c's loghelper: an int too large for a float still has a logarithm
double log_helper(const value& v, double (*func)(double))
{
    if (is_int(v)) {
        if (int_is_negative(v) || (small_int(v) && *small_int(v) == 0)) raise_error("ValueError", "math domain error");
        if (is_big_int(v) && int_bit_length(v) >= 1024) {
            try {
                return func(int_to_float(v));
            } catch (const python_error&) {  // OverflowError: past the largest float
                std::int64_t e = 0;
                const double m = big_frexp(v, e);
                return func(m) + func(2.0) * static_cast<double>(e);
            }
        }
    }
    const double x = real_arg(v);
    if (std::isnan(x)) return x;
    if (x <= 0) raise_error("ValueError", "math domain error");
    return func(x);
}

double natural_log(double x) { return std::log(x); }
double log_base2(double x) { return std::log2(x); }
double log_base10(double x) { return std::log10(x); }

// An int argument where CPython calls __index__ (factorial, gcd, comb ...).
value index_arg(const value& v)
{
    if (v.is(value_kind::boolean)) return value::integer(v.b ? 1 : 0);
    if (is_int(v)) return v;
    if (v.is(value_kind::instance) && v.as<instance_object>().cls->lookup("__index__")) raise_unsupported("__index__ of a program's class");
    raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

// math.pow as mathmodule.c's: IEEE specials decided first, then libm, its nan a domain error and its
// infinity a domain error from 0 ** negative or a range error from an overflow.
double math_pow(double x, double y)
{
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x)) return y == 0.0 ? 1.0 : x;
        if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
        if (std::isinf(x)) {
            const bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.0) return odd_y ? x : std::fabs(x);
            if (y == 0.0) return 1.0;
            return odd_y ? std::copysign(0.0, x) : 0.0;
        }
        if (std::fabs(x) == 1.0) return 1.0;
        if (y > 0.0 && std::fabs(x) > 1.0) return y;
        if (y < 0.0 && std::fabs(x) < 1.0) return -y;
        return 0.0;
    }
    const double r = std::pow(x, y);
    if (std::isnan(r)) raise_error("ValueError", "math domain error");
    if (std::isinf(r)) {
        if (x == 0.0) raise_error("ValueError", "math domain error");
        raise_error("OverflowError", "math range error");
    }
    return r;
}

bool int_is_zero(const value& v) { return small_int(v) && *small_int(v) == 0; }

value int_op(binary_op op, const value& a, const value& b) { return int_arith(op, a, b); }

// The product lo * (lo + 1) * ... * (lo + count - 1), split in halves so that the big
// multiplications are between numbers of similar sizes (each charged by int_arith).
value range_product(const value& lo, std::uint64_t count)
{
    if (count == 0) return value::integer(1);
    if (count <= 16) {
        value product = lo;
        value factor = lo;
        for (std::uint64_t i = 1; i < count; ++i) {
            factor = int_op(binary_op::add, factor, value::integer(1));
            product = int_op(binary_op::mul, product, factor);
        }
        return product;
    }
    const std::uint64_t half = count / 2;
    const value upper_lo = int_op(binary_op::add, lo, value::integer(static_cast<std::int64_t>(half)));
    return int_op(binary_op::mul, range_product(lo, half), range_product(upper_lo, count - half));
}

// A count of factors that must fit in a C long long, as CPython's comb/perm need of k.
std::uint64_t factor_count(const value& k, const char* message)
{
    const auto n = small_int(k);
    if (!n) raise_error("OverflowError", message);
    return static_cast<std::uint64_t>(*n);
}

value factorial_of(const value& n)
{
    if (int_is_negative(n)) raise_error("ValueError", "factorial() not defined for negative values");
    if (!small_int(n)) raise_error("OverflowError", "factorial() argument should not exceed 9223372036854775807");
    const auto count = static_cast<std::uint64_t>(*small_int(n));
    // The result has about n log2 n bits: asked of the memory bound before the work starts.
    const double bits = count < 2 ? 1.0 : static_cast<double>(count) * std::log2(static_cast<double>(count));
    reserve_memory(static_cast<std::size_t>(std::min(bits / 8.0, 1e15)));
    charge_work(static_cast<std::size_t>(std::min(static_cast<double>(count), 1e15)));
    return count < 2 ? value::integer(1) : range_product(value::integer(2), count - 1);
}

// mathmodule.c's dl_fast_sum and dl_mul: a sum and a product as an exact pair hi + lo.
struct double_length {
    double hi, lo;
};
double_length fast_sum(double a, double b)
{
    const double x = a + b;
    return {x, b - (x - a)};
}
double_length exact_product(double x, double y)
{
    const double z = x * y;
    return {z, std::fma(x, y, -z)};
}

// vector_norm: the coordinates scaled by a power of two, squared and summed without loss, the square
// root corrected once (hypot and dist of 3.11).
double vector_norm(std::vector<double>& coords, double max, bool found_nan)
{
    if (std::isinf(max)) return max;
    if (found_nan) return std::nan("");
    if (max == 0.0 || coords.size() <= 1) return max;
    int max_e = 0;
    std::frexp(max, &max_e);
    if (max_e < -1023) {
        for (double& x : coords) x /= DBL_MIN;  // subnormals to normals
        return DBL_MIN * vector_norm(coords, max / DBL_MIN, found_nan);
    }
    const double scale = std::ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (const double c : coords) {
        const double x = c * scale;
        const double_length pr = exact_product(x, x);
        const double_length sm = fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
    const double_length pr = exact_product(-h, h);
    const double_length sm = fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    const double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

} // namespace

bool math_constant(const std::string& name, value& out)
{
    if (name == "pi") out = value::floating(M_PI);
    else if (name == "e") out = value::floating(M_E);
    else if (name == "tau") out = value::floating(2 * M_PI);
    else if (name == "inf") out = value::floating(HUGE_VAL);
    else if (name == "nan") out = value::floating(std::nan(""));
    else return false;
    return true;
}

namespace {
value math_isclose(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
template <class Next, class Multiply>
value math_prod(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs, Next&& next_item, Multiply&& multiply);
template <class Next>
value math_fsum(Next&& next_item);
} // namespace

value runtime::call_math(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    // Draws the items of an iterable argument one by one.
    value iterator;
    auto next_item = [&](value& item) {
        bool done = false;
        item = iterate_next(iterator, done);
        return !done;
    };
    if (name == "isclose") return math_isclose(args, kwargs);
    if (name == "prod") {
        if (args.size() == 1) iterator = make_iterator(args[0]);
        return math_prod(args, kwargs, next_item, [this](const value& a, const value& b) { return binary(static_cast<std::int32_t>(binary_op::mul), a, b); });
    }
    if (!kwargs.empty()) raise_error("TypeError", "math." + name + "() takes no keyword arguments");
    const auto exactly = [&](std::size_t n) {
        if (args.size() == n) return;
        if (n == 1) raise_error("TypeError", "math." + name + "() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        raise_error("TypeError", name + " expected " + std::to_string(n) + " arguments, got " + std::to_string(args.size()));
    };
    // Functions of any number of ints
    if (name == "gcd" || name == "lcm") {
        value result = value::integer(name == "gcd" ? 0 : 1);
        for (const auto& a : args) {
            const value n = index_arg(a);
            if (name == "gcd") {
                result = int_gcd(result, n);
            } else if (int_is_zero(result) || int_is_zero(n)) {
                result = value::integer(0);
            } else {
                const value g = int_gcd(result, n);
                result = int_abs(int_op(binary_op::mul, int_op(binary_op::floordiv, result, g), n));
            }
        }
        // gcd(x) and lcm(x) of one argument: its absolute value
        return int_abs(result);
    }
    if (name == "hypot") {
        std::vector<double> coords;
        coords.reserve(args.size());
        double max = 0.0;
        bool found_nan = false;
        for (const auto& a : args) {
            const double x = std::fabs(real_arg(a));
            found_nan = found_nan || std::isnan(x);
            if (x > max) max = x;
            coords.push_back(x);
        }
        return value::floating(vector_norm(coords, max, found_nan));
    }
    if (name == "dist") {
        exactly(2);
        const std::vector<value> p = to_vector(args[0]);
        const std::vector<value> q = to_vector(args[1]);
        if (p.size() != q.size()) raise_error("ValueError", "both points must have the same number of dimensions");
        std::vector<double> diffs;
        diffs.reserve(p.size());
        double max = 0.0;
        bool found_nan = false;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const double px = real_arg(p[i]), qx = real_arg(q[i]);
            const double x = std::fabs(px - qx);
            found_nan = found_nan || std::isnan(x);
            if (x > max) max = x;
            diffs.push_back(x);
        }
        return value::floating(vector_norm(diffs, max, found_nan));
    }
    if (name == "fsum") {
        exactly(1);
        iterator = make_iterator(args[0]);
        return math_fsum(next_item);
    }
    if (name == "perm") {
        if (args.empty() || args.size() > 2)
            raise_error("TypeError", std::string("perm expected at ") + (args.empty() ? "least 1 argument, got 0" : "most 2 arguments, got " + std::to_string(args.size())));
        const value n = index_arg(args[0]);
        if (args.size() == 1 || args[1].is(value_kind::none)) return factorial_of(n);
        const value k = index_arg(args[1]);
        if (int_is_negative(n)) raise_error("ValueError", "n must be a non-negative integer");
        if (int_is_negative(k)) raise_error("ValueError", "k must be a non-negative integer");
        if (int_compare(k, n) > 0) return value::integer(0);
        const std::uint64_t count = factor_count(k, "k must not exceed 9223372036854775807");
        charge_work(count);
        // n * (n - 1) * ... * (n - k + 1)
        return range_product(int_op(binary_op::add, int_op(binary_op::sub, n, k), value::integer(1)), count);
    }
    if (name == "comb") {
        exactly(2);
        const value n = index_arg(args[0]);
        value k = index_arg(args[1]);
        if (int_is_negative(n)) raise_error("ValueError", "n must be a non-negative integer");
        if (int_is_negative(k)) raise_error("ValueError", "k must be a non-negative integer");
        if (int_compare(k, n) > 0) return value::integer(0);
        const value rest = int_op(binary_op::sub, n, k);
        if (int_compare(rest, k) < 0) k = rest;
        const std::uint64_t count = factor_count(k, "min(n - k, k) must not exceed 9223372036854775807");
        charge_work(count);
        const value falling = range_product(int_op(binary_op::add, rest, value::integer(1)), count);
        return int_op(binary_op::floordiv, falling, factorial_of(k));
    }
    if (name == "ldexp") {
        exactly(2);
        const double x = real_arg(args[0]);
        if (!is_int(args[1])) raise_error("TypeError", "Expected an int as second argument to ldexp.");
        if (x == 0.0 || !std::isfinite(x)) return value::floating(x);
        const auto e = small_int(args[1]);
        // Exponents past any float's range: an overflow or an underflow to a signed zero.
        const std::int64_t exponent = e ? std::clamp<std::int64_t>(*e, -100000, 100000) : (int_is_negative(args[1]) ? -100000 : 100000);
        const double r = std::ldexp(x, static_cast<int>(exponent));
        if (std::isinf(r)) raise_error("OverflowError", "math range error");
        return value::floating(r);
    }
    if (name == "fmod" || name == "remainder" || name == "pow" || name == "nextafter") {
        exactly(2);
        const double x = real_arg(args[0]), y = real_arg(args[1]);
        if (name == "nextafter") return value::floating(std::nextafter(x, y));
        if (name == "fmod") {
            if (std::isinf(y) && std::isfinite(x)) return value::floating(x);
            const double r = std::fmod(x, y);
            if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) raise_error("ValueError", "math domain error");
            return value::floating(r);
        }
        if (name == "remainder") {
            if (std::isnan(x) || std::isnan(y)) return value::floating(std::nan(""));
            if (std::isinf(x) || y == 0.0) raise_error("ValueError", "math domain error");
            if (std::isinf(y)) return value::floating(x);
            return value::floating(std::remainder(x, y));
        }
        return value::floating(math_pow(x, y));
    }

    if (name == "log") {
        if (args.empty() || args.size() > 2) raise_error("TypeError", "math.log requires 1 to 2 arguments");
        const double num = log_helper(args[0], natural_log);
        if (args.size() == 1) return value::floating(num);
        const double den = log_helper(args[1], natural_log);
        if (den == 0) raise_error("ZeroDivisionError", "float division by zero");
        return value::floating(num / den);
    }
    if (name == "atan2" || name == "copysign") {
        exactly(2);
        const double y = real_arg(args[0]), x = real_arg(args[1]);
        return value::floating(name == "atan2" ? std::atan2(y, x) : std::copysign(y, x));
    }
    exactly(1);
    const value& a = args[0];
    if (name == "log2" || name == "log10") return value::floating(log_helper(a, name == "log2" ? log_base2 : log_base10));
    if (name == "floor" || name == "ceil" || name == "trunc") {
        if (is_int(a)) return a.is(value_kind::boolean) ? value::integer(a.b ? 1 : 0) : a;
        if (!a.is(value_kind::floating)) {
            if (name == "trunc") raise_error("TypeError", "type " + type_name(a) + " doesn't define __trunc__ method");
            raise_error("TypeError", "must be real number, not " + type_name(a));
        }
        return int_of_whole_float(name == "floor" ? std::floor(a.f) : name == "ceil" ? std::ceil(a.f) : std::trunc(a.f));
    }
    if (name == "factorial") return factorial_of(index_arg(a));
    if (name == "isqrt") {
        const value n = index_arg(a);
        if (int_is_negative(n)) raise_error("ValueError", "isqrt() argument must be nonnegative");
        return int_isqrt(n);
    }
    const double x = real_arg(a);
    if (name == "modf") {
        if (std::isinf(x)) return value::tuple({value::floating(std::copysign(0.0, x)), value::floating(x)});
        double whole = 0;
        const double fraction = std::modf(x, &whole);
        return value::tuple({value::floating(fraction), value::floating(whole)});
    }
    if (name == "frexp") {
        if (std::isnan(x) || std::isinf(x) || x == 0.0) return value::tuple({value::floating(x), value::integer(0)});
        int e = 0;
        const double m = std::frexp(x, &e);
        return value::tuple({value::floating(m), value::integer(e)});
    }
    if (name == "ulp") {
        if (std::isnan(x)) return value::floating(x);
        const double ax = std::fabs(x);
        if (std::isinf(ax)) return value::floating(ax);
        const double next = std::nextafter(ax, HUGE_VAL);
        if (std::isinf(next)) return value::floating(ax - std::nextafter(ax, -HUGE_VAL));  // the largest float
        return value::floating(next - ax);
    }
    if (name == "isfinite") return value::boolean(std::isfinite(x));
    if (name == "isinf") return value::boolean(std::isinf(x));
    if (name == "isnan") return value::boolean(std::isnan(x));
    if (name == "fabs") return value::floating(std::fabs(x));
    if (name == "degrees") return value::floating(x * (180.0 / M_PI));
    if (name == "radians") return value::floating(x * (M_PI / 180.0));
    if (name == "sqrt") return checked(x, std::sqrt(x), false);
    if (name == "exp") return checked(x, std::exp(x), true);
    if (name == "sin") return checked(x, std::sin(x), false);
    if (name == "cos") return checked(x, std::cos(x), false);
    if (name == "tan") return checked(x, std::tan(x), false);
    if (name == "atan") return checked(x, std::atan(x), false);
    if (name == "asin") return checked(x, std::asin(x), false);
    if (name == "acos") return checked(x, std::acos(x), false);
    if (name == "sinh") return checked(x, std::sinh(x), true);
    if (name == "cosh") return checked(x, std::cosh(x), true);
    if (name == "tanh") return checked(x, std::tanh(x), false);
    if (name == "asinh") return checked(x, std::asinh(x), false);
    if (name == "acosh") return checked(x, std::acosh(x), false);
    if (name == "atanh") {
        // CPython's own check first: atanh(1) is a singularity, a domain error (not libm's inf)
        if (std::fabs(x) >= 1.0 && !std::isnan(x)) raise_error("ValueError", "math domain error");
        return checked(x, std::atanh(x), false);
    }
    if (name == "expm1") return checked(x, std::expm1(x), true);
    if (name == "log1p") {
        if (x <= -1.0) raise_error("ValueError", "math domain error");
        return checked(x, std::log1p(x), false);
    }
    if (name == "exp2") return checked(x, std::exp2(x), true);
    if (name == "cbrt") return checked(x, std::cbrt(x), false);
    raise_unsupported("math." + name);
}

namespace {

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
value math_isclose(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (args.size() > 2) raise_error("TypeError", "isclose() takes exactly 2 positional arguments (" + std::to_string(args.size()) + " given)");
    std::optional<value> a, b, rel, abs_tol;
    if (!args.empty()) a = args[0];
    if (args.size() > 1) b = args[1];
    for (auto& [key, v] : kwargs) {
        std::optional<value>* slot = key == "a" ? &a : key == "b" ? &b : key == "rel_tol" ? &rel : key == "abs_tol" ? &abs_tol : nullptr;
        if (!slot) raise_error("TypeError", "'" + key + "' is an invalid keyword argument for isclose()");
        if (*slot) raise_error("TypeError", "argument for isclose() given by name ('" + key + "') and position (" + (key == "a" ? "1" : "2") + ")");
        *slot = v;
    }
    if (!a) raise_error("TypeError", "isclose() missing required argument 'a' (pos 1)");
    if (!b) raise_error("TypeError", "isclose() missing required argument 'b' (pos 2)");
    const double x = real_arg(*a), y = real_arg(*b);
    const double rel_tol = rel ? real_arg(*rel) : 1e-09;
    const double abs_t = abs_tol ? real_arg(*abs_tol) : 0.0;
    if (rel_tol < 0.0 || abs_t < 0.0) raise_error("ValueError", "tolerances must be non-negative");
    if (x == y) return value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return value::boolean(false);
    const double diff = std::fabs(y - x);
    return value::boolean(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_t);
}

// prod(iterable, /, *, start=1): the items multiplied in turn, whatever their types; `next_item`
// draws the iterable's next item (false at its end), `multiply` is the runtime's `*`.
template <class Next, class Multiply>
value math_prod(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs, Next&& next_item, Multiply&& multiply)
{
    if (args.size() != 1) raise_error("TypeError", "prod() takes exactly 1 positional argument (" + std::to_string(args.size()) + " given)");
    std::optional<value> start;
    for (auto& [key, v] : kwargs) {
        if (key != "start") raise_error("TypeError", "'" + key + "' is an invalid keyword argument for prod()");
        start = v;
    }
    value total = start ? *start : value::integer(1);
    value item;
    while (next_item(item)) {
        charge_work(1);
        total = multiply(total, item);
    }
    return total;
}

// fsum: Shewchuk's exact partial sums, then the sum of the partials rounded once, half to even, with
// CPython's errors for an overflow on the way and for inf + -inf.
template <class Next>
value math_fsum(Next&& next_item)
{
    std::vector<double> partials;
    double special_sum = 0.0, inf_sum = 0.0;
    value item;
    while (next_item(item)) {
        double x = real_arg(item);
        const double original = x;
        charge_work(partials.size() + 1);
        std::size_t kept = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) partials[kept++] = lo;
            x = hi;
        }
        partials.resize(kept);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                // from an inf or a nan in the input, or an overflow of finite ones
                if (std::isfinite(original)) raise_error("OverflowError", "intermediate overflow in fsum");
                if (std::isinf(original)) inf_sum += original;
                special_sum += original;
                partials.clear();
            } else {
                if (partials.size() == partials.capacity()) reserve_memory((partials.size() + 8) * sizeof(double));
                partials.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) raise_error("ValueError", "-inf + inf in fsum");
        return value::floating(special_sum);
    }
    double hi = 0.0;
    std::size_t n = partials.size();
    if (n > 0) {
        hi = partials[--n];
        double lo = 0.0;
        // From the top, while the sum stays exact
        while (n > 0) {
            const double x = hi;
            const double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        // Half-even rounding across the partials: the next one decides a tie
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            const double y = lo * 2.0;
            const double x = hi + y;
            if (y == x - hi) hi = x;
        }
    }
    return value::floating(hi);
}

} // namespace

} // namespace loopscope::engine
