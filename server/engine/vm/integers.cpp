// Python's int beyond 64 bits, on Boost.Multiprecision's cpp_int, with CPython's semantics: floor
// division, two's-complement bitwise operations, correctly rounded conversion to float and true
// division, exact comparison with floats, and 3.11's limit of 4300 decimal digits.
#include "integers.hpp"

#include "work_meter.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace loopscope::engine {

namespace {

namespace mp = boost::multiprecision;
using big = mp::cpp_int;

struct big_int_object : object {
    big n;
    explicit big_int_object(big v) : n(std::move(v)) {}
};

// sys.get_int_max_str_digits() of CPython 3.11.
constexpr std::size_t max_str_digits = 4300;

const big& as_big(const value& v, big& scratch)
{
    if (is_big_int(v)) return static_cast<const big_int_object&>(*v.obj).n;
    scratch = *small_int(v);
    return scratch;
}

value make_int(big n)
{
    static const big lo = std::numeric_limits<std::int64_t>::min();
    static const big hi = std::numeric_limits<std::int64_t>::max();
    if (n >= lo && n <= hi) return value::integer(n.convert_to<std::int64_t>());
    return value::of(value_kind::integer, make_ref<big_int_object>(std::move(n)));
}

std::size_t limbs(const big& n) { return n.backend().size(); }
std::uint64_t bits(const big& n) { return n == 0 ? 0 : mp::msb(mp::abs(n)) + 1; }

// Charges `items` of bulk work, saturating (a product of two sizes can be astronomical).
void charge(double items) { charge_work(static_cast<std::size_t>(std::min(items, 1e15))); }

// The result of an operation will take about `result_bits`: the memory it will take is asked for
// first (ends the run past the memory bound), and its writing charged.
void reserve_bits(double result_bits)
{
    const double bytes = std::min(result_bits / 8.0 + 16.0, 1e15);
    reserve_memory(static_cast<std::size_t>(bytes));
}

[[noreturn]] void zero_division(const char* message) { raise_error("ZeroDivisionError", message); }

// floor division and modulo from cpp_int's truncating ones.
void floor_divmod(const big& a, const big& b, big& q, big& r)
{
    charge(static_cast<double>(limbs(a)) * static_cast<double>(limbs(b)) / 2.0 + static_cast<double>(limbs(a)));
    mp::divide_qr(a, b, q, r);
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
    }
}

// (-1 if negative) times `magnitude` * 2**exponent rounded to the nearest double, ties to even, with
// `sticky` saying that the true magnitude is a little above `magnitude` (bits lost before). Handles
// subnormal results; overflow gives infinity.
double round_to_double(const big& magnitude, bool sticky, std::int64_t exponent, bool negative)
{
    const double sign = negative ? -1.0 : 1.0;
    if (magnitude == 0) return sign * 0.0;
    const auto width = static_cast<std::int64_t>(bits(magnitude));
    const std::int64_t leading = width - 1 + exponent;  // the binary exponent of the leading bit
    if (leading > 1024) return sign * HUGE_VAL;
    std::int64_t keep = 53;
    if (leading < -1022) keep = 53 - (-1022 - leading);  // a subnormal result has fewer bits
    if (keep < 0) return sign * 0.0;
    const std::int64_t drop = width - keep;
    if (drop <= 0) return sign * std::ldexp(magnitude.convert_to<double>(), static_cast<int>(exponent));
    big q = magnitude >> static_cast<unsigned>(drop);
    const big rest = magnitude - (q << static_cast<unsigned>(drop));
    const big half = big(1) << static_cast<unsigned>(drop - 1);
    int c = rest < half ? -1 : rest > half ? 1 : 0;
    if (c == 0 && sticky) c = 1;
    if (c > 0 || (c == 0 && (q & 1) != 0)) q += 1;
    // q has at most 54 bits: exact as a double, and ldexp is exact unless it overflows.
    return sign * std::ldexp(q.convert_to<double>(), static_cast<int>(exponent + drop));
}

