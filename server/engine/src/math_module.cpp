// The math module, as far as the engine models it: its constants and the functions of floats that
// C's libm computes as CPython's mathmodule.c does (same domain and range errors, same messages).
// Functions of ints of any size (gcd, factorial, comb, ...) and the variadic ones (hypot, fsum, prod)
// are not modelled yet; CPython has them, so the up-front check refuses them by name.
#include "runtime.hpp"

#include "integers.hpp"

#include <cerrno>
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

value runtime::call_math(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (!kwargs.empty()) raise_error("TypeError", "math." + name + "() takes no keyword arguments");
    const auto exactly = [&](std::size_t n) {
        if (args.size() == n) return;
        if (n == 1) raise_error("TypeError", "math." + name + "() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        raise_error("TypeError", name + " expected " + std::to_string(n) + " arguments, got " + std::to_string(args.size()));
    };
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
    const double x = real_arg(a);
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
    raise_unsupported("math." + name);
}

} // namespace loopscope::engine
