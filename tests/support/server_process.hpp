#pragma once

// The loopscope executable in a child process, with its log read from a pipe.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace loopscope::testing {

class server_process {
public:
    // Starts `binary args…` with stdout and stderr on one pipe.
    server_process(const std::string& binary, std::vector<std::string> args, std::vector<std::string> environment = {})
    {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
        std::vector<std::string> words{binary};
        words.insert(words.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& word : words) argv.push_back(word.data());
        argv.push_back(nullptr);
        // The test's environment without LOOPSCOPE_* settings; `environment` adds to it or replaces
        std::vector<std::string> env_words;
        auto replaced = [&](std::string_view variable) {
            for (const auto& word : environment)
                if (variable.substr(0, variable.find('=') + 1) == std::string_view(word).substr(0, word.find('=') + 1))
                    return true;
            return false;
        };
        for (char** variable = environ; *variable != nullptr; ++variable)
            if (std::string_view(*variable).rfind("LOOPSCOPE_", 0) != 0 && !replaced(*variable))
                env_words.emplace_back(*variable);
        env_words.insert(env_words.end(), environment.begin(), environment.end());
        std::vector<char*> envp;
        for (auto& word : env_words) envp.push_back(word.data());
        envp.push_back(nullptr);
        int failed = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        output_fd_ = fds[0];
        if (failed != 0) throw std::runtime_error("cannot start " + binary);
    }

    ~server_process()
    {
        if (pid_ > 0 && !exit_status_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(output_fd_);
    }

    // Reads output until a line matches `pattern` (or `timeout`); returns the first capture group.
    std::optional<std::string> wait_for(const std::string& pattern, std::chrono::milliseconds timeout = std::chrono::seconds{10})
    {
        const std::regex expression{pattern};
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            for (auto end = output_.find('\n', scanned_); end != std::string::npos; end = output_.find('\n', scanned_)) {
                std::string line = output_.substr(scanned_, end - scanned_);
                scanned_ = end + 1;
                std::smatch match;
                if (std::regex_search(line, match, expression)) return match.size() > 1 ? match[1].str() : line;
            }
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !read_some(left)) return std::nullopt;
        }
    }

    std::uint16_t wait_for_port()
    {
        auto port = wait_for(R"(listening on http://[^ ]+:(\d+)/)");
        if (!port) throw std::runtime_error("the server did not say where it listens:\n" + output_);
        return static_cast<std::uint16_t>(std::stoi(*port));
    }

    void signal(int number) { kill(pid_, number); }

    pid_t pid() const { return pid_; }

    // A memory figure of the process from /proc/PID/status, in KiB: VmRSS now, VmHWM its peak.
    std::size_t memory_kib(const std::string& field = "VmRSS") const
    {
        std::ifstream status{"/proc/" + std::to_string(pid_) + "/status"};
        for (std::string line; std::getline(status, line);)
            if (line.rfind(field + ":", 0) == 0) return std::stoull(line.substr(field.size() + 1));
        return 0;
    }

    // CPU seconds the process has used (user + system), from /proc.
    double cpu_seconds() const
    {
        std::ifstream stat{"/proc/" + std::to_string(pid_) + "/stat"};
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        std::istringstream fields{text.substr(text.rfind(')') + 2)};
        std::string field;
        unsigned long long user = 0, system = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) {
            if (i == 14) user = std::stoull(field);
            if (i == 15) system = std::stoull(field);
        }
        return static_cast<double>(user + system) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }

    // Waits up to `timeout` for the process to exit; its exit status, or nullopt if it is still running.
    std::optional<int> wait_exit(std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!exit_status_ && std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            else std::this_thread::sleep_for(std::chrono::milliseconds{10});
        }
        while (read_some(std::chrono::milliseconds{0})) {}
        return exit_status_;
    }

    const std::string& output() const { return output_; }

private:
    bool read_some(std::chrono::milliseconds timeout)
    {
        pollfd poll_fd{output_fd_, POLLIN, 0};
        if (poll(&poll_fd, 1, static_cast<int>(timeout.count())) <= 0) return false;
        char chunk[4096];
        auto got = read(output_fd_, chunk, sizeof chunk);
        if (got <= 0) return false;
        output_.append(chunk, static_cast<std::size_t>(got));
        return true;
    }

    pid_t pid_ = -1;
    int output_fd_ = -1;
    std::string output_;
    std::size_t scanned_ = 0;
    std::optional<int> exit_status_;
};

} // namespace loopscope::testing