big from_double(double d)
{
    d = std::trunc(d);
    if (d == 0) return 0;
    int e = 0;
    const double m = std::frexp(std::fabs(d), &e);  // |d| = m * 2**e, 0.5 <= m < 1
    big r = static_cast<std::int64_t>(std::ldexp(m, 53));
    if (e >= 53) r <<= static_cast<unsigned>(e - 53);
    else r >>= static_cast<unsigned>(53 - e);
    return d < 0 ? big(-r) : r;
}

// Digits of a non-negative big in a power-of-two base.
std::string power_of_two_digits(const big& n, int base)
{
    if (n == 0) return "0";
    const unsigned shift = base == 2 ? 1 : base == 8 ? 3 : 4;
    const auto total = static_cast<std::size_t>((bits(n) + shift - 1) / shift);
    charge(static_cast<double>(total) / 4.0);
    std::string out(total, '0');
    // Take 60 bits (divisible by 1, 3 and 4) at a time from the low end.
    big rest = n;
    std::size_t pos = total;
    while (pos > 0) {
        auto chunk = (rest & ((big(1) << 60) - 1)).convert_to<std::uint64_t>();
        rest >>= 60;
        for (unsigned k = 0; k < 60 / shift && pos > 0; ++k) {
            out[--pos] = "0123456789abcdef"[chunk & ((1u << shift) - 1)];
            chunk >>= shift;
        }
    }
    return out;
}

