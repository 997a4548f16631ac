#pragma once

// Python's int, of any size. A value of kind `integer` holds it inline in `value::i` while it fits in
// 64 bits, and in a big-int object (Boost.Multiprecision's cpp_int, allocated and so counted against
// the run's memory like any object) once it does not. Every result goes back inline when it fits, so
// the 64-bit path is the common one and costs no allocation. Work on big ints is charged to the run's
// meter before it is done (one item per limb for linear work, limbs x limbs for products and
// quotients), so `10**10**6` ends the run with ResourceLimitError instead of holding the thread.

#include "ast.hpp"
#include "value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

// int or bool (bool is a subclass of int).
inline bool is_int(const value& v) { return v.is(value_kind::integer) || v.is(value_kind::boolean); }
inline bool is_big_int(const value& v) { return v.is(value_kind::integer) && v.obj != nullptr; }
// The value of an int or bool that fits in 64 bits; nullopt for a big one.
inline std::optional<std::int64_t> small_int(const value& v)
{
    if (v.is(value_kind::boolean)) return v.b ? 1 : 0;
    if (v.obj) return std::nullopt;
    return v.i;
}

// a op b for two ints: + - * // % ** (non-negative exponent) << >> & | ^, with CPython's errors.
value int_arith(binary_op op, const value& a, const value& b);
// a / b for two ints, correctly rounded as CPython's long_true_divide.
double int_true_divide(const value& a, const value& b);
value int_negate(const value& v);
value int_invert(const value& v);  // ~v
value int_abs(const value& v);
// -1, 0 or 1.
int int_compare(const value& a, const value& b);
// An int against a float that is not NaN, exactly (2**53 + 1 > 2.0**53, as in CPython).
int int_compare_float(const value& a, double d);
// float(int), correctly rounded; OverflowError past the largest float.
double int_to_float(const value& v);
// int(float) of a finite float: its integer part, exactly.
value int_from_float(double d);
bool int_is_negative(const value& v);
std::uint64_t int_bit_length(const value& v);
// str(int): ValueError past 4300 digits, as CPython 3.11 (sys.get_int_max_str_digits()).
std::string int_to_decimal(const value& v);
// The digits of |v| in base 2, 8, 10 (with the decimal limit) or 16, lowercase, no prefix.
std::string int_magnitude_digits(const value& v, int base);
// int(text, base) as CPython parses it (sign, prefixes, underscores, surrounding whitespace); base 0
// takes the base from the prefix. nullopt: not a valid literal (the caller words the ValueError).
// Raises ValueError past 4300 decimal digits.
std::optional<value> int_from_text(std::string_view text, int base);
// round(v, digits) for digits < 0: to a multiple of 10**-digits, half to even.
value int_round(const value& v, std::int64_t digits);
// pow(base, exp, mod), exp possibly negative (a modular inverse), as CPython.
value int_pow_mod(const value& base, const value& exp, const value& mod);
// float ** float, with CPython's errors (overflow, 0.0 to a negative power); a negative number to a
// fractional power (a complex number in CPython) is UnsupportedError.
double float_pow(double x, double y);
// divmod(x, y) of floats as CPython's: 1 // 0.1 is 9.0, not floor(1 / 0.1); y is not zero.
std::pair<double, double> float_divmod(double x, double y);
// hash(int) and hash(float) as CPython computes them (modulo 2**61 - 1, so that equal numbers hash
// equal whatever their type).
std::int64_t int_hash(const value& v);
std::int64_t float_hash(double d);
// divmod(a, b) for two ints, floor semantics.
std::pair<value, value> int_divmod(const value& a, const value& b);
// |v| in 32-bit words, least significant first; one zero word for 0 (random.seed's key).
std::vector<std::uint32_t> int_magnitude_words(const value& v);
// The non-negative int whose 32-bit words, least significant first, are `words` (getrandbits);
// its memory is asked for and its building charged first.
value int_from_words(const std::vector<std::uint32_t>& words);

// gcd(|a|, |b|) (math.gcd), its work charged first.
value int_gcd(const value& a, const value& b);
// The integer square root of a non-negative int (math.isqrt), its work charged first.
value int_isqrt(const value& n);
} // namespace loopscope::engine
