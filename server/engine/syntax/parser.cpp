#include "parser.hpp"
#include "integers.hpp"
#include "cpython_names.hpp"
#include "engine_names.hpp"
#include "escapes.hpp"
#include "tokenizer.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <cstdlib>

namespace loopscope::engine {

namespace {

class parser {
public:
    parser(std::vector<token> tokens, std::size_t max_nesting, const engine_names& names)
        : toks_(std::move(tokens)), max_nesting_(max_nesting), names_(names) {}

    module_ast module()
    {
        module_ast m;
        while (peek().kind != token_kind::end) {
            if (peek().kind == token_kind::newline) { ++pos_; continue; }
            if (peek().kind == token_kind::indent) unexpected_indent(peek());
            statement(m.body);
        }
        return m;
    }

private:
    // Counts recursion of the parser and, through it, of the compiler that walks the same tree.
    struct depth_guard {
        parser& p;
        explicit depth_guard(parser& owner) : p(owner)
        {
            if (++p.depth_ > p.max_nesting_) p.fail_at(p.peek(), "too many nested parentheses");
        }
        ~depth_guard() { --p.depth_; }
        depth_guard(const depth_guard&) = delete;
        depth_guard& operator=(const depth_guard&) = delete;
    };

    const token& peek(std::size_t ahead = 0) const
    {
        std::size_t k = pos_ + ahead;
        return k < toks_.size() ? toks_[k] : toks_.back();
    }
    const token& next()
    {
        const token& t = peek();
        if (pos_ < toks_.size() - 1) ++pos_;
        if (t.kind != token_kind::newline && t.kind != token_kind::indent && t.kind != token_kind::dedent && t.kind != token_kind::end) {
            end_line_ = t.end_line;
            end_column_ = t.end_column;
        }
        return t;
    }
    // A node ends where the last token read for it ends (CPython's end_lineno, end_col_offset)
    template <class Node> Node finish(Node n)
    {
        n->end_line = end_line_;
        n->end_column = end_column_;
        return n;
    }
    bool is_op(const char* s, std::size_t ahead = 0) const { const auto& t = peek(ahead); return t.kind == token_kind::op && t.text == s; }
    bool is_name(const char* s, std::size_t ahead = 0) const { const auto& t = peek(ahead); return t.kind == token_kind::name && t.text == s; }
    bool accept_op(const char* s) { if (is_op(s)) { next(); return true; } return false; }
    bool accept_name(const char* s) { if (is_name(s)) { next(); return true; } return false; }

    // At a token, with carets under it (CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION at the token the
    // parser stopped on); one caret at the end of a line
    [[noreturn]] void fail_at(const token& t, const std::string& msg, const char* type = "SyntaxError") const
    {
        const bool ranged = t.kind != token_kind::newline && t.kind != token_kind::indent && t.kind != token_kind::dedent && t.kind != token_kind::end;
        throw syntax_error{type, msg, t.line, t.column, ranged ? t.end_line : 0, ranged ? t.end_column : 0};
    }
    // CPython points before the indented line's first character: no caret under it
    [[noreturn]] void unexpected_indent(const token& t) const
    {
        throw syntax_error{"IndentationError", "unexpected indent", t.line, std::max(t.column - 1, 0)};
    }
    // One caret at the token's start (where the engine cannot tell CPython's range)
    [[noreturn]] void fail_single(const token& t, const std::string& msg) const { throw syntax_error{"SyntaxError", msg, t.line, t.column}; }
    [[noreturn]] void unsupported(const token& t, const std::string& what) const
    {
        throw syntax_error{"UnsupportedError", what + " is not supported by loopscope", t.line, t.column};
    }
    void expect_op(const char* s)
    {
        if (!accept_op(s)) {
            if (std::string(s) == ":") fail_at(peek(), "expected ':'");
            fail_at(peek(), "invalid syntax");
        }
    }
    std::string expect_name()
    {
        if (peek().kind != token_kind::name || is_keyword(peek().text)) fail_at(peek(), "invalid syntax");
        return next().text;
    }
    static bool is_keyword(const std::string& w) { return is_python_keyword(w); }
    void end_of_statement()
    {
        if (peek().kind == token_kind::newline) { next(); return; }
        if (peek().kind == token_kind::end) return;
        fail_at(peek(), "invalid syntax");
    }

    // ---- statements ----

    void statement(block& out)
    {
        const std::size_t before = out.size();
        compound_statement(out);
        for (std::size_t k = before; k < out.size(); ++k)
            if (!out[k]->end_line) finish(out[k].get());
    }

    void compound_statement(block& out)
    {
        depth_guard guard(*this);
        const token& t = peek();
        if (t.kind == token_kind::name) {
            const std::string& w = t.text;
            if (w == "if") { out.push_back(if_statement()); return; }
            if (w == "while") { out.push_back(while_statement()); return; }
            if (w == "for") { out.push_back(for_statement()); return; }
            if (w == "try") { out.push_back(try_statement()); return; }
            if (w == "def") { out.push_back(function_def(false)); return; }
            if (w == "async") {
                if (is_name("def", 1)) { next(); out.push_back(function_def(true)); return; }
                if (is_name("with", 1)) { out.push_back(with_statement(true)); return; }
                if (is_name("for", 1)) {
                    const token& at = next();
                    auto s = for_statement();
                    s->is_async = true;
                    s->line = at.line;
                    s->column = at.column;
                    out.push_back(std::move(s));
                    return;
                }
                unsupported(t, "'async " + peek(1).text + "'");
            }
            if (w == "class") { out.push_back(class_def()); return; }
            if (w == "with") { out.push_back(with_statement(false)); return; }
            // A match statement: `match` (a soft keyword) and a logical line that ends with ':' (no
            // expression or assignment statement does; `match: int` is an annotation)
            if (w == "match" && !is_op(":", 1)) {
                std::size_t k = 1;
                while (peek(k).kind != token_kind::newline && peek(k).kind != token_kind::end) ++k;
                if (k > 1 && is_op(":", k - 1)) unsupported(t, "'match' statement");
            }
        }
        if (t.kind == token_kind::op && t.text == "@") {
            // Decorators, evaluated top to bottom, applied bottom up (the compiler does both).
            std::vector<expr_ptr> decorators;
            while (accept_op("@")) {
                decorators.push_back(named_expression());
                if (peek().kind != token_kind::newline) fail_at(peek(), "invalid syntax");
                next();
            }
            stmt_ptr s;
            if (is_name("class")) s = class_def();
            else if (is_name("def")) s = function_def(false);
            else if (is_name("async") && is_name("def", 1)) {
                next();
                s = function_def(true);
            } else fail_at(peek(), "invalid syntax");
            s->decorators = std::move(decorators);
            out.push_back(std::move(s));
            return;
        }
        simple_statements(out);
    }

    void simple_statements(block& out)
    {
        while (true) {
            out.push_back(finish(simple_statement()));
            if (accept_op(";")) {
                if (peek().kind == token_kind::newline || peek().kind == token_kind::end) break;
                continue;
            }
            break;
        }
        end_of_statement();
    }

    // `print "hello"` (anywhere an expression is: `x = print 'hi'`): CPython's
    // invalid_legacy_expression — print or exec, then what would be its arguments without the
    // parentheses. Returns when that does not parse.
    void legacy_call(const expr& a)
    {
        const std::string& n = a.name;
        if (is_op("(")) return;
        expr_ptr b;
        const bool was = second_operand_;
        second_operand_ = true;
        try {
            b = expression_list(true);
        } catch (const syntax_error&) {
            second_operand_ = was;
            return;
        }
        second_operand_ = was;
        throw syntax_error{"SyntaxError", "Missing parentheses in call to '" + n + "'. Did you mean " + n + "(...)?", a.line, a.column,
                           b->end_line, b->end_column};
    }

    stmt_ptr make_stmt(stmt_kind k, const token& t)
    {
        auto s = std::make_unique<stmt>();
        s->kind = k;
        s->line = t.line;
        s->column = t.column;
        return s;
    }