std::string digits_limit_message()
{
    return "Exceeds the limit (" + std::to_string(max_str_digits) +
           " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

std::string decimal_digits(const big& magnitude)
{
    // 2**14300 has more than 4300 decimal digits: refused before any work.
    if (bits(magnitude) > 14300) raise_error("ValueError", digits_limit_message());
    // Measured: Boost's conversion costs about twice a product of the same size (one division by
    // 10**19 over every limb for each 19 digits).
    charge(2.0 * static_cast<double>(limbs(magnitude)) * static_cast<double>(limbs(magnitude)) + 16.0);
    std::string s = magnitude.str();
    if (s.size() > max_str_digits) raise_error("ValueError", digits_limit_message());
    return s;
}

std::uint64_t shift_count(const value& count)
{
    if (int_is_negative(count)) raise_error("ValueError", "negative shift count");
    auto n = small_int(count);
    return n ? static_cast<std::uint64_t>(*n) : std::numeric_limits<std::uint64_t>::max();
}

value big_arith(binary_op op, const value& av, const value& bv)
{
    big sa, sb;
    const big& a = as_big(av, sa);
    const big& b = as_big(bv, sb);
    const double la = static_cast<double>(limbs(a)), lb = static_cast<double>(limbs(b));
    switch (op) {
    case binary_op::add:
    case binary_op::sub:
        charge(std::max(la, lb));
        reserve_bits(64.0 * (std::max(la, lb) + 1));
        return make_int(op == binary_op::add ? big(a + b) : big(a - b));
    case binary_op::mul:
        charge(la * lb / 2.0 + la + lb);
        reserve_bits(64.0 * (la + lb));
        return make_int(a * b);
    case binary_op::floordiv:
    case binary_op::mod: {
        if (b == 0) zero_division(op == binary_op::mod ? "integer modulo by zero" : "integer division or modulo by zero");
        big q, r;
        floor_divmod(a, b, q, r);
        return make_int(op == binary_op::mod ? std::move(r) : std::move(q));
    }
    case binary_op::pow: {
        // The exponent is non-negative here (the caller turned a negative one into a float power).
        if (a == 0) return value::integer(b == 0 ? 1 : 0);
        if (a == 1) return value::integer(1);
        if (a == -1) return value::integer(b % 2 == 0 ? 1 : -1);
        const double exponent = b.convert_to<double>();
        const double result_bits = static_cast<double>(bits(a) - 1) * exponent + 1;
        reserve_bits(result_bits);
        if (exponent > 4e9) raise_error("MemoryError", "");  // past any memory bound a run may be given
        const double result_limbs = result_bits / 64.0 + 1;
        charge(result_limbs * result_limbs / 2.0 + result_limbs);
        return make_int(mp::pow(a, b.convert_to<unsigned>()));
    }
    case binary_op::lshift: {
        const std::uint64_t n = shift_count(bv);
        if (a == 0) return value::integer(0);
        reserve_bits(static_cast<double>(bits(a)) + static_cast<double>(n));
        charge(la + static_cast<double>(n) / 64.0);
        return make_int(a << static_cast<unsigned>(n));
    }
    case binary_op::rshift: {
        const std::uint64_t n = shift_count(bv);
        if (n >= bits(a)) return value::integer(a < 0 ? -1 : 0);
        charge(la);
        // Arithmetic shift: rounds towards minus infinity, as on a two's-complement number.
        if (a < 0) return make_int(-((-a - 1) >> static_cast<unsigned>(n)) - 1);
        return make_int(a >> static_cast<unsigned>(n));
    }
    case binary_op::bit_and:
    case binary_op::bit_or:
    case binary_op::bit_xor:
        charge(std::max(la, lb));
        reserve_bits(64.0 * (std::max(la, lb) + 1));
        // cpp_int's bitwise operators work as on two's-complement numbers, as Python's do.
        if (op == binary_op::bit_and) return make_int(a & b);
        if (op == binary_op::bit_or) return make_int(a | b);
        return make_int(a ^ b);
    default: break;
    }
    raise_error("SystemError", "int operation");
}

std::int64_t floor_div_small(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t floor_mod_small(std::int64_t a, std::int64_t b)
{
    if (b == -1) return 0;
    std::int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

} // namespace

value int_arith(binary_op op, const value& a, const value& b)
{
    const auto x = small_int(a), y = small_int(b);
    if (x && y) {
        std::int64_t r = 0;
        switch (op) {
        case binary_op::add: if (!__builtin_add_overflow(*x, *y, &r)) return value::integer(r); break;
        case binary_op::sub: if (!__builtin_sub_overflow(*x, *y, &r)) return value::integer(r); break;
        case binary_op::mul: if (!__builtin_mul_overflow(*x, *y, &r)) return value::integer(r); break;
        case binary_op::floordiv:
            if (*y == 0) zero_division("integer division or modulo by zero");
            if (*x != std::numeric_limits<std::int64_t>::min() || *y != -1) return value::integer(floor_div_small(*x, *y));
            break;
        case binary_op::mod:
            if (*y == 0) zero_division("integer modulo by zero");
            return value::integer(floor_mod_small(*x, *y));
        case binary_op::pow: {
            std::int64_t result = 1, base = *x, e = *y;
            bool fits = true;
            while (e > 0 && fits) {
                if ((e & 1) && __builtin_mul_overflow(result, base, &result)) fits = false;
                e >>= 1;
                if (e > 0 && __builtin_mul_overflow(base, base, &base)) fits = false;
            }
            if (fits) return value::integer(result);
            break;
        }
        case binary_op::lshift:
            if (*y < 0) raise_error("ValueError", "negative shift count");
            if (*y < 63 && *x >= (std::numeric_limits<std::int64_t>::min() >> *y) && *x <= (std::numeric_limits<std::int64_t>::max() >> *y))
                return value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(*x) << *y));
            if (*x == 0) return value::integer(0);
            break;
        case binary_op::rshift:
            if (*y < 0) raise_error("ValueError", "negative shift count");
            return value::integer(*y >= 63 ? (*x < 0 ? -1 : 0) : (*x >> *y));
        case binary_op::bit_and: return value::integer(*x & *y);
        case binary_op::bit_or: return value::integer(*x | *y);
        case binary_op::bit_xor: return value::integer(*x ^ *y);
        default: break;
        }
    }
    return big_arith(op, a, b);
}

double int_true_divide(const value& av, const value& bv)
{
    const auto x = small_int(av), y = small_int(bv);
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (y && *y == 0) zero_division("division by zero");
    if (x && y && *x >= -exact && *x <= exact && *y >= -exact && *y <= exact)
        return static_cast<double>(*x) / static_cast<double>(*y);
    big sa, sb;
    const big& a = as_big(av, sa);
    const big& b = as_big(bv, sb);
    const bool negative = (a < 0) != (b < 0);
    if (a == 0) return negative ? -0.0 : 0.0;
    const auto diff = static_cast<std::int64_t>(bits(a)) - static_cast<std::int64_t>(bits(b));
    if (diff > 1025) raise_error("OverflowError", "integer division result too large for a float");
    if (diff < -1080) return negative ? -0.0 : 0.0;
    // Scale so that the quotient has 55 or 56 bits; the remainder decides the rounding.
    const std::int64_t shift = 55 - diff;
    big num = mp::abs(a), den = mp::abs(b);
    if (shift > 0) num <<= static_cast<unsigned>(shift);
    else den <<= static_cast<unsigned>(-shift);
    charge(static_cast<double>(limbs(num)) * static_cast<double>(limbs(den)) / 2.0 + static_cast<double>(limbs(num)));
    big q, r;
    mp::divide_qr(num, den, q, r);
    const double result = round_to_double(q, r != 0, -shift, negative);
    if (std::isinf(result)) raise_error("OverflowError", "integer division result too large for a float");
    return result;
}

