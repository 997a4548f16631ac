#include "tokenizer.hpp"

#include "escapes.hpp"

#include <cctype>

namespace loopscope::engine {

namespace {

class tokenizer {
public:
    tokenizer(std::string_view src, std::size_t max_nesting) : src_(src), max_nesting_(max_nesting) {}

    std::vector<token> run()
    {
        indents_.push_back({0, 0});
        while (pos_ < src_.size()) {
            if (at_line_start_ && brackets_.empty()) {
                if (!indentation()) continue;
            }
            char c = src_[pos_];
            if (c == '\n') {
                newline();
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { ++pos_; continue; }
            if (c == '#') { skip_comment(); continue; }
            if (c == '\\') {
                if (pos_ + 1 < src_.size() && src_[pos_ + 1] == '\n') {
                    pos_ += 2;
                    ++line_;
                    line_start_ = pos_;
                    continue;
                }
                fail("unexpected character after line continuation character", column());
            }
            if (std::isdigit(static_cast<unsigned char>(c)) ||
                (c == '.' && pos_ + 1 < src_.size() && std::isdigit(static_cast<unsigned char>(src_[pos_ + 1])))) {
                number();
                continue;
            }
            if (is_name_start(c)) {
                std::size_t start = pos_;
                while (pos_ < src_.size() && is_name_char(src_[pos_])) ++pos_;
                std::string word(src_.substr(start, pos_ - start));
                if (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"') && is_prefix(word)) {
                    string_literal(word, start);
                    continue;
                }
                push(token_kind::name, word, start);
                continue;
            }
            if (c == '\'' || c == '"') {
                string_literal("", pos_);
                continue;
            }
            op();
        }
        if (!brackets_.empty()) {
            auto [ch, l, col] = brackets_.back();
            line_ = l;
            fail(std::string("'") + ch + "' was never closed", col);
        }
        if (!tokens_.empty() && tokens_.back().kind != token_kind::newline && tokens_.back().kind != token_kind::dedent)
            tokens_.push_back({token_kind::newline, "", line_, column(), false, false, line_, column()});
        while (indents_.size() > 1) {
            indents_.pop_back();
            tokens_.push_back({token_kind::dedent, "", line_ + 1, 1, false, false, line_ + 1, 1});
        }
        tokens_.push_back({token_kind::end, "", line_ + 1, 1, false, false, line_ + 1, 1});
        return std::move(tokens_);
    }

private:
    struct indent_level {
        int col8;  // tabs to multiples of 8
        int col1;  // tabs as one column: disagreement means ambiguous mixing (TabError)
    };
    struct bracket {
        char ch;
        std::int32_t line;
        std::int32_t column;
    };

    static bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
    static bool is_name_char(char c) { return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)); }
    static bool is_prefix(const std::string& w)
    {
        std::string l;
        for (char c : w) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return l == "r" || l == "f" || l == "fr" || l == "rf" || l == "b" || l == "rb" || l == "br" || l == "u";
    }

    std::int32_t column() const { return static_cast<std::int32_t>(pos_ - line_start_) + 1; }
    std::int32_t column_of(std::size_t p) const { return static_cast<std::int32_t>(p - line_start_) + 1; }

    [[noreturn]] void fail(const std::string& msg, std::int32_t col, const char* type = "SyntaxError")
    {
        throw syntax_error{type, msg, line_, col};
    }

    void push(token_kind k, std::string text, std::size_t start)
    {
        tokens_.push_back({k, std::move(text), line_, column_of(start), false, false, line_, column()});
    }

    void newline()
    {
        if (brackets_.empty() && !at_line_start_) push(token_kind::newline, "", pos_);
        ++pos_;
        ++line_;
        line_start_ = pos_;
        if (brackets_.empty()) at_line_start_ = true;
    }

    void skip_comment()
    {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
    }