    stmt_ptr simple_statement()
    {
        const token& t = peek();
        if (t.kind == token_kind::name) {
            const std::string w = t.text;
            if (w == "pass") { next(); return make_stmt(stmt_kind::pass, t); }
            if (w == "break") { next(); return make_stmt(stmt_kind::break_, t); }
            if (w == "continue") { next(); return make_stmt(stmt_kind::continue_, t); }
            if (w == "return") {
                next();
                auto s = make_stmt(stmt_kind::return_, t);
                if (!at_statement_end()) s->value = expression_list();
                return s;
            }
            if (w == "raise") {
                next();
                auto s = make_stmt(stmt_kind::raise, t);
                if (!at_statement_end()) {
                    s->value = expression();
                    if (accept_name("from")) s->extra = expression();
                }
                return s;
            }
            if (w == "global") {
                next();
                auto s = make_stmt(stmt_kind::global, t);
                do s->names.push_back(expect_name()); while (accept_op(","));
                return s;
            }
            if (w == "nonlocal") {
                next();
                auto s = make_stmt(stmt_kind::nonlocal, t);
                do s->names.push_back(expect_name()); while (accept_op(","));
                return s;
            }
            if (w == "assert") {
                next();
                auto s = make_stmt(stmt_kind::assert_, t);
                s->value = expression();
                if (accept_op(",")) s->extra = expression();
                return s;
            }
            if (w == "del") {
                next();
                auto s = make_stmt(stmt_kind::del, t);
                do s->targets.push_back(primary()); while (accept_op(","));
                for (auto& e : s->targets) check_target(*e, target_use::deletion);
                return s;
            }
            if (w == "import") return import_statement();
            if (w == "from") return from_import();
        }
        bare_tuple_ = nullptr;
        auto first = yield_or_expression_list();
        if (is_op(":")) {
            next();
            check_target(*first);
            if (first->kind == expr_kind::attribute) unsupported(t, "an annotated assignment to an attribute");
            if (first->kind != expr_kind::name && first->kind != expr_kind::subscript)
                fail_at(t, "only single target (not tuple) can be annotated");
            auto s = make_stmt(stmt_kind::annotated, t);
            s->extra = expression();
            if (accept_op("=")) s->value = yield_or_expression_list();
            s->targets.push_back(std::move(first));
            return s;
        }
        static const std::pair<const char*, binary_op> augs[] = {{"+=", binary_op::add}, {"-=", binary_op::sub},
            {"*=", binary_op::mul}, {"/=", binary_op::div}, {"//=", binary_op::floordiv}, {"%=", binary_op::mod}, {"**=", binary_op::pow},
            {"<<=", binary_op::lshift}, {">>=", binary_op::rshift}, {"&=", binary_op::bit_and}, {"|=", binary_op::bit_or}, {"^=", binary_op::bit_xor}};
        for (const auto& [text, op] : augs) {
            if (is_op(text)) {
                next();
                if (first->kind != expr_kind::name && first->kind != expr_kind::subscript && first->kind != expr_kind::attribute)
                    fail_at(t, "'" + describe(*first) + "' is an illegal expression for augmented assignment");
                auto s = make_stmt(stmt_kind::aug_assign, t);
                s->aug = op;
                s->value = yield_or_expression_list();
                s->targets.push_back(std::move(first));
                return s;
            }
        }
        if (is_op("@=")) unsupported(peek(), "operator '@='");
        if (is_op("=")) {
            auto s = make_stmt(stmt_kind::assign, t);
            s->targets.push_back(std::move(first));
            while (accept_op("=")) s->targets.push_back(yield_or_expression_list());
            s->value = std::move(s->targets.back());
            s->targets.pop_back();
            for (auto& target : s->targets) check_target(*target);
            return s;
        }
        // `f() := 1` as a statement: CPython's invalid_named_expression (a bare name or tuple: its generic error)
        if (is_op(":=") && first->kind != expr_kind::name && first.get() != bare_tuple_) cannot_use_assignment_expression_with(*first);
        auto s = make_stmt(stmt_kind::expression, t);
        s->value = std::move(first);
        return s;
    }

    static std::string describe(const expr& e)
    {
        switch (e.kind) {
        case expr_kind::call: return "function call";
        case expr_kind::constant: return "literal";
        case expr_kind::tuple: return "tuple";
        case expr_kind::list: return "list";
        case expr_kind::binary: return "expression";
        case expr_kind::attribute: return "attribute";
        default: return "expression";
        }
    }

    // How a target is used: CPython words `(x := 1) = 2`, `for (x := 1) in y` and `del (x := 1)` apart
    enum class target_use { assignment, loop_or_with, deletion };
    void check_target(const expr& e, target_use use = target_use::assignment)
    {
        switch (e.kind) {
        case expr_kind::name:
        case expr_kind::subscript:
        case expr_kind::attribute: return;
        case expr_kind::tuple:
        case expr_kind::list:
            for (const auto& item : e.items) check_target(item->kind == expr_kind::starred ? *item->a : *item, use);
            return;
        case expr_kind::call:
            throw syntax_error{"SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", e.line, e.column};
        case expr_kind::named:
            throw syntax_error{"SyntaxError",
                               use == target_use::deletion       ? "cannot delete named expression"
                               : use == target_use::loop_or_with ? "cannot assign to named expression"
                                                                 : "cannot assign to named expression here. Maybe you meant '==' instead of '='?",
                               e.line, e.column, e.end_line, e.end_column};
        case expr_kind::constant:
            throw syntax_error{"SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", e.line, e.column};
        default:
            throw syntax_error{"SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", e.line, e.column};
        }
    }

    bool at_statement_end() const
    {
        return peek().kind == token_kind::newline || peek().kind == token_kind::end || is_op(";");
    }

    std::string dotted_name()
    {
        std::string n = expect_name();
        while (accept_op(".")) n += "." + expect_name();
        return n;
    }

    stmt_ptr import_statement()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::import, t);
        do {
            const token& at = peek();
            import_name n;
            n.module = dotted_name();
            if (!names_.has_module(n.module)) unsupported(at, "module '" + n.module + "'");
            n.as = accept_name("as") ? expect_name() : n.module;
            module_aliases_[n.as] = n.module;
            s->imports.push_back(std::move(n));
        } while (accept_op(","));
        return s;
    }