value int_negate(const value& v)
{
    const auto x = small_int(v);
    if (x && *x != std::numeric_limits<std::int64_t>::min()) return value::integer(-*x);
    big s;
    return make_int(-as_big(v, s));
}

value int_invert(const value& v)
{
    const auto x = small_int(v);
    if (x) return value::integer(~*x);
    big s;
    return make_int(-as_big(v, s) - 1);
}

value int_abs(const value& v)
{
    return int_is_negative(v) ? int_negate(v) : (v.is(value_kind::boolean) ? value::integer(v.b ? 1 : 0) : v);
}

int int_compare(const value& a, const value& b)
{
    const auto x = small_int(a), y = small_int(b);
    if (x && y) return *x < *y ? -1 : *x > *y ? 1 : 0;
    big sa, sb;
    const big& p = as_big(a, sa);
    const big& q = as_big(b, sb);
    charge(static_cast<double>(std::max(limbs(p), limbs(q))) / 4.0);
    return p < q ? -1 : p > q ? 1 : 0;
}

int int_compare_float(const value& a, double d)
{
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    const auto x = small_int(a);
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (x && *x >= -exact && *x <= exact) {
        const auto f = static_cast<double>(*x);
        return f < d ? -1 : f > d ? 1 : 0;
    }
    // Against the float's integer part exactly, then its fraction.
    const double whole = std::floor(d);
    big s;
    const big& n = as_big(a, s);
    const big w = from_double(whole);
    if (n < w) return -1;
    if (n > w) return 1;
    return d > whole ? -1 : 0;
}

double int_to_float(const value& v)
{
    if (auto x = small_int(v)) return static_cast<double>(*x);  // the conversion rounds to nearest even
    const big& n = static_cast<const big_int_object&>(*v.obj).n;
    const double d = round_to_double(mp::abs(n), false, 0, n < 0);
    if (std::isinf(d)) raise_error("OverflowError", "int too large to convert to float");
    return d;
}

value int_from_float(double d)
{
    if (std::fabs(d) < 9.2e18) return value::integer(static_cast<std::int64_t>(d));
    reserve_bits(std::log2(std::fabs(d)) + 1);
    return make_int(from_double(d));
}

bool int_is_negative(const value& v)
{
    if (auto x = small_int(v)) return *x < 0;
    return static_cast<const big_int_object&>(*v.obj).n < 0;
}

std::uint64_t int_bit_length(const value& v)
{
    big s;
    return bits(as_big(v, s));
}

std::string int_to_decimal(const value& v)
{
    if (auto x = small_int(v)) return std::to_string(*x);
    const big& n = static_cast<const big_int_object&>(*v.obj).n;
    std::string digits = decimal_digits(mp::abs(n));
    return n < 0 ? "-" + digits : digits;
}

std::string int_magnitude_digits(const value& v, int base)
{
    if (auto x = small_int(v)) {
        std::uint64_t m = *x < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(*x) : static_cast<std::uint64_t>(*x);
        if (m == 0) return "0";
        std::string out;
        while (m) {
            out += "0123456789abcdef"[m % static_cast<std::uint64_t>(base)];
            m /= static_cast<std::uint64_t>(base);
        }
        std::reverse(out.begin(), out.end());
        return out;
    }
    const big magnitude = mp::abs(static_cast<const big_int_object&>(*v.obj).n);
    return base == 10 ? decimal_digits(magnitude) : power_of_two_digits(magnitude, base);
}