    // Measures a logical line's indentation; returns false when the line is blank or a comment.
    bool indentation()
    {
        int col8 = 0, col1 = 0;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == ' ') { ++col8; ++col1; }
            else if (c == '\t') { col8 = (col8 / 8 + 1) * 8; ++col1; }
            else if (c == '\f') { col8 = col1 = 0; }
            else break;
            ++pos_;
        }
        if (pos_ >= src_.size()) return false;
        char c = src_[pos_];
        if (c == '#' || c == '\n' || c == '\r') {
            if (c == '#') skip_comment();
            if (pos_ < src_.size() && src_[pos_] == '\r') ++pos_;
            if (pos_ < src_.size() && src_[pos_] == '\n') {
                ++pos_;
                ++line_;
                line_start_ = pos_;
            }
            return false;
        }
        at_line_start_ = false;
        auto& top = indents_.back();
        if (col8 == top.col8) {
            if (col1 != top.col1) fail("inconsistent use of tabs and spaces in indentation", 1, "TabError");
        } else if (col8 > top.col8) {
            if (col1 <= top.col1) fail("inconsistent use of tabs and spaces in indentation", 1, "TabError");
            // CPython's tokenizer stops at its 100th level (MAXINDENT), whatever the engine's own bound
            if (indents_.size() > max_nesting_ || indents_.size() >= cpython_max_indent)
                fail("too many levels of indentation", column(), "IndentationError");
            indents_.push_back({col8, col1});
            push(token_kind::indent, "", pos_);
        } else {
            while (indents_.size() > 1 && col8 < indents_.back().col8) {
                indents_.pop_back();
                push(token_kind::dedent, "", pos_);
            }
            if (col8 != indents_.back().col8)
            {
                // CPython's offset is past the line's end: its caret stands after the line's last character
                auto eol = src_.find('\n', line_start_);
                if (eol == std::string_view::npos) eol = src_.size();
                fail("unindent does not match any outer indentation level", static_cast<std::int32_t>(eol - line_start_) + 2, "IndentationError");
            }
            if (col1 != indents_.back().col1) fail("inconsistent use of tabs and spaces in indentation", 1, "TabError");
        }
        return true;
    }

    void number()
    {
        std::size_t start = pos_;
        auto digits = [&] {
            while (pos_ < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
                char c = src_[pos_];
                if ((c == 'e' || c == 'E') && pos_ + 1 < src_.size() && (src_[pos_ + 1] == '+' || src_[pos_ + 1] == '-')) {
                    pos_ += 2;
                    continue;
                }
                ++pos_;
            }
        };
        digits();
        if (pos_ < src_.size() && src_[pos_] == '.') {
            ++pos_;
            digits();
        }
        push(token_kind::number, std::string(src_.substr(start, pos_ - start)), start);
    }

    void string_literal(const std::string& prefix, std::size_t start)
    {
        bool raw = false, fstr = false;
        for (char c : prefix) {
            char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (l == 'r') raw = true;
            if (l == 'f') fstr = true;
            if (l == 'b') fail("bytes literals are not supported by loopscope", column_of(start), "UnsupportedError");
        }
        char q = src_[pos_];
        bool triple = pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
        std::int32_t start_line = line_;
        std::int32_t start_col = column_of(start);
        pos_ += triple ? 3 : 1;
        literal_body_ = pos_;
        std::string out;
        while (true) {
            if (pos_ >= src_.size()) {
                line_ = start_line;
                if (triple) fail("unterminated triple-quoted string literal (detected at line " + std::to_string(line_) + ")", start_col);
                fail("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_col);
            }
            char c = src_[pos_];
            if (c == '\n' && !triple) {
                line_ = start_line;
                fail("unterminated string literal (detected at line " + std::to_string(start_line) + ")", start_col);
            }
            if (c == q) {
                if (!triple) { ++pos_; break; }
                if (pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q) { pos_ += 3; break; }
            }
            if (c == '\n') {
                out += c;
                ++pos_;
                ++line_;
                line_start_ = pos_;
                continue;
            }
            if (c == '\\' && pos_ + 1 < src_.size()) {
                char n = src_[pos_ + 1];
                if (raw || fstr) {
                    // f-strings keep their escapes for the f-string parser, which decodes literal parts;
                    // a raw f-string's backslash is kept as an escaped one, so that it stays itself.
                    out += c;
                    if (raw && fstr) out += c;
                    out += n;
                    pos_ += 2;
                    if (n == '\n') { ++line_; line_start_ = pos_; }
                    continue;
                }
                pos_ += 2;
                out += decode_escape(n);
                continue;
            }
            out += c;
            ++pos_;
        }
        const auto body_column = start_col + static_cast<std::int32_t>(prefix.size()) + (triple ? 3 : 1);
        tokens_.push_back({token_kind::string, std::move(out), start_line, start_col, fstr, raw, line_, column(), body_column});
    }

    // After a backslash (already consumed) in a plain string literal.
    std::string decode_escape(char n)
    {
        if (n == '\n') {
            ++line_;
            line_start_ = pos_;
            return "";
        }
        std::size_t at = pos_ - 1;  // the character after the backslash
        try {
            std::string out = engine::decode_escape(src_, at);
            pos_ = at;
            return out;
        } catch (const escape_error& e) {
            fail(escape_error_message(e, src_.substr(literal_body_), pos_ - 2 - literal_body_), column(), e.type.c_str());
        }
    }

    void op()
    {
        static const char* three[] = {"**=", "//=", ">>=", "<<=", "...", nullptr};
        static const char* two[] = {"==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/=", "%=", "**", "//", ":=", "<<", ">>", "&=", "|=", "^=", "@=", nullptr};
        std::size_t start = pos_;
        for (const char** p = three; *p; ++p)
            if (src_.substr(pos_, 3) == *p) { pos_ += 3; push(token_kind::op, *p, start); return; }
        for (const char** p = two; *p; ++p)
            if (src_.substr(pos_, 2) == *p) { pos_ += 2; push(token_kind::op, *p, start); return; }
        char c = src_[pos_];
        constexpr std::string_view singles = "()[]{}:,;.+-*/%<>=!&|^~@";
        if (singles.find(c) == std::string::npos || c == '!') {
            if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                fail("invalid non-printable character", column());
            fail(std::string("invalid character '") + c + "'", column());
        }
        if (c == '(' || c == '[' || c == '{') {
            if (brackets_.size() >= max_nesting_) fail("too many nested parentheses", column());
            brackets_.push_back({c, line_, column()});
        } else if (c == ')' || c == ']' || c == '}') {
            char open = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (brackets_.empty()) fail(std::string("unmatched '") + c + "'", column());
            if (brackets_.back().ch != open) {
                auto b = brackets_.back();
                std::string msg = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + b.ch + "'";
                if (b.line != line_) msg += " on line " + std::to_string(b.line);
                fail(msg, column());
            }
            brackets_.pop_back();
        }
        ++pos_;
        push(token_kind::op, std::string(1, c), start);
    }

    std::string_view src_;
    std::size_t literal_body_ = 0;  // where the string literal being read starts, after its quotes
    std::size_t max_nesting_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    std::int32_t line_ = 1;
    bool at_line_start_ = true;
    std::vector<indent_level> indents_;
    static constexpr std::size_t cpython_max_indent = 100;
    std::vector<bracket> brackets_;
    std::vector<token> tokens_;
};

} // namespace

std::vector<token> tokenize(std::string_view source, std::size_t max_nesting)
{
    return tokenizer(source, max_nesting).run();
}

} // namespace loopscope::engine