    stmt_ptr from_import()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::import_from, t);
        const token& at = peek();
        s->name = dotted_name();
        if (!names_.has_module(s->name)) unsupported(at, "module '" + s->name + "'");
        if (!accept_name("import")) fail_at(peek(), "invalid syntax");
        if (is_op("*")) unsupported(peek(), "'import *'");
        bool paren = accept_op("(");
        do {
            if (paren && is_op(")")) break;
            import_name n;
            const token& nt = peek();
            n.module = expect_name();
            // (a name CPython's module lacks too is its ImportError, when the import runs)
            if (!names_.has_module_member(s->name, n.module) && cpython_type_has(s->name == "asyncio" ? "module" : "module " + s->name, n.module))
                unsupported(nt, "'" + s->name + "." + n.module + "'");
            n.as = accept_name("as") ? expect_name() : n.module;
            s->imports.push_back(std::move(n));
        } while (accept_op(","));
        if (paren) expect_op(")");
        return s;
    }

    block suite(const std::string& what, std::int32_t header_line)
    {
        // An if, elif, while, for, with, class or except header says "expected ':'" only at the
        // line's end (CPython's invalid_if_stmt …); def, try, else and finally force their ':' (&&':')
        const bool forced = what == "function definition" || what == "'try' statement" || what == "'else' statement" || what == "'finally' statement";
        if (!forced && !is_op(":") && peek().kind != token_kind::newline) fail_at(peek(), "invalid syntax");
        expect_op(":");
        block body;
        if (peek().kind != token_kind::newline) {
            simple_statements(body);
            return body;
        }
        next();
        if (peek().kind != token_kind::indent)
            fail_at(peek(), "expected an indented block after " + what + " on line " + std::to_string(header_line), "IndentationError");
        next();
        while (peek().kind != token_kind::dedent && peek().kind != token_kind::end) {
            if (peek().kind == token_kind::indent) unexpected_indent(peek());
            statement(body);
        }
        if (peek().kind == token_kind::dedent) next();
        return body;
    }

    stmt_ptr if_statement()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::if_, t);
        s->value = named_expression();
        s->body = suite("'if' statement", t.line);
        if (is_name("elif")) {
            s->orelse.push_back(finish(if_statement()));
        } else if (is_name("else")) {
            const token& e = next();
            s->orelse = suite("'else' statement", e.line);
        }
        return s;
    }

    stmt_ptr while_statement()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::while_, t);
        s->value = named_expression();
        s->body = suite("'while' statement", t.line);
        if (is_name("else")) unsupported(peek(), "'else' on a loop");
        return s;
    }

    stmt_ptr for_statement()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::for_, t);
        auto target = target_list();
        check_target(*target, target_use::loop_or_with);
        s->targets.push_back(std::move(target));
        if (!accept_name("in")) fail_at(peek(), "invalid syntax");
        s->value = expression_list();
        s->body = suite("'for' statement", t.line);
        if (is_name("else")) unsupported(peek(), "'else' on a loop");
        return s;
    }

    // `with a as x, b:` is `with a as x:` holding `with b:`, which is how CPython runs it; the
    // statement keeps its first item and nests one statement per further item in its body.
    // `async with` starts at `async`, where CPython points its SyntaxError outside a coroutine.
    stmt_ptr with_statement(bool is_async)
    {
        const token& t = next();
        if (is_async) next();
        // `with (a as x, b):`: items in parentheses (3.9+), told from a parenthesized expression by
        // an `as` or a trailing comma at the parentheses' own level, followed by the colon.
        bool grouped = false;
        if (is_op("(")) {
            int depth = 0;
            bool items_inside = false;
            for (std::size_t k = 0;; ++k) {
                const token& a = peek(k);
                if (a.kind == token_kind::end || a.kind == token_kind::newline) break;
                if (a.kind == token_kind::op && (a.text == "(" || a.text == "[" || a.text == "{")) ++depth;
                else if (a.kind == token_kind::op && (a.text == ")" || a.text == "]" || a.text == "}")) {
                    if (--depth == 0) {
                        grouped = items_inside && is_op(":", k + 1);
                        break;
                    }
                } else if (depth == 1 && ((a.kind == token_kind::name && a.text == "as") || (a.kind == token_kind::op && a.text == ",")))
                    items_inside = true;
            }
        }
        if (grouped) next();
        std::vector<std::pair<expr_ptr, expr_ptr>> items;
        do {
            if (grouped && is_op(")")) break;
            expr_ptr manager = expression();
            expr_ptr target;
            if (accept_name("as")) {
                target = bitwise_or();
                check_target(*target, target_use::loop_or_with);
            }
            items.emplace_back(std::move(manager), std::move(target));
        } while (accept_op(","));
        if (grouped) expect_op(")");
        block body = suite(is_async ? "'async with' statement" : "'with' statement", t.line);
        stmt_ptr outer;
        for (std::size_t k = items.size(); k-- > 0;) {
            auto s = make_stmt(stmt_kind::with, t);
            s->is_async = is_async;
            s->value = std::move(items[k].first);
            if (items[k].second) s->targets.push_back(std::move(items[k].second));
            if (outer) s->body.push_back(finish(std::move(outer)));
            else s->body = std::move(body);
            outer = std::move(s);
        }
        return outer;
    }

    expr_ptr target_list()
    {
        const token& t = peek();
        std::vector<expr_ptr> items;
        bool trailing = false;
        do {
            if (is_name("in")) break;
            items.push_back(bitwise_or());
            trailing = is_op(",");
        } while (accept_op(","));
        if (items.size() == 1 && !trailing) return std::move(items[0]);
        auto e = make_expr(expr_kind::tuple, t);
        e->items = std::move(items);
        return finish(std::move(e));
    }

    stmt_ptr try_statement()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::try_, t);
        s->body = suite("'try' statement", t.line);
        while (is_name("except")) {
            const token& e = next();
            except_clause h;
            h.line = e.line;
            h.star = accept_op("*");
            if (!s->handlers.empty() && s->handlers.front().star != h.star)
                fail_at(e, "cannot have both 'except' and 'except*' on the same 'try'");
            if (h.star && is_op(":")) fail_at(peek(), "expected one or more exception types");
            if (!is_op(":")) {
                h.type = expression();
                if (accept_name("as")) h.name = expect_name();
            }
            h.body = suite("'except' statement", e.line);
            s->handlers.push_back(std::move(h));
        }
        if (is_name("else")) {
            const token& e = next();
            if (s->handlers.empty()) fail_at(e, "invalid syntax");
            s->orelse = suite("'else' statement", e.line);
        }
        if (is_name("finally")) {
            const token& f = next();
            s->finally_body = suite("'finally' statement", f.line);
            if (s->finally_body.empty()) s->finally_body.push_back(make_stmt(stmt_kind::pass, f));
        } else if (s->handlers.empty()) {
            fail_at(peek(), "expected 'except' or 'finally' block");
        }
        return s;
    }

    // class Name(Base, ...): body. Keywords (metaclass=...) and starred bases are refused.
    stmt_ptr class_def()
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::class_def, t);
        s->name = expect_name();
        if (accept_op("(")) {
            while (!is_op(")")) {
                if (is_op("*") || is_op("**")) unsupported(peek(), "a starred base in a class definition");
                if (peek().kind == token_kind::name && peek(1).kind == token_kind::op && peek(1).text == "=")
                    unsupported(peek(), "a keyword argument ('" + peek().text + "=') in a class definition");
                s->bases.push_back(expression());
                if (!accept_op(",")) break;
            }
            expect_op(")");
        }
        s->body = suite("class definition", t.line);
        return s;
    }

    stmt_ptr function_def(bool is_async)
    {
        const token& t = next();
        auto s = make_stmt(stmt_kind::function_def, t);
        s->is_async = is_async;
        s->name = expect_name();
        expect_op("(");
        parameters(*s, ")", true);
        expect_op(")");
        if (accept_op("->")) expression();
        s->body = suite("function definition", t.line);
        return s;
    }

    // A parameter list up to `closing`, as CPython's grammar allows it: positional (with `/` after the
    // positional-only ones), `*args` or a bare `*`, keyword-only, `**kwargs` last.
    void parameters(stmt& s, const char* closing, bool annotations)
    {
        bool seen_default = false, seen_star = false, seen_slash = false;
        while (!is_op(closing)) {
            const token& pt = peek();
            if (accept_op("/")) {
                if (seen_slash) fail_at(pt, "/ may appear only once");
                if (seen_star) fail_at(pt, "/ must be ahead of *");
                if (s.params.empty()) fail_at(pt, "at least one argument must precede /");
                seen_slash = true;
                s.positional_only = s.params.size();
                if (!accept_op(",")) break;
                continue;
            }
            parameter p;
            if (accept_op("**")) {
                p.kind = parameter_kind::var_keyword;
            } else if (accept_op("*")) {
                if (seen_star) fail_at(pt, "* argument may appear only once");
                seen_star = true;
                if (is_op(",") || is_op(closing)) {
                    // A bare `*`: what follows is keyword-only, and something must follow.
                    accept_op(",");
                    if (is_op(closing) || is_op("**")) fail_at(pt, "named arguments must follow bare *");
                    continue;
                }
                p.kind = parameter_kind::var_positional;
            } else if (seen_star) {
                p.kind = parameter_kind::keyword_only;
            }
            const token& nt = peek();
            p.name = expect_name();
            if (annotations && accept_op(":")) expression();  // annotations are parsed and ignored
            const bool variadic = p.kind == parameter_kind::var_positional || p.kind == parameter_kind::var_keyword;
            if (is_op("=")) {
                if (variadic) fail_at(peek(), p.kind == parameter_kind::var_keyword ? "var-keyword argument cannot have default value"
                                                                                   : "var-positional argument cannot have default value");
                next();
                p.default_value = expression();
                if (p.kind == parameter_kind::positional) seen_default = true;
            } else if (seen_default && p.kind == parameter_kind::positional) {
                fail_at(nt, "non-default argument follows default argument");
            }
            for (const auto& other : s.params)
                if (other.name == p.name) fail_at(nt, "duplicate argument '" + p.name + "' in function definition");
            const bool last = p.kind == parameter_kind::var_keyword;
            s.params.push_back(std::move(p));
            if (last) {
                accept_op(",");
                if (!is_op(closing)) fail_at(peek(), "arguments cannot follow var-keyword argument");
                break;
            }
            if (!accept_op(",")) break;
        }
    }

    // lambda params: expression — a function whose body returns the expression.
    expr_ptr lambda()
    {
        const token& t = next();
        auto s = std::make_shared<stmt>();
        s->kind = stmt_kind::function_def;
        s->line = t.line;
        s->column = t.column;
        s->name = "<lambda>";
        parameters(*s, ":", false);
        expect_op(":");
        auto body = make_stmt(stmt_kind::return_, peek());
        body->value = expression();
        s->body.push_back(finish(std::move(body)));
        finish(s.get());
        auto e = finish(make_expr(expr_kind::lambda, t));
        e->function = std::move(s);
        return e;
    }

    // ---- expressions ----

    expr_ptr make_expr(expr_kind k, const token& t)
    {
        auto e = std::make_unique<expr>();
        e->kind = k;
        e->line = t.line;
        e->column = t.column;
        e->end_line = t.end_line;
        e->end_column = t.end_column;
        return e;
    }

    // `a, b = ...`, `return a, b`: a bare tuple; `starred` allows `*rest` items.
    // Where CPython's grammar takes a yield expression without parentheses: a statement of its own,
    // the right of an assignment; elsewhere it must be in parentheses.
    expr_ptr yield_or_expression_list()
    {
        if (is_name("yield")) return yield_expression();
        return expression_list(true);
    }

    expr_ptr yield_expression()
    {
        const token& t = next();
        auto e = make_expr(expr_kind::yield, t);
        if (is_name("from")) {
            // `yield from x`: the name marks it
            next();
            e->name = "from";
            e->a = expression();
            return finish(std::move(e));
        }
        if (!at_statement_end() && !is_op(")") && !is_op("=")) e->a = expression_list(true);
        return finish(std::move(e));
    }

    // Whether a comprehension's `for` (or `async for`) comes next
    bool comprehension_follows() { return is_name("for") || (is_name("async") && is_name("for", 1)); }

    expr_ptr expression_list(bool starred = false)
    {
        const token& t = peek();
        auto first = starred && is_op("*") ? star_expr() : expression();
        if (!is_op(",")) return first;
        auto e = make_expr(expr_kind::tuple, t);
        e->items.push_back(std::move(first));
        while (accept_op(",")) {
            if (at_statement_end() || is_op("=") || is_op(")") || is_op(":")) break;
            e->items.push_back(starred && is_op("*") ? star_expr() : expression());
        }
        bare_tuple_ = e.get();
        return finish(std::move(e));
    }

    expr_ptr star_expr()
    {
        const token& t = next();
        auto e = make_expr(expr_kind::starred, t);
        e->a = bitwise_or();
        return finish(std::move(e));
    }

    // Where CPython's grammar has a named_expression (an if/elif/while condition, a decorator, a
    // parenthesized group, an item of a list, tuple or set display, a subscript, a comprehension's
    // element): `name := value`, or an expression; before ':=' anything but a name is CPython's
    // invalid_named_expression
    expr_ptr named_expression()
    {
        if (assignment_expression_follows()) return assignment_expression();
        auto e = expression();
        if (is_op(":=")) cannot_use_assignment_expression_with(*e);
        if (is_op("=")) assignment_for_comparison(*e);
        return e;
    }
    // A call's positional argument, or the element of a generator expression that is one: `name :=
    // value` or an expression (CPython's `assignment_expression | expression !':='`: no hint there)
    expr_ptr argument_expression() { return assignment_expression_follows() ? assignment_expression() : expression(); }
    bool assignment_expression_follows() const { return peek().kind == token_kind::name && !is_keyword(peek().text) && is_op(":=", 1); }
    expr_ptr assignment_expression()
    {
        const token& t = next();
        auto e = make_expr(expr_kind::named, t);
        e->a = make_expr(expr_kind::name, t);
        e->a->name = t.text;
        next();  // :=
        if (is_name("yield")) fail_at(peek(), "invalid syntax");
        e->b = expression();
        return finish(std::move(e));
    }
    // `a.b := 1`, `f() := 1`: CPython's invalid_named_expression, when an expression follows the ':='
    // (otherwise the error is where that expression fails)
    void cannot_use_assignment_expression_with(const expr& a)
    {
        const std::size_t at = pos_;
        next();
        try {
            expression();
        } catch (const syntax_error&) {
            pos_ = at;
            fail_at(peek(), "invalid syntax");
        }
        throw syntax_error{"SyntaxError", std::string("cannot use assignment expressions with ") + expression_name(a), a.line, a.column,
                           a.end_line, a.end_column};
    }
    // _PyPegen_get_expr_name: what CPython's messages call an expression
    static const char* expression_name(const expr& a)
    {
        switch (a.kind) {
        case expr_kind::name: return "name";
        case expr_kind::tuple: return "tuple";
        case expr_kind::list: return "list";
        case expr_kind::starred: return "starred";
        case expr_kind::lambda: return "lambda";
        case expr_kind::compare: return "comparison";
        case expr_kind::conditional: return "conditional expression";
        case expr_kind::named: return "named expression";
        case expr_kind::generator_expression: return "generator expression";
        case expr_kind::yield: return "yield expression";
        case expr_kind::boolean_and:
        case expr_kind::boolean_or:
        case expr_kind::unary: return "expression";
        case expr_kind::formatted: return "f-string expression";
        case expr_kind::slice: return "slice";
        case expr_kind::constant:
            if (a.constant.is(value_kind::none)) return "None";
            if (a.constant.is(value_kind::boolean)) return a.constant.b ? "True" : "False";
            break;
        default: break;
        }
        const char* name = operand_name(a);
        return name ? name : "expression";
    }

    // Can `t` begin an expression? (After a whole operand only what no operator continues can.)
    static bool starts_expression(const token& t)
    {
        switch (t.kind) {
        case token_kind::number:
        case token_kind::string: return true;
        case token_kind::name:
            return !is_keyword(t.text) || t.text == "True" || t.text == "False" || t.text == "None" || t.text == "not" || t.text == "lambda" ||
                   t.text == "await";
        case token_kind::op: return t.text == "{" || t.text == "~" || t.text == "...";
        default: return false;
        }
    }
    // Two operands side by side inside brackets (`[1 2]`, `print("total:" total)`): CPython's
    // invalid_expression says a comma is missing, under both, unless the first is print or exec
    // (their own error) or begins with a name and a string or a soft keyword.
    void forgotten_comma(const expr& a, std::size_t a_start)
    {
        const std::size_t at = pos_;
        if (a.kind == expr_kind::name && (a.name == "print" || a.name == "exec")) {
            legacy_call(a);
            pos_ = at;
            return;
        }
        const token& first = toks_[a_start];
        if (first.kind == token_kind::name &&
            (first.text == "match" || first.text == "case" || first.text == "_" || toks_[a_start + 1].kind == token_kind::string))
            return;
        // What python3 3.11.2 was seen to give no hint after (its parser's second pass meets another
        // rule first): a name, an attribute, a call, a power, a comparison
        if (a.kind == expr_kind::name || a.kind == expr_kind::attribute || a.kind == expr_kind::call || a.kind == expr_kind::compare ||
            (a.kind == expr_kind::binary && a.bin == binary_op::pow))
            return;
        expr_ptr b;
        second_operand_ = true;  // (CPython's expression_without_invalid: no hint about it in turn)
        try {
            b = expression();
        } catch (const syntax_error&) {
            // expression_without_invalid's other way: an operand without the conditional around it
            pos_ = at;
            try {
                b = or_test();
            } catch (const syntax_error&) {
                second_operand_ = false;
                pos_ = at;
                return;
            }
        }
        second_operand_ = false;
        if (bracket_level(pos_ - 1) == 0) {
            pos_ = at;
            return;
        }
        throw syntax_error{"SyntaxError", "invalid syntax. Perhaps you forgot a comma?", a.line, a.column, b->end_line, b->end_column};
    }
    // How many brackets are open after token k (CPython's token level: a '(' counts itself)
    int bracket_level(std::size_t k)
    {
        if (levels_.empty()) {
            levels_.resize(toks_.size());
            int level = 0;
            for (std::size_t i = 0; i < toks_.size(); ++i) {
                const token& t = toks_[i];
                if (t.kind == token_kind::op && t.text.size() == 1) {
                    if (t.text[0] == '(' || t.text[0] == '[' || t.text[0] == '{') ++level;
                    else if ((t.text[0] == ')' || t.text[0] == ']' || t.text[0] == '}') && level > 0) --level;
                }
                levels_[i] = level;
            }
        }
        return k < levels_.size() ? levels_[k] : 0;
    }

    // `if x = 1:` — CPython's invalid_named_expression: a name, or another operand that is no display
    // of a list, a tuple or a generator and no True/None/False, then '=' and an operand not followed by
    // another '=' or ':=', is said to be a '==' meant. Anything else goes on to the generic error.
    void assignment_for_comparison(const expr& a)
    {
        const bool name = a.kind == expr_kind::name;
        const char* what = name ? "" : operand_name(a);
        if (!what) return;
        const std::size_t at = pos_;
        expr_ptr b;
        next();
        try {
            b = bitwise_or();
        } catch (const syntax_error&) {
            pos_ = at;
            return;
        }
        if (is_op("=") || is_op(":=")) {
            pos_ = at;
            return;
        }
        if (name)
            throw syntax_error{"SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a.line, a.column, b->end_line, b->end_column};
        throw syntax_error{"SyntaxError", std::string("cannot assign to ") + what + " here. Maybe you meant '==' instead of '='?", a.line, a.column,
                           a.end_line, a.end_column};
    }
    // What CPython calls an operand (_PyPegen_get_expr_name) in that message; null for what is not
    // an operand of that rule (a comparison, `not`, `and`/`or`, a conditional, a lambda) or is excluded
    static const char* operand_name(const expr& a)
    {
        switch (a.kind) {
        case expr_kind::attribute: return "attribute";
        case expr_kind::subscript: return "subscript";
        case expr_kind::call: return "function call";
        case expr_kind::binary: return "expression";
        case expr_kind::unary: return a.un == unary_op::not_ ? nullptr : "expression";
        case expr_kind::await: return "await expression";
        case expr_kind::list_comprehension: return "list comprehension";
        case expr_kind::set_comprehension: return "set comprehension";
        case expr_kind::dict_comprehension: return "dict comprehension";
        case expr_kind::dict: return "dict literal";
        case expr_kind::set: return "set display";
        case expr_kind::fstring: return "f-string expression";
        case expr_kind::constant:
            if (a.constant.is(value_kind::none) || a.constant.is(value_kind::boolean)) return nullptr;
            if (a.constant.is(value_kind::ellipsis)) return "ellipsis";
            return "literal";
        default: return nullptr;
        }
    }

    expr_ptr expression()
    {
        depth_guard guard(*this);
        if (is_name("lambda")) return lambda();
        if (is_name("yield")) unsupported(peek(), "'yield'");
        const token& t = peek();
        const std::size_t start = pos_;
        auto e = or_test();
        if (!second_operand_ && starts_expression(peek())) forgotten_comma(*e, start);
        if (is_name("if")) {
            next();
            auto c = make_expr(expr_kind::conditional, t);
            c->b = std::move(e);
            c->a = or_test();
            if (!accept_name("else")) fail_at(peek(), "expected 'else' after 'if' expression");
            c->c = expression();
            return finish(std::move(c));
        }
        return e;
    }

    expr_ptr or_test()
    {
        const token& t = peek();
        auto first = and_test();
        if (!is_name("or")) return first;
        auto e = make_expr(expr_kind::boolean_or, t);
        e->items.push_back(std::move(first));
        while (accept_name("or")) e->items.push_back(and_test());
        return finish(std::move(e));
    }

    expr_ptr and_test()
    {
        const token& t = peek();
        auto first = not_test();
        if (!is_name("and")) return first;
        auto e = make_expr(expr_kind::boolean_and, t);
        e->items.push_back(std::move(first));
        while (accept_name("and")) e->items.push_back(not_test());
        return finish(std::move(e));
    }

    expr_ptr not_test()
    {
        if (is_name("not")) {
            depth_guard guard(*this);
            const token& t = next();
            auto e = make_expr(expr_kind::unary, t);
            e->un = unary_op::not_;
            e->a = not_test();
            return finish(std::move(e));
        }
        return comparison();
    }

    bool comparison_op(compare_op& op)
    {
        const token& t = peek();
        if (t.kind == token_kind::op) {
            static const std::pair<const char*, compare_op> ops[] = {{"==", compare_op::eq}, {"!=", compare_op::ne},
                {"<", compare_op::lt}, {"<=", compare_op::le}, {">", compare_op::gt}, {">=", compare_op::ge}};
            for (const auto& [text, o] : ops)
                if (t.text == text) { next(); op = o; return true; }
            return false;
        }
        if (is_name("in")) { next(); op = compare_op::in; return true; }
        if (is_name("not") && is_name("in", 1)) { next(); next(); op = compare_op::not_in; return true; }
        if (is_name("is")) {
            next();
            op = accept_name("not") ? compare_op::is_not : compare_op::is;
            return true;
        }
        return false;
    }

    expr_ptr comparison()
    {
        const token& t = peek();
        auto first = bitwise_or();
        compare_op op;
        if (!comparison_op(op)) return first;
        auto e = make_expr(expr_kind::compare, t);
        e->items.push_back(std::move(first));
        do {
            e->ops.push_back(op);
            e->items.push_back(bitwise_or());
        } while (comparison_op(op));
        return finish(std::move(e));
    }

    // | above ^ above & above << >>, each a left-associative chain as arith() builds.
    template <class Operand> expr_ptr binary_chain(std::initializer_list<std::pair<const char*, binary_op>> ops, Operand operand)
    {
        const token& t = peek();
        auto left = (this->*operand)();
        std::size_t links = 0;
        for (;;) {
            const std::pair<const char*, binary_op>* found = nullptr;
            for (const auto& o : ops)
                if (is_op(o.first)) found = &o;
            if (!found) return left;
            next();
            if (depth_ + ++links > max_nesting_) fail_at(peek(), "expression too deeply nested");
            auto e = make_expr(expr_kind::binary, t);
            e->bin = found->second;
            e->a = std::move(left);
            e->b = (this->*operand)();
            left = finish(std::move(e));
        }
    }
    expr_ptr bitwise_or() { return binary_chain({{"|", binary_op::bit_or}}, &parser::bitwise_xor); }
    expr_ptr bitwise_xor() { return binary_chain({{"^", binary_op::bit_xor}}, &parser::bitwise_and); }
    expr_ptr bitwise_and() { return binary_chain({{"&", binary_op::bit_and}}, &parser::shift); }
    expr_ptr shift() { return binary_chain({{"<<", binary_op::lshift}, {">>", binary_op::rshift}}, &parser::arith); }

    // Left-associative chains build left-nested trees; each link counts as a nesting level so
    // the compiler's recursion over them stays bounded.
    expr_ptr arith()
    {
        const token& t = peek();
        auto left = term();
        std::size_t links = 0;
        while (is_op("+") || is_op("-")) {
            binary_op op = next().text == "+" ? binary_op::add : binary_op::sub;
            if (depth_ + ++links > max_nesting_) fail_at(peek(), "expression too deeply nested");
            auto e = make_expr(expr_kind::binary, t);
            e->bin = op;
            e->a = std::move(left);
            e->b = term();
            left = finish(std::move(e));
        }
        return left;
    }

    expr_ptr term()
    {
        const token& t = peek();
        auto left = factor();
        std::size_t links = 0;
        while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
            const std::string& o = next().text;
            binary_op op = o == "*" ? binary_op::mul : o == "/" ? binary_op::div : o == "//" ? binary_op::floordiv : binary_op::mod;
            if (depth_ + ++links > max_nesting_) fail_at(peek(), "expression too deeply nested");
            auto e = make_expr(expr_kind::binary, t);
            e->bin = op;
            e->a = std::move(left);
            e->b = factor();
            left = finish(std::move(e));
        }
        if (is_op("@")) unsupported(peek(), "operator '@'");
        return left;
    }

    expr_ptr factor()
    {
        if (is_op("-") || is_op("+") || is_op("~")) {
            depth_guard guard(*this);
            const token& t = next();
            auto e = make_expr(expr_kind::unary, t);
            e->un = t.text == "-" ? unary_op::neg : t.text == "+" ? unary_op::pos : unary_op::invert;
            e->a = factor();
            return finish(std::move(e));
        }
        return power();
    }

    expr_ptr power()
    {
        const token& t = peek();
        auto base = await_primary();
        if (is_op("**")) {
            depth_guard guard(*this);
            next();
            auto e = make_expr(expr_kind::binary, t);
            e->bin = binary_op::pow;
            e->a = std::move(base);
            e->b = factor();
            return finish(std::move(e));
        }
        return base;
    }

    expr_ptr await_primary()
    {
        if (is_name("await")) {
            depth_guard guard(*this);
            const token& t = next();
            auto e = make_expr(expr_kind::await, t);
            e->a = await_primary();
            return finish(std::move(e));
        }
        return primary();
    }

    expr_ptr primary()
    {
        const token& start = peek();
        auto e = atom();
        std::size_t links = 0;
        while (true) {
            const token& t = peek();
            if (is_op("(") || is_op("[") || is_op(".")) {
                if (depth_ + ++links > max_nesting_) fail_at(t, "expression too deeply nested");
            }
            if (accept_op("(")) {
                auto call = make_expr(expr_kind::call, t);
                call->line = start.line;
                call->column = start.column;
                call->a = std::move(e);
                arguments(*call);
                finish(call.get());
                // f(x for x in xs): the generator expression's parentheses are the call's
                if (call->items.size() == 1 && call->keywords.empty() && call->items[0]->kind == expr_kind::generator_expression) {
                    auto& g = *call->items[0];
                    g.line = t.line;
                    g.column = t.column;
                    g.end_line = call->end_line;
                    g.end_column = call->end_column;
                }
                e = std::move(call);
            } else if (accept_op("[")) {
                auto sub = make_expr(expr_kind::subscript, t);
                sub->line = start.line;
                sub->column = start.column;
                sub->a = std::move(e);
                sub->b = subscript_index();
                expect_op("]");
                e = finish(std::move(sub));
            } else if (accept_op(".")) {
                auto attr = make_expr(expr_kind::attribute, t);
                attr->line = start.line;
                attr->column = start.column;
                const token& name_token = peek();
                attr->name = expect_name();
                if (e->kind == expr_kind::name) {
                    auto alias = module_aliases_.find(e->name);
                    // random.<a name CPython lacks> is CPython's AttributeError when reached
                    // (every module the engine has: scripts/cpython_names.py lists their names)
                    if (alias != module_aliases_.end() && !names_.has_module_member(alias->second, attr->name) &&
                        cpython_type_has(alias->second == "asyncio" ? "module" : "module " + alias->second, attr->name))
                        unsupported(name_token, "'" + alias->second + "." + attr->name + "'");
                    if (alias != module_aliases_.end()) attr->module = alias->second;
                }
                attr->a = std::move(e);
                e = finish(std::move(attr));
            } else {
                return e;
            }
        }
    }

    // `a[i]`, `a[i:j:k]`, or several of them (`grid[r, c]`, `dict[str, int]`): a tuple of them
    expr_ptr subscript_index()
    {
        const token& t = peek();
        expr_ptr first = one_subscript();
        if (!is_op(",")) return first;
        auto e = make_expr(expr_kind::tuple, t);
        e->items.push_back(std::move(first));
        while (accept_op(",") && !is_op("]")) e->items.push_back(one_subscript());
        return finish(std::move(e));
    }

    expr_ptr one_subscript()
    {
        const token& t = peek();
        expr_ptr start;
        if (assignment_expression_follows()) return assignment_expression();
        if (!is_op(":")) {
            start = expression();
            if (!is_op(":")) return start;
        }
        auto s = make_expr(expr_kind::slice, t);
        s->a = std::move(start);
        next();
        if (!is_op("]") && !is_op(":")) s->b = expression();
        if (accept_op(":") && !is_op("]")) s->c = expression();
        return finish(std::move(s));
    }

    void arguments(expr& call)
    {
        bool unpacked_mapping = false;
        // CPython's invalid_arguments: raised once the arguments are read, at the last token read (the ')')
        const char* misplaced = nullptr;
        while (!is_op(")")) {
            if (accept_op("**")) {
                // `**mapping`: a keyword argument without a name.
                keyword_arg k;
                k.value = expression();
                call.keywords.push_back(std::move(k));
                unpacked_mapping = true;
            } else if (is_op("*")) {
                if (unpacked_mapping) fail_at(peek(), "iterable argument unpacking follows keyword argument unpacking");
                call.items.push_back(star_expr());
            } else if (peek().kind == token_kind::name && is_op("=", 1)) {
                keyword_arg k;
                k.name = next().text;
                next();
                k.value = expression();
                for (const auto& other : call.keywords)
                    if (other.name == k.name) fail_at(peek(), "keyword argument repeated: " + k.name);
                call.keywords.push_back(std::move(k));
            } else {
                if (!misplaced && unpacked_mapping) misplaced = "positional argument follows keyword argument unpacking";
                if (!misplaced && !call.keywords.empty()) misplaced = "positional argument follows keyword argument";
                auto arg = argument_expression();
                if (comprehension_follows()) {
                    auto g = comprehension(std::move(arg), peek());
                    g->kind = expr_kind::generator_expression;
                    call.items.push_back(std::move(g));
                } else {
                    call.items.push_back(std::move(arg));
                }
            }
            if (!accept_op(",")) break;
        }
        if (misplaced && is_op(")")) fail_at(peek(), misplaced);
        expect_op(")");
    }

    expr_ptr comprehension(expr_ptr element, const token& t)
    {
        auto e = make_expr(expr_kind::list_comprehension, t);
        e->a = std::move(element);
        while (comprehension_follows()) {
            expr::comprehension_clause c;
            c.line = peek().line;
            c.column = peek().column;
            c.is_async = accept_name("async");
            next();  // for
            c.target = target_list();
            check_target(*c.target, target_use::loop_or_with);
            if (!accept_name("in")) fail_at(peek(), "invalid syntax");
            c.iterable = or_test();
            while (is_name("if")) {
                next();
                c.conditions.push_back(or_test());
            }
            e->clauses.push_back(std::move(c));
        }
        return e;
    }

    expr_ptr atom()
    {
        depth_guard guard(*this);
        const token& t = peek();
        switch (t.kind) {
        case token_kind::number: next(); return number(t);
        case token_kind::string: return strings();
        case token_kind::name: {
            if (t.text == "None" || t.text == "True" || t.text == "False") {
                next();
                auto e = make_expr(expr_kind::constant, t);
                e->constant = t.text == "None" ? value::none() : value::boolean(t.text == "True");
                return e;
            }
            if (t.text == "yield") unsupported(t, "'yield'");
            if (is_keyword(t.text)) fail_at(t, "invalid syntax");
            next();
            auto e = make_expr(expr_kind::name, t);
            e->name = t.text;
            return e;
        }
        case token_kind::op: {
            if (t.text == "(") {
                next();
                if (accept_op(")")) return finish(make_expr(expr_kind::tuple, t));
                if (is_name("yield")) {
                    auto y = yield_expression();
                    expect_op(")");
                    return y;
                }
                auto first = is_op("*") ? star_expr() : named_expression();
                if (comprehension_follows()) {
                    auto g = comprehension(std::move(first), t);
                    g->kind = expr_kind::generator_expression;
                    expect_op(")");
                    return finish(std::move(g));
                }
                if (accept_op(")")) {
                    if (first->kind == expr_kind::starred) fail_at(t, "cannot use starred expression here");
                    return first;
                }
                auto e = make_expr(expr_kind::tuple, t);
                e->items.push_back(std::move(first));
                while (accept_op(",")) {
                    if (is_op(")")) break;
                    e->items.push_back(is_op("*") ? star_expr() : named_expression());
                }
                expect_op(")");
                return finish(std::move(e));
            }
            if (t.text == "[") {
                next();
                auto e = make_expr(expr_kind::list, t);
                if (accept_op("]")) return finish(std::move(e));
                auto first = is_op("*") ? star_expr() : named_expression();
                if (comprehension_follows()) {
                    auto c = comprehension(std::move(first), t);
                    expect_op("]");
                    return finish(std::move(c));
                }
                e->items.push_back(std::move(first));
                while (accept_op(",")) {
                    if (is_op("]")) break;
                    e->items.push_back(is_op("*") ? star_expr() : named_expression());
                }
                expect_op("]");
                return finish(std::move(e));
            }
            if (t.text == "{") {
                next();
                auto e = make_expr(expr_kind::dict, t);
                if (!is_op("}") && !is_op("**")) {
                    // The first item tells a set ({a, *b}, {x for ...}, {x := 1}) from a dict ({k: v}).
                    if (assignment_expression_follows()) return set_display(assignment_expression(), t);
                    auto first = is_op("*") ? star_expr() : expression();
                    if (first->kind == expr_kind::starred || !is_op(":")) return set_display(std::move(first), t);
                    next();
                    auto item = expression();
                    if (comprehension_follows()) {
                        auto c = comprehension(std::move(first), t);
                        c->kind = expr_kind::dict_comprehension;
                        c->b = std::move(item);
                        expect_op("}");
                        return finish(std::move(c));
                    }
                    e->items.push_back(std::move(first));
                    e->items.push_back(std::move(item));
                    if (!accept_op(",")) {
                        expect_op("}");
                        return finish(std::move(e));
                    }
                }
                while (!is_op("}")) {
                    if (accept_op("**")) {
                        e->items.push_back(nullptr);
                        e->items.push_back(bitwise_or());
                    } else {
                        // After a first pair, CPython's invalid_kvpair comes before "Perhaps you forgot a comma?"
                        const bool first_pair = e->items.empty();
                        second_operand_ = !first_pair;
                        expr_ptr key;
                        try {
                            key = expression();
                        } catch (...) {
                            second_operand_ = false;
                            throw;
                        }
                        second_operand_ = false;
                        // (CPython's invalid_kvpair: one caret at the key's last character)
                        if (!is_op(":")) throw syntax_error{"SyntaxError", "':' expected after dictionary key", key->end_line, key->end_column - 1};
                        next();
                        e->items.push_back(std::move(key));
                        e->items.push_back(expression());
                    }
                    if (!accept_op(",")) break;
                }
                expect_op("}");
                return finish(std::move(e));
            }
            if (t.text == "...") {
                next();
                auto e = make_expr(expr_kind::constant, t);
                e->constant = value::ellipsis();
                return e;
            }
            fail_at(t, "invalid syntax");
        }
        default: fail_at(t, "invalid syntax");
        }
    }

    // {a, b, *c} or {x for ...}, once its first item is read.
    expr_ptr set_display(expr_ptr first, const token& t)
    {
        if (first->kind != expr_kind::starred && comprehension_follows()) {
            auto c = comprehension(std::move(first), t);
            c->kind = expr_kind::set_comprehension;
            expect_op("}");
            return finish(std::move(c));
        }
        auto e = make_expr(expr_kind::set, t);
        e->items.push_back(std::move(first));
        while (accept_op(",")) {
            if (is_op("}")) break;
            e->items.push_back(is_op("*") ? star_expr() : named_expression());
        }
        expect_op("}");
        return finish(std::move(e));
    }

    expr_ptr number(const token& t)
    {
        auto e = make_expr(expr_kind::constant, t);
        std::string s;
        for (char c : t.text)
            if (c != '_') s += c;
        if (!s.empty() && (s.back() == 'j' || s.back() == 'J')) unsupported(t, "complex number");
        bool is_float = s.find_first_of(".eE") != std::string::npos && s.rfind("0x", 0) != 0 && s.rfind("0X", 0) != 0;
        if (is_float) {
            char* end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            if (end != s.c_str() + s.size()) fail_at(t, "invalid decimal literal");
            e->constant = value::floating(d);
            return e;
        }
        int base = 10;
        std::string digits = s;
        if (s.size() > 2 && s[0] == '0') {
            char p = static_cast<char>(s[1] | 0x20);
            if (p == 'x') base = 16;
            else if (p == 'o') base = 8;
            else if (p == 'b') base = 2;
            if (base != 10) digits = s.substr(2);
        }
        if (base == 10 && s.size() > 1 && s[0] == '0' && s.find_first_not_of('0') != std::string::npos)
            fail_at(t, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
        if (ec == std::errc::result_out_of_range) {
            if (base == 10 && digits.size() > 4300)
                fail_at(t, "Exceeds the limit (4300 digits) for integer string conversion: value has " + std::to_string(digits.size()) +
                               " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
                               "integer literals to avoid decimal conversion limits.");
            e->constant = *int_from_text(digits, base);
            return e;
        }
        if (ec != std::errc() || ptr != digits.data() + digits.size()) fail_at(t, "invalid decimal literal");
        e->constant = value::integer(v);
        return e;
    }

    // Adjacent literals concatenate; any f-string among them makes the whole an f-string.
    expr_ptr strings()
    {
        const token& first = peek();
        auto e = make_expr(expr_kind::fstring, first);
        bool any_f = false;
        while (peek().kind == token_kind::string) {
            const token& t = next();
            if (t.is_fstring) {
                any_f = true;
                fstring_parts(t, *e);
            } else {
                append_literal(*e, t.text, t);
            }
        }
        if (!any_f) {
            auto c = make_expr(expr_kind::constant, first);
            std::string s;
            for (const auto& part : e->items) s += part->constant.as<string_object>().s;
            c->constant = value::string(std::move(s));
            return finish(std::move(c));
        }
        finish(e.get());
        for (auto& part : e->items) {
            if (part->kind != expr_kind::formatted) continue;
            part->line = e->line;
            part->column = e->column;
            part->end_line = e->end_line;
            part->end_column = e->end_column;
        }
        return e;
    }

    void append_literal(expr& f, const std::string& text, const token& t)
    {
        if (!f.items.empty() && f.items.back()->kind == expr_kind::constant) {
            auto& s = f.items.back()->constant;
            s = value::string(s.as<string_object>().s + text);
            return;
        }
        auto c = make_expr(expr_kind::constant, t);
        c->constant = value::string(text);
        f.items.push_back(std::move(c));
    }

    // The literal part of an f-string, whose escapes the tokenizer kept for this parser.
    std::string decode_fstring_literal(const std::string& raw, const token& t) const
    {
        std::string out;
        for (std::size_t k = 0; k < raw.size();) {
            if (raw[k] != '\\' || k + 1 >= raw.size()) {
                out += raw[k++];
                continue;
            }
            const std::size_t backslash = k++;
            if (raw[k] == '\n') {
                ++k;
                continue;
            }
            try {
                out += decode_escape(raw, k);
            } catch (const escape_error& e) {
                fail_at(t, escape_error_message(e, raw, backslash), e.type.c_str());
            }
        }
        return out;
    }

    // CPython 3.11's f-string scanner (fstring_find_literal, fstring_find_expr): literal text, in which
    // a doubled brace ends one literal part (the positions of escape errors count from there), and
    // replacement fields {expression[=][!conversion][:spec]}.
    // `whole` is the literal's body when this is a replacement field's spec (`base` into it)
    void fstring_parts(const token& t, expr& f, std::size_t base = 0, const std::string* whole = nullptr)
    {
        const std::string& body = t.text;
        if (!whole) whole = &body;
        std::string literal;
        auto flush = [&] {
            if (!literal.empty()) append_literal(f, decode_fstring_literal(literal, t), t);
            literal.clear();
        };
        for (std::size_t k = 0; k < body.size(); ++k) {
            char c = body[k];
            if (c == '}' ) {
                if (k + 1 < body.size() && body[k + 1] == '}') { literal += '}'; ++k; flush(); continue; }
                fail_single(t, "f-string: single '}' is not allowed");
            }
            if (c != '{') { literal += c; continue; }
            if (k + 1 < body.size() && body[k + 1] == '{') { literal += '{'; ++k; flush(); continue; }
            flush();
            // The expression runs to a '!', ':', '=' or '}' outside brackets and quotes ("!=", "==",
            // "<=" and ">=" are operators); it may hold no backslash and no '#'.
            const std::size_t start = k + 1;
            std::size_t j = start;
            int depth = 0;
            char quote = 0;
            for (; j < body.size(); ++j) {
                const char d = body[j];
                if (d == '\\') fail_single(t, "f-string expression part cannot include a backslash");
                if (quote) { if (d == quote) quote = 0; continue; }
                if (d == '\'' || d == '"') { quote = d; continue; }
                if (d == '(' || d == '[' || d == '{') { ++depth; continue; }
                if (d == '#') fail_single(t, "f-string expression part cannot include '#'");
                if (depth > 0) {
                    if (d == ')' || d == ']' || d == '}') --depth;
                    continue;
                }
                if (std::string_view("!=<>").find(d) != std::string_view::npos && j + 1 < body.size() && body[j + 1] == '=') { ++j; continue; }
                if (d == '<' || d == '>') continue;
                if (d == '!' || d == ':' || d == '=' || d == '}') break;
            }
            if (j >= body.size()) fail_single(t, "f-string: expecting '}'");
            std::string source = body.substr(start, j - start);
            if (source.find_first_not_of(" \t\n\r\f\v") == std::string::npos) fail_single(t, "f-string: empty expression not allowed");
            auto field = make_expr(expr_kind::formatted, t);
            field->a = sub_expression(source, t, *whole, base + k);
            // f'{x = }': the expression's text, the '=' and the spaces after it, then the value (its
            // repr unless a conversion or a spec says otherwise).
            bool self_documenting = false;
            if (body[j] == '=') {
                ++j;
                while (j < body.size() && std::string_view(" \t\n\r\f\v").find(body[j]) != std::string_view::npos) ++j;
                if (j >= body.size()) fail_single(t, "f-string: expecting '}'");
                append_literal(f, body.substr(start, j - start), t);
                self_documenting = true;
            }
            if (body[j] == '!') {
                if (j + 1 >= body.size()) fail_single(t, "f-string: expecting '}'");
                const char cv = body[j + 1];
                if (cv != 'r' && cv != 's' && cv != 'a') fail_single(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                field->conversion = cv;
                j += 2;
                if (j >= body.size()) fail_single(t, "f-string: expecting '}'");
            }
            bool has_spec = false;
            if (body[j] == ':') {
                // The spec runs to the '}' that closes the field; '{' in it opens a field of its own.
                has_spec = true;
                const std::size_t colon = j;
                depth = 0;
                quote = 0;
                for (++j; j < body.size(); ++j) {
                    const char d = body[j];
                    if (quote) { if (d == quote) quote = 0; continue; }
                    if (depth > 0 && (d == '\'' || d == '"')) { quote = d; continue; }
                    if (d == '{') ++depth;
                    else if (d == '}' && depth-- == 0) break;
                }
                if (j >= body.size()) fail_single(t, "f-string: expecting '}'");
                std::string spec = body.substr(colon + 1, j - colon - 1);
                if (spec.find('{') == std::string::npos) {
                    field->name = decode_fstring_literal(spec, t);
                } else {
                    // {x:{width}.{precision}f}: the spec is an f-string of its own, one level deep.
                    if (fstring_spec_depth_ > 0) fail_single(t, "f-string: expressions nested too deeply");
                    token inner = t;
                    inner.text = spec;
                    auto spec_expr = make_expr(expr_kind::fstring, t);
                    ++fstring_spec_depth_;
                    fstring_parts(inner, *spec_expr, base + colon + 1, whole);
                    --fstring_spec_depth_;
                    field->b = std::move(spec_expr);
                }
            }
            if (body[j] != '}') fail_single(t, "f-string: expecting '}'");
            if (self_documenting && !has_spec && !field->conversion) field->conversion = 'r';
            f.items.push_back(std::move(field));
            k = j;
        }
        flush();
    }

    // Where CPython 3.11 places a replacement field's expression (fstring_find_expr_location): the
    // lines before its '{' in the literal, and the columns from the start of that line (of the
    // literal's first token if the '{' is on it) to the '{' — 0 if only blanks follow the '{' on its
    // line. `brace` indexes the token's body; a raw f-string's body holds each escape a byte longer.
    static void fstring_field_location(const token& t, const std::string& body, std::size_t brace, std::int32_t& lines, std::int32_t& cols)
    {
        lines = static_cast<std::int32_t>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(brace), '\n'));
        cols = 0;
        for (std::size_t k = brace + 1; k < body.size() && body[k] != '}' && body[k] != '\n'; ++k) {
            if (body[k] != ' ' && body[k] != '\t' && body[k] != '\f') {
                const auto newline = body.rfind('\n', brace);
                std::size_t from = newline == std::string::npos ? 0 : newline + 1;
                if (newline == std::string::npos) cols = t.body_column - t.column;
                for (std::size_t j = from; j < brace;) {
                    const bool escape = t.is_raw && body[j] == '\\';
                    j += escape ? 3 : 1;
                    cols += escape ? 2 : 1;
                }
                return;
            }
        }
    }

    expr_ptr sub_expression(const std::string& source, const token& t, const std::string& body, std::size_t brace)
    {
        std::vector<token> toks;
        try {
            toks = tokenize("(" + source + ")", max_nesting_ - depth_);
        } catch (syntax_error& e) {
            e.line = t.line;
            e.column = t.column;
            e.message = "f-string: " + e.message;
            throw;
        }
        // Positions as CPython gives them: the field's own, shifted on its first line to the '{'
        std::int32_t lines = 0, cols = 0;
        fstring_field_location(t, body, brace, lines, cols);
        const std::int32_t shift = lines ? cols : t.column - 1 + cols;
        for (auto& tok : toks) {
            if (tok.line == 1) {
                tok.column += shift;
                tok.body_column += shift;  // an f-string inside the field: its own fields move with it
            }
            if (tok.end_line == 1) tok.end_column += shift;
            tok.line += t.line + lines - 1;
            tok.end_line += t.line + lines - 1;
        }
        parser sub(std::move(toks), max_nesting_, names_);
        sub.depth_ = depth_;
        sub.module_aliases_ = module_aliases_;
        auto e = sub.expression();
        if (sub.peek().kind != token_kind::newline && sub.peek().kind != token_kind::end) fail_single(t, "f-string: invalid syntax");
        return e;
    }

    std::vector<token> toks_;
    std::map<std::string, std::string> module_aliases_;  // `import asyncio as aio`: aio -> asyncio
    int fstring_spec_depth_ = 0;  // inside a format spec of an f-string's replacement field
    std::size_t pos_ = 0;
    std::vector<int> levels_;  // bracket_level's, made on the first error that asks
    bool second_operand_ = false;  // forgotten_comma is parsing what follows an operand
    const expr* bare_tuple_ = nullptr;  // the last tuple expression_list made without parentheses
    std::int32_t end_line_ = 0, end_column_ = 0;  // where the last token read ends
    std::size_t depth_ = 0;
    std::size_t max_nesting_;
    const engine_names& names_;  // what the engine has of each module: the rest is refused here
};

} // namespace

bool is_python_keyword(std::string_view word)
{
    static const char* kw[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", nullptr};
    for (const char** k = kw; *k; ++k)
        if (word == *k) return true;
    return false;
}

module_ast parse_module(std::string_view source, std::size_t max_nesting, const engine_names& names)
{
    return parser(tokenize(source, max_nesting), max_nesting, names).module();
}

} // namespace loopscope::engine