std::optional<value> int_from_text(std::string_view text, int base)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    std::size_t a = 0, e = text.size();
    while (a < e && space(text[a])) ++a;
    while (e > a && space(text[e - 1])) --e;
    std::string_view s = text.substr(a, e - a);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    // A prefix: required to name the base when base is 0, optional when it matches.
    bool prefixed = false;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = static_cast<char>(s[1] | 0x20);
        const int named = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (named != 0 && (base == 0 || base == named)) {
            base = named;
            s.remove_prefix(2);
            prefixed = true;
        }
    }
    const bool base_from_text = base == 0;
    if (base == 0) base = 10;
    // Underscores only between digits (and right after a prefix).
    std::string digits;
    bool last_was_digit = prefixed;
    for (char c : s) {
        if (c == '_') {
            if (!last_was_digit) return std::nullopt;
            last_was_digit = false;
            continue;
        }
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= base) return std::nullopt;
        digits += c;
        last_was_digit = true;
    }
    if (digits.empty() || !last_was_digit) return std::nullopt;
    // Base 0 without a prefix is a decimal literal: no leading zeros unless it is all zeros.
    if (base_from_text && !prefixed && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
        return std::nullopt;
    if (base == 10 && digits.size() > max_str_digits)
        raise_error("ValueError", "Exceeds the limit (" + std::to_string(max_str_digits) +
                                      " digits) for integer string conversion: value has " + std::to_string(digits.size()) +
                                      " digits; use sys.set_int_max_str_digits() to increase the limit");
    if (digits.size() <= 12) {  // 36**12 < 2**63
        std::int64_t x = std::stoll(digits, nullptr, base);
        return value::integer(negative ? -x : x);
    }
    charge(static_cast<double>(digits.size()) * static_cast<double>(digits.size()) / 64.0 + static_cast<double>(digits.size()));
    reserve_bits(static_cast<double>(digits.size()) * std::log2(static_cast<double>(base)));
    big n = 0;
    const std::size_t chunk = 9;  // base**9 < 2**64 for every base up to 36
    for (std::size_t k = 0; k < digits.size(); k += chunk) {
        const std::string piece = digits.substr(k, chunk);
        std::uint64_t scale = 1;
        for (std::size_t j = 0; j < piece.size(); ++j) scale *= static_cast<std::uint64_t>(base);
        n = n * scale + std::stoull(piece, nullptr, base);
    }
    return make_int(negative ? big(-n) : std::move(n));
}

value int_round(const value& v, std::int64_t digits)
{
    // round(x, -d): to a multiple of p = 10**d, half to even.
    // CPython computes 10**d whatever d is: so does this, within the run's bounds.
    const double d = -static_cast<double>(digits);
    big s;
    const big& n = as_big(v, s);
    const double p_bits = d * 3.3219280948873626 + 1;
    reserve_bits(p_bits);
    if (d > 4e9) raise_error("MemoryError", "");
    charge((p_bits / 64 + 1) * (p_bits / 64 + 1) / 2.0);
    const big p = mp::pow(big(10), static_cast<unsigned>(-digits));
    big q, r;
    floor_divmod(n, p, q, r);
    const big twice = 2 * r;
    if (twice > p || (twice == p && (q & 1) != 0)) q += 1;
    return make_int(q * p);
}

value int_pow_mod(const value& base_value, const value& exp_value, const value& mod_value)
{
    big sb, se, sm;
    const big& m = as_big(mod_value, sm);
    if (m == 0) raise_error("ValueError", "pow() 3rd argument cannot be 0");
    big modulus = mp::abs(m);
    big base;
    {
        big q;
        floor_divmod(as_big(base_value, sb), modulus, q, base);
    }
    big exponent = as_big(exp_value, se);
    const double lm = static_cast<double>(limbs(modulus));
    charge(static_cast<double>(bits(exponent) + 1) * lm * lm + lm);
    if (exponent < 0) {
        // A modular inverse by the extended Euclidean algorithm, then the positive power of it.
        big r0 = modulus, r1 = base, t0 = 0, t1 = 1;
        while (r1 != 0) {
            big q = r0 / r1;
            big r2 = r0 - q * r1;
            r0 = std::move(r1);
            r1 = std::move(r2);
            big t2 = t0 - q * t1;
            t0 = std::move(t1);
            t1 = std::move(t2);
        }
        if (r0 != 1) raise_error("ValueError", "base is not invertible for the given modulus");
        base = t0 % modulus;
        if (base < 0) base += modulus;
        exponent = -exponent;
    }
    big result = modulus == 1 ? big(0) : big(mp::powm(base, exponent, modulus));
    // The result takes the modulus's sign, as Python's % does.
    if (m < 0 && result != 0) result += m;
    return make_int(std::move(result));
}

