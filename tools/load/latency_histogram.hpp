#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>

namespace loopscope::load {

// Microsecond values in log-linear buckets (64 per power of two: under 1.6% error), so a load of
// millions of events keeps a few kilobytes, not every sample. Exact below 128 µs; min and max exact.
class latency_histogram {
public:
    void record(std::uint64_t micros)
    {
        ++buckets_[bucket_of(micros)];
        ++count_;
        sum_ += micros;
        min_ = std::min(min_, micros);
        max_ = std::max(max_, micros);
    }

    void merge(const latency_histogram& other)
    {
        for (std::size_t i = 0; i < buckets_.size(); ++i) buckets_[i] += other.buckets_[i];
        count_ += other.count_;
        sum_ += other.sum_;
        min_ = std::min(min_, other.min_);
        max_ = std::max(max_, other.max_);
    }

    std::uint64_t count() const { return count_; }
    std::uint64_t max() const { return count_ == 0 ? 0 : max_; }
    std::uint64_t min() const { return count_ == 0 ? 0 : min_; }
    double mean() const { return count_ == 0 ? 0.0 : static_cast<double>(sum_) / static_cast<double>(count_); }

    // The value at quantile q (0..1): the upper edge of its bucket, never above the true max.
    std::uint64_t percentile(double q) const
    {
        if (count_ == 0) return 0;
        auto rank = static_cast<std::uint64_t>(q * static_cast<double>(count_));
        rank = std::clamp<std::uint64_t>(rank, 1, count_);
        std::uint64_t seen = 0;
        for (std::size_t i = 0; i < buckets_.size(); ++i) {
            seen += buckets_[i];
            if (seen >= rank) return std::min(upper_edge(i), max_);
        }
        return max_;
    }

private:
    static constexpr unsigned linear = 128; // exact below this
    static constexpr unsigned per_octave = 64;
    static constexpr std::size_t bucket_count = linear + 58 * per_octave;

    static std::size_t bucket_of(std::uint64_t v)
    {
        if (v < linear) return static_cast<std::size_t>(v);
        const int msb = 63 - std::countl_zero(v);       // 7 or more
        const int shift = msb - 6;                      // v >> shift is within 64..127
        return linear + static_cast<std::size_t>(shift - 1) * per_octave + static_cast<std::size_t>((v >> shift) - 64);
    }

    static std::uint64_t upper_edge(std::size_t bucket)
    {
        if (bucket < linear) return bucket;
        const std::size_t shift = (bucket - linear) / per_octave + 1;
        const std::uint64_t top = (bucket - linear) % per_octave + 64;
        return ((top + 1) << shift) - 1;
    }

    std::array<std::uint64_t, bucket_count> buckets_{};
    std::uint64_t count_ = 0;
    std::uint64_t sum_ = 0;
    std::uint64_t min_ = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t max_ = 0;
};

} // namespace loopscope::load
