#include "system_probe.hpp"

#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

namespace loopscope::load {

descriptor_budget raise_descriptor_limit()
{
    descriptor_budget budget;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return budget;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
    }
    budget.limit = limit.rlim_cur;
    return budget;
}

std::uint64_t ephemeral_port_count()
{
    std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
    std::uint64_t low = 32768, high = 60999; // Linux's default
    range >> low >> high;
    return high >= low ? high - low + 1 : 0;
}

std::optional<process_sample> sample_process(int pid)
{
    if (pid <= 0) return std::nullopt;
    const std::string base = "/proc/" + std::to_string(pid);
    std::ifstream stat_file(base + "/stat");
    std::string stat;
    if (!std::getline(stat_file, stat)) return std::nullopt;
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int number = 3; number <= 15 && fields >> field; ++number) {
        if (number == 14) utime = std::stod(field);
        if (number == 15) stime = std::stod(field);
    }
    process_sample sample;
    sample.cpu_seconds = (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    std::ifstream status(base + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) sample.rss_kib = std::stoull(line.substr(6));
    return sample;
}

double own_cpu_seconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace loopscope::load