namespace {
constexpr std::uint64_t hash_modulus = (std::uint64_t{1} << 61) - 1;
constexpr int hash_bits = 61;
std::int64_t fix_minus_one(std::int64_t h) { return h == -1 ? -2 : h; }
} // namespace

std::int64_t int_hash(const value& v)
{
    if (auto x = small_int(v)) {
        const std::uint64_t magnitude = *x < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(*x) : static_cast<std::uint64_t>(*x);
        const auto h = static_cast<std::int64_t>(magnitude % hash_modulus);
        return fix_minus_one(*x < 0 ? -h : h);
    }
    const big& n = static_cast<const big_int_object&>(*v.obj).n;
    charge(static_cast<double>(limbs(n)));
    const auto h = static_cast<std::int64_t>(big(mp::abs(n) % hash_modulus).convert_to<std::uint64_t>());
    return fix_minus_one(n < 0 ? -h : h);
}

std::int64_t float_hash(double d)
{
    if (std::isinf(d)) return d > 0 ? 314159 : -314159;
    if (std::isnan(d)) return 0;
    int e = 0;
    double m = std::frexp(d, &e);
    const bool negative = m < 0;
    if (negative) m = -m;
    // The mantissa 28 bits at a time, reduced modulo 2**61 - 1 (a rotation is a multiplication by 2).
    std::uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & hash_modulus) | x >> (hash_bits - 28);
        m *= 268435456.0;
        e -= 28;
        const auto y = static_cast<std::uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= hash_modulus) x -= hash_modulus;
    }
    e = e >= 0 ? e % hash_bits : hash_bits - 1 - ((-1 - e) % hash_bits);
    x = ((x << e) & hash_modulus) | x >> (hash_bits - e);
    auto h = static_cast<std::int64_t>(x);
    return fix_minus_one(negative ? -h : h);
}

std::pair<value, value> int_divmod(const value& a, const value& b)
{
    return {int_arith(binary_op::floordiv, a, b), int_arith(binary_op::mod, a, b)};
}

std::vector<std::uint32_t> int_magnitude_words(const value& v)
{
    big scratch;
    const big magnitude = mp::abs(as_big(v, scratch));
    charge(static_cast<double>(limbs(magnitude)));
    std::vector<std::uint32_t> words;
    if (magnitude == 0) return {0};
    mp::export_bits(magnitude, std::back_inserter(words), 32, false);
    return words;
}

value int_from_words(const std::vector<std::uint32_t>& words)
{
    reserve_bits(static_cast<double>(words.size()) * 32.0);
    charge(static_cast<double>(words.size()));
    big n;
    mp::import_bits(n, words.begin(), words.end(), 32, false);
    return make_int(std::move(n));
}

value int_gcd(const value& a, const value& b)
{
    if (auto x = small_int(a), y = small_int(b); x && y && *x != std::numeric_limits<std::int64_t>::min() &&
                                                  *y != std::numeric_limits<std::int64_t>::min()) {
        std::int64_t p = *x < 0 ? -*x : *x, q = *y < 0 ? -*y : *y;
        while (q != 0) p = std::exchange(q, p % q);
        return value::integer(p);
    }
    big sa, sb;
    const big& x = as_big(a, sa);
    const big& y = as_big(b, sb);
    charge(static_cast<double>(limbs(x) + 1) * static_cast<double>(limbs(y) + 1));  // Euclid's steps, each a division
    return make_int(mp::gcd(mp::abs(x), mp::abs(y)));
}

value int_isqrt(const value& n)
{
    big s;
    const big& x = as_big(n, s);
    const double l = static_cast<double>(limbs(x));
    charge(l * l);  // Newton's steps, each a division
    reserve_bits(static_cast<double>(bits(x)) / 2);
    return make_int(mp::sqrt(x));
}

} // namespace loopscope::engine
