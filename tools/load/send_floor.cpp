// loopscope-send-floor: what one small send costs the kernel on this machine's loopback, the floor
// under any server that writes a message to each of N viewers per step (issue 15's fan-out). It opens
// N loopback TCP connections to a child process that drains them, then sends one 120-byte message to
// every connection, pass after pass, and prints each pass's wall and CPU time. No websocket, no Asio:
// the kernel alone. A benchmark: it prints figures and never fails on them.
//   loopscope-send-floor [CONNECTIONS=10000] [PASSES=10]
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

double seconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

[[noreturn]] void fail(const char* what)
{
    std::perror(what);
    std::exit(2);
}

// The receiving side: connects `count` sockets to `address`, says so on `ready`, and reads until
// every connection is closed (or nothing arrives for 10 s).
[[noreturn]] void drain(const sockaddr_in& address, int count, int ready)
{
    const int poller = epoll_create1(0);
    for (int i = 0; i < count; ++i) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) fail("connect");
        fcntl(fd, F_SETFL, O_NONBLOCK);
        epoll_event e{};
        e.events = EPOLLIN;
        e.data.fd = fd;
        epoll_ctl(poller, EPOLL_CTL_ADD, fd, &e);
    }
    const char byte = 'r';
    if (write(ready, &byte, 1) != 1) fail("write");
    std::array<epoll_event, 512> events{};
    std::array<char, 4096> buffer{};
    for (int open = count; open > 0;) {
        const int n = epoll_wait(poller, events.data(), static_cast<int>(events.size()), 10'000);
        if (n <= 0) break;
        for (int k = 0; k < n; ++k) {
            const ssize_t got = read(events[k].data.fd, buffer.data(), buffer.size());
            if (got == 0) {
                close(events[k].data.fd);
                --open;
            }
        }
    }
    std::_Exit(0);
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int passes = argc > 2 ? std::atoi(argv[2]) : 10;
    if (count < 1 || count > 100'000 || passes < 1 || passes > 1000) {
        std::fprintf(stderr, "usage: loopscope-send-floor [CONNECTIONS 1..100000] [PASSES 1..1000]\n");
        return 2;
    }
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    const int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener, 4096) != 0 ||
        getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        fail("listen");
    std::array<int, 2> ready{};
    if (pipe(ready.data()) != 0) fail("pipe");
    const pid_t child = fork();
    if (child < 0) fail("fork");
    if (child == 0) {
        close(listener);
        drain(address, count, ready[1]);
    }
    // Accept every connection, as a server's viewers: no Nagle, non-blocking
    std::vector<int> viewers;
    viewers.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const int fd = accept(listener, nullptr, nullptr);
        if (fd < 0) fail("accept (raise ulimit -n?)");
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        fcntl(fd, F_SETFL, O_NONBLOCK);
        viewers.push_back(fd);
    }
    char byte = 0;
    if (read(ready[0], &byte, 1) != 1) fail("read");
    const std::string message(120, 'x');  // about a room_position frame
    std::vector<double> walls, cpus;
    long short_sends = 0;
    for (int pass = 0; pass < passes; ++pass) {
        const double wall0 = seconds(CLOCK_MONOTONIC), cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int fd : viewers)
            if (send(fd, message.data(), message.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(message.size())) ++short_sends;
        walls.push_back(seconds(CLOCK_MONOTONIC) - wall0);
        cpus.push_back(seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0);
        std::printf("pass %3d: %7.1f ms wall, %7.1f ms CPU, %5.2f us CPU a send\n", pass, walls.back() * 1e3, cpus.back() * 1e3,
                    cpus.back() * 1e6 / count);
        usleep(50'000);  // a step every 50 ms, as 20 steps a second
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("%d connections, %d passes: median pass %.1f ms wall, %.1f ms CPU (%.2f us a send), %ld short sends\n", count, passes,
                median(walls) * 1e3, median(cpus) * 1e3, median(cpus) * 1e6 / count, short_sends);
    for (int fd : viewers) close(fd);
    waitpid(child, nullptr, 0);
    return 0;
}
