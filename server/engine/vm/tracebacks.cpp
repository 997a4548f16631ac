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

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Characters in the first `bytes` bytes of UTF-8 text (CPython's byte_offset_to_character_offset)
std::size_t characters(std::string_view text, std::size_t bytes)
{
    bytes = std::min(bytes, text.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) ++n;
    return n;
}

// The line of carets under a frame's source line (PEP 657), as CPython 3.11's traceback.c draws it:
// '^' under the expression the frame stands at, or '~' with '^' under a binary operation's operator
// or a subscript's brackets; none when the expression is the whole line (less its indentation).
// `line` is the source line as read (indentation and trailing blanks kept), `line_no` its number.
std::string caret_line(std::string_view line, std::int32_t line_no, const source_span& span)
{
    if (span.column < 1 || span.end_column < 1) return "";
    std::size_t truncation = 0;
    while (truncation < line.size() && is_blank(line[truncation])) ++truncation;
    const std::size_t length = characters(line, line.size());
    const std::size_t start = characters(line, static_cast<std::size_t>(span.column - 1));
    std::size_t end = characters(line, static_cast<std::size_t>(span.end_column - 1));
    std::size_t left = 0, right = 0;
    bool anchored = false;
    if (span.end_line == line_no && span.anchors != source_span::anchor_kind::none) {
        // Byte offsets in the line, made character offsets once found
        auto from = static_cast<std::size_t>(span.anchor_from - 1), to = static_cast<std::size_t>(span.anchor_to - 1);
        if (span.anchors == source_span::anchor_kind::binary) {
            // The operator: its first non-blank character after the left operand (a closing
            // parenthesis, in 3.11.2), two if the next is not blank
            std::size_t i = from;
            while (i < to && i < line.size() && is_blank(line[i])) ++i;
            from = i;
            to = i + 1 + (i + 1 < to && i + 1 < line.size() && !is_blank(line[i + 1]) ? 1 : 0);
        }
        anchored = true;
        left = characters(line, from);
        right = characters(line, to);
    } else if (span.end_line != line_no) {
        // An expression over several lines: up to the line's last non-blank character. CPython looks
        // for it at a character count used as a byte index; so does this, to draw what it draws.
        std::size_t i = length;
        while (i-- > 0)
            if (!is_blank(line[i])) break;
        end = i + 1;  // i wrapped to npos on an all-blank line: end 0
    }
    if (end - start == length - truncation && !anchored) return "";
    std::string out = "    ";
    for (std::size_t i = truncation; i < end; ++i) {
        if (i < start) out += ' ';
        else if (anchored && left <= i && i < right) out += '^';
        else out += anchored ? '~' : '^';
    }
    return out + "\n";
}

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
    bool logged = false;  // by asyncio's logger, through the traceback module

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

std::string runtime::format_traceback(const value& exc, bool logged) const
{
    traceback_printer p;
    p.logged = logged;
    p.limit = config_.max_sequence_length;
    format_exception_chain(p, exc.as<exception_object>());
    if (p.full()) p.out += "[the traceback stops here: it is longer than max_sequence_length characters]\n";
    return std::move(p.out);
}

// One exception as PyErr_WriteUnraisable writes it: its traceback and its line, not its chain
std::string runtime::format_unraisable(const value& exc) const
{
    traceback_printer p;
    p.logged = true;
    p.limit = config_.max_sequence_length;
    format_one_exception(p, exc.as<exception_object>());
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
    // str() of it, as traceback.py takes it: a program's __str__ runs; one that raises is CPython's
    // placeholder
    std::string msg;
    try {
        msg = str(value::of(value_kind::exception, ref<exception_object>(const_cast<exception_object*>(&e))));
    } catch (const python_error&) {
        msg = "<exception str() failed>";
    }
    if (std::string suggestion = p.logged ? "" : did_you_mean(e); !suggestion.empty()) msg += ". Did you mean: '" + suggestion + "'?";
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
        bool same = previous && previous->line == it->line && previous->function == it->function &&
                    std::string_view(previous->file ? previous->file : "") == (it->file ? it->file : "");
        if (!same) flush_repeats();
        previous = &*it;
        if (++repeats > 3) continue;
        const std::string file = it->file ? it->file : config_.file_name;
        out += "  File \"" + file + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
        // A library frame's source and span are its stripped line's; the program's, its file's line
        std::string_view line = it->source ? it->source : "";
        if (!it->file) {
            if (it->line >= 1 && static_cast<std::size_t>(it->line) <= source_lines_.size()) line = source_lines_[static_cast<std::size_t>(it->line - 1)];
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        }
        std::size_t indent = 0;
        while (indent < line.size() && is_blank(line[indent])) ++indent;
        if (indent < line.size()) {
            out.append("    ").append(line.substr(indent)).append("\n");
            out += caret_line(line, it->line, it->span);
        }
        if (out.size() > config_.max_sequence_length) break;  // the printer stops the text there
    }
    flush_repeats();
    return out;
}

} // namespace loopscope::engine
