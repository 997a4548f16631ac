// An uncaught exception as CPython 3.11 prints it (Python/pythonrun.c, Lib/traceback.py): the chain
// of causes and contexts oldest first, and an exception group as a box per sub-exception, at most
// 15 wide and 10 deep, each line after the top one behind its group's margin.

#include "runtime.hpp"

#include <algorithm>
#include <unordered_set>

namespace loopscope::engine {

namespace {

constexpr std::size_t max_group_width = 15;
constexpr int max_group_depth = 10;

} // namespace

struct runtime::traceback_printer {
    std::string out;
    int group_depth = 0;
    bool need_close = false;
    std::unordered_set<const exception_object*> seen;  // printed already: a chain (or a cycle) stops there
    // A group can hold one subgroup fifteen times at each of ten levels: CPython would print 15**10
    // boxes. The text stops at max_sequence_length characters.
    std::size_t limit = 0;
    bool full() const { return out.size() > limit; }

    std::string indent() const { return std::string(static_cast<std::size_t>(2 * group_depth), ' '); }
    // Each line of `text` behind the margin: "| " inside a group ("+ " for its first line)
    void emit(const std::string& text, char margin = '|')
    {
        std::string prefix = indent();
        if (group_depth) prefix += std::string(1, margin) + " ";
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string::npos) end = text.size() - 1;
            out += prefix;
            out.append(text, start, end - start + 1);
            start = end + 1;
        }
    }
};

std::string runtime::format_traceback(const value& exc) const
{
    traceback_printer p;
    p.limit = config_.max_sequence_length;
    format_exception_chain(p, exc.as<exception_object>());
    if (p.full()) p.out += "[the traceback stops here: it is longer than max_sequence_length characters]\n";
    return std::move(p.out);
}

// The chain, oldest first, as CPython prints it: each exception's cause (`raise ... from`), or else
// the context it was raised in unless `from` suppressed that. Bounded, and an exception already
// shown ends it (CPython's chains can be cycles).
void runtime::format_exception_chain(traceback_printer& p, const exception_object& top) const
{
    static constexpr const char* direct_cause = "\nThe above exception was the direct cause of the following exception:\n\n";
    static constexpr const char* during_handling = "\nDuring handling of the above exception, another exception occurred:\n\n";
    std::vector<std::pair<const exception_object*, const char*>> chain;  // each with the words after it
    if (p.full()) return;
    const exception_object* e = &top;
    p.seen.insert(e);
    while (chain.size() < 20) {
        const value* link = nullptr;
        const char* words = nullptr;
        if (e->cause().is(value_kind::exception)) {
            link = &e->cause();
            words = direct_cause;
        } else if (e->context.is(value_kind::exception) && !e->suppress_context()) {
            link = &e->context;
            words = during_handling;
        }
        if (!link) break;
        const auto* next = &link->as<exception_object>();
        if (!p.seen.insert(next).second) break;
        chain.emplace_back(next, words);
        e = next;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        format_one_exception(p, *it->first);
        p.emit(it->second);
    }
    format_one_exception(p, top);
}

// One exception without its chain: its traceback and its line; a group's boxes below that
void runtime::format_one_exception(traceback_printer& p, const exception_object& e) const
{
    std::string msg = e.message();
    const std::string line = e.type->qualified + (msg.empty() ? "" : ": " + msg) + "\n";
    if (!e.is_group()) {
        // No header for one raised outside any of the program's frames (a task's first step on a
        // coroutine already awaited), as traceback.print_exception writes one without a traceback
        if (!e.traceback.empty()) p.emit("Traceback (most recent call last):\n" + traceback_entries(e));
        p.emit(line);
        return;
    }
    if (p.group_depth > max_group_depth) {
        p.emit("... (max_group_depth is " + std::to_string(max_group_depth) + ")\n");
        return;
    }
    const bool top_level = p.group_depth == 0;
    if (top_level) ++p.group_depth;
    if (!e.traceback.empty()) {
        p.emit("Exception Group Traceback (most recent call last):\n", top_level ? '+' : '|');
        p.emit(traceback_entries(e));
    }
    p.emit(line);
    const auto& items = e.group_items();
    const std::size_t n = std::min(items.size(), max_group_width + 1);
    p.need_close = false;
    for (std::size_t i = 0; i < n && !p.full(); ++i) {
        const bool last = i == n - 1;
        if (last) p.need_close = true;  // the closing line may come from a nested group's last box
        const bool truncated = i >= max_group_width;
        const std::string title = truncated ? "..." : std::to_string(i + 1);
        p.out += p.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
        ++p.group_depth;
        if (!truncated) {
            format_exception_chain(p, items[i].as<exception_object>());
        } else {
            const std::size_t remaining = items.size() - max_group_width;
            p.emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
        }
        if (last && p.need_close) {
            p.out += p.indent() + "+------------------------------------\n";
            p.need_close = false;
        }
        --p.group_depth;
    }
    if (top_level) p.group_depth = 0;
}

// "  File ..., line N, in f\n    source\n" for each entry, outermost first; a run of more than three
// identical entries once, with a count, as CPython prints it.
std::string runtime::traceback_entries(const exception_object& e) const
{
    std::string out;
    const traceback_entry* previous = nullptr;
    int repeats = 0;
    auto flush_repeats = [&] {
        if (repeats > 3) out += "  [Previous line repeated " + std::to_string(repeats - 3) + " more time" + (repeats - 3 == 1 ? "" : "s") + "]\n";
        repeats = 0;
    };
    for (auto it = e.traceback.rbegin(); it != e.traceback.rend(); ++it) {
        bool same = previous && previous->line == it->line && previous->function == it->function && previous->file == it->file;
        if (!same) flush_repeats();
        previous = &*it;
        if (++repeats > 3) continue;
        const std::string& file = it->file.empty() ? config_.file_name : it->file;
        out += "  File \"" + file + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
        std::string src = it->file.empty() ? source_line(it->line) : it->source;
        if (!src.empty()) out += "    " + src + "\n";
    }
    flush_repeats();
    return out;
}

} // namespace loopscope::engine
