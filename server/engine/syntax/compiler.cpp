#include "compiler.hpp"
#include "cpython_names.hpp"
#include "integers.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace loopscope::engine {

namespace {

// `a += b` on a list extends it in place (other names for the list see the change), as in Python.
constexpr std::int32_t inplace_flag = 0x100;

enum class fblock_kind { while_loop, for_loop, try_finally, handler, finally_exception, with_block, except_star_body };

struct fblock {
    fblock_kind kind;
    std::int32_t continue_target = 0;
    std::vector<std::size_t> break_jumps;
    const block* finally_body = nullptr;
    const stmt* with = nullptr;  // with_block: its statement
    bool catches_generator_exit = false;  // a try body whose handlers would catch GeneratorExit
};

struct scope {
    std::shared_ptr<code_object> code;
    scope* parent = nullptr;
    bool is_function = false;
    bool is_class = false;            // a class body: its names live in the class's namespace
    bool is_genexp = false;           // a generator expression's function: `:=` in it binds in the scope around it
    std::set<std::string> class_bound;  // class body: the names it binds
    std::map<std::string, std::int32_t> locals;
    std::set<std::string> declared_global;
    std::set<std::string> declared_nonlocal;
    std::map<std::string, std::int32_t> free;  // enclosing functions' variables used here: code->free_names
    std::vector<std::map<std::string, std::int32_t>> renames;  // comprehension variables
    std::vector<fblock> fblocks;
    int hidden_counter = 0;
    const stmt* return_with_value = nullptr;  // the first `return X`: a SyntaxError in an asynchronous generator
};

// Names a function body binds: they are its locals, as in CPython.
void collect_targets(const expr& e, std::vector<std::string>& out)
{
    if (e.kind == expr_kind::name) out.push_back(e.name);
    else if (e.kind == expr_kind::tuple || e.kind == expr_kind::list)
        for (const auto& item : e.items) collect_targets(item->kind == expr_kind::starred ? *item->a : *item, out);
}

// The targets of `:=` in an expression: the scope's own, also inside its comprehensions and
// generator expressions (CPython binds them in the scope around those), not inside a lambda (its own
// scope) but in the lambda's defaults
void collect_named_targets(const expr& e, std::vector<std::string>& out)
{
    if (e.kind == expr_kind::named) out.push_back(e.a->name);
    if (e.kind == expr_kind::lambda) {
        for (const auto& p : e.function->params)
            if (p.default_value) collect_named_targets(*p.default_value, out);
        return;
    }
    for (const auto* part : {e.a.get(), e.b.get(), e.c.get()})
        if (part) collect_named_targets(*part, out);
    for (const auto& item : e.items)
        if (item) collect_named_targets(*item, out);
    for (const auto& k : e.keywords)
        if (k.value) collect_named_targets(*k.value, out);
    for (const auto& c : e.clauses) {
        for (const auto* part : {c.target.get(), c.iterable.get()})
            if (part) collect_named_targets(*part, out);
        for (const auto& cond : c.conditions) collect_named_targets(*cond, out);
    }
}
// Those of a statement's own expressions (a function's or class's decorators, defaults and bases are
// the enclosing scope's; its body is not)
void collect_statement_named_targets(const stmt& s, std::vector<std::string>& out)
{
    for (const auto* e : {s.value.get(), s.extra.get()})
        if (e) collect_named_targets(*e, out);
    for (const auto* list : {&s.targets, &s.decorators, &s.bases})
        for (const auto& e : *list)
            if (e) collect_named_targets(*e, out);
    for (const auto& p : s.params)
        if (p.default_value) collect_named_targets(*p.default_value, out);
    for (const auto& h : s.handlers)
        if (h.type) collect_named_targets(*h.type, out);
}

// The names a function body binds, and those it declares global or nonlocal; not those of the
// functions defined in it, which are theirs.
void collect_bindings(const block& body, std::vector<std::string>& out, std::set<std::string>& globals, std::set<std::string>& nonlocals)
{
    for (const auto& s : body) {
        collect_statement_named_targets(*s, out);
        switch (s->kind) {
        case stmt_kind::assign:
        case stmt_kind::aug_assign:
        case stmt_kind::annotated:
        case stmt_kind::for_:
        case stmt_kind::with:
        case stmt_kind::del:
            for (const auto& t : s->targets) collect_targets(*t, out);
            break;
        case stmt_kind::function_def:
        case stmt_kind::class_def:
            out.push_back(s->name);
            continue;
        case stmt_kind::import:
        case stmt_kind::import_from:
            for (const auto& n : s->imports) out.push_back(n.as);
            break;
        case stmt_kind::global:
            for (const auto& n : s->names) globals.insert(n);
            break;
        case stmt_kind::nonlocal:
            for (const auto& n : s->names) nonlocals.insert(n);
            break;
        case stmt_kind::try_:
            for (const auto& h : s->handlers) {
                if (!h.name.empty()) out.push_back(h.name);
                collect_bindings(h.body, out, globals, nonlocals);
            }
            break;
        default: break;
        }
        collect_bindings(s->body, out, globals, nonlocals);
        collect_bindings(s->orelse, out, globals, nonlocals);
        collect_bindings(s->finally_body, out, globals, nonlocals);
    }
}

class compiler {
public:
    explicit compiler(const engine_names& names) : names_(names) {}

    std::shared_ptr<code_object> module(const module_ast& m)
    {
        scope s;
        s.code = std::make_shared<code_object>();
        s.code->name = "<module>";
        s.code->qualname = "<module>";
        s.code->is_module = true;
        s.code->first_line = 1;
        scope_ = &s;
        statements(m.body);
        emit(opcode::load_const, constant(value::none()), last_line_);
        emit(opcode::set_return, 0, last_line_);
        emit(opcode::return_value, 0, last_line_);
        return s.code;
    }

private:
    [[noreturn]] static void fail(const std::string& type, const std::string& msg, std::int32_t line, std::int32_t column)
    {
        throw syntax_error{type, msg, line, column};
    }
    // At a statement or an expression, with carets under all of it (CPython's compiler errors)
    template <class Node> [[noreturn]] static void fail_over(const std::string& msg, const Node& n)
    {
        throw syntax_error{"SyntaxError", msg, n.line, n.column, n.end_line, n.end_column};
    }

    code_object& code() { return *scope_->code; }

    std::size_t emit(opcode op, std::int32_t arg, std::int32_t line)
    {
        code().instructions.push_back({op, arg, line});
        code().spans.push_back(line && line == here_.line ? here_.span : source_span{});
        if (line) last_line_ = line;
        return code().instructions.size() - 1;
    }
    std::int32_t here() const { return static_cast<std::int32_t>(scope_->code->instructions.size()); }
    void patch(std::size_t at) { code().instructions[at].arg = here(); }

    std::int32_t constant(value v)
    {
        code().constants.push_back(std::move(v));
        return static_cast<std::int32_t>(code().constants.size() - 1);
    }
    std::int32_t name_index(const std::string& n)
    {
        auto& names = code().names;
        for (std::size_t k = 0; k < names.size(); ++k)
            if (names[k] == n) return static_cast<std::int32_t>(k);
        names.push_back(n);
        code().global_caches.emplace_back();
        code().attribute_caches.emplace_back();
        return static_cast<std::int32_t>(names.size() - 1);
    }
    std::int32_t add_local(const std::string& n)
    {
        auto it = scope_->locals.find(n);
        if (it != scope_->locals.end()) return it->second;
        auto slot = static_cast<std::int32_t>(code().local_names.size());
        code().local_names.push_back(n);
        scope_->locals[n] = slot;
        return slot;
    }

    // Where a name lives: a comprehension variable, a local slot, or the module's globals.
    std::int32_t local_slot(const std::string& n) const { return slot_in(*scope_, n); }
    static std::int32_t slot_in(const scope& s, const std::string& n)
    {
        for (auto it = s.renames.rbegin(); it != s.renames.rend(); ++it) {
            auto f = it->find(n);
            if (f != it->end()) return f->second;
        }
        if (s.is_function && !s.declared_global.count(n)) {
            auto f = s.locals.find(n);
            if (f != s.locals.end()) return f->second;
        }
        return -1;
    }

    // `n` as a variable of an enclosing function that function scope `s` uses (a closure): its index
    // in s's free variables, added on first use with where make_function will find it; -1 if no
    // enclosing function has it (a global).
    static std::int32_t resolve_free(scope& s, const std::string& n)
    {
        if ((!s.is_function && !s.is_class) || s.declared_global.count(n)) return -1;
        if (auto it = s.free.find(n); it != s.free.end()) return it->second;
        // A class body's names are not visible to the functions in it; an enclosing function's are,
        // passed through the class body as CPython passes them.
        scope* outer = s.parent;
        if (!outer || outer->declared_global.count(n)) return -1;
        // At module level only a comprehension's variable (a hidden slot of the module's code) is one
        if (!outer->is_function && !outer->is_class && slot_in(*outer, n) < 0) return -1;
        code_object::free_source source;
        if (std::int32_t slot = slot_in(*outer, n); slot >= 0) {
            source = {true, slot};
        } else {
            std::int32_t j = resolve_free(*outer, n);
            if (j < 0) return -1;
            source = {false, j};
        }
        const auto index = static_cast<std::int32_t>(s.code->free_names.size());
        s.code->free_names.push_back(n);
        s.code->free_sources.push_back(source);
        s.free[n] = index;
        return index;
    }

    void load_name(const std::string& n, std::int32_t line, std::int32_t column)
    {
        auto slot = local_slot(n);
        if (slot >= 0) {
            emit(opcode::load_local, slot, line);
            return;
        }
        (void)column;
        if (scope_->is_class) {
            // The class's namespace, then the module's globals and the builtins; a variable of an
            // enclosing function that the body does not bind is read from its cell.
            if (scope_->declared_global.count(n)) emit(opcode::load_global, name_index(n), line);
            else if (std::int32_t j = scope_->class_bound.count(n) ? -1 : resolve_free(*scope_, n); j >= 0) emit(opcode::load_deref, j, line);
            else emit(opcode::load_name, name_index(mangle(n)), line);
            return;
        }
        if (std::int32_t j = resolve_free(*scope_, n); j >= 0) {
            emit(opcode::load_deref, j, line);
            return;
        }
        emit(opcode::load_global, name_index(n), line);
    }

    void store_name(const std::string& n, std::int32_t line)
    {
        auto slot = local_slot(n);
        if (slot >= 0) emit(opcode::store_local, slot, line);
        else if (scope_->declared_nonlocal.count(n)) emit(opcode::store_deref, resolve_free(*scope_, n), line);
        else if (scope_->is_class && !scope_->declared_global.count(n)) emit(opcode::store_name, name_index(mangle(n)), line);
        else emit(opcode::store_global, name_index(n), line);
    }

    // ---- statements ----

    void statements(const block& body)
    {
        for (const auto& s : body) statement(*s);
    }

    // A function's or a class's docstring: its first statement when that is a str literal. CPython keeps
    // it as __doc__ and runs no instruction for it.
    static const value* docstring_of(const block& body)
    {
        if (body.empty()) return nullptr;
        const stmt& first = *body.front();
        if (first.kind == stmt_kind::expression && first.value && first.value->kind == expr_kind::constant && first.value->constant.is(value_kind::string))
            return &first.value->constant;
        return nullptr;
    }

    // The body without its docstring, which becomes code->doc
    void body_with_docstring(const block& body)
    {
        const value* doc = docstring_of(body);  // a lambda's body is a return statement
        if (doc) code().doc = *doc;
        for (std::size_t k = doc ? 1 : 0; k < body.size(); ++k) statement(*body[k]);
    }

    // The node being compiled: CPython 3.11 gives each instruction the location of the innermost
    // statement or expression it comes from (compiler_visit_stmt, compiler_visit_expr's SET_LOC)
    struct node_location {
        std::int32_t line = 0;
        source_span span;
    };
    node_location here_;
    template <class Node> node_location enter(const Node& n)
    {
        node_location saved = here_;
        here_ = {n.line, {n.end_line, n.column, n.end_column}};
        if constexpr (std::is_same_v<Node, expr>) {
            using kind = source_span::anchor_kind;
            auto& span = here_.span;
            if (n.line == n.end_line && n.kind == expr_kind::binary) span = {n.end_line, n.column, n.end_column, kind::binary, n.a->end_column, n.b->column};
            if (n.line == n.end_line && n.kind == expr_kind::subscript) span = {n.end_line, n.column, n.end_column, kind::subscript, n.a->end_column, n.b->end_column + 1};
        }
        return saved;
    }
    // Emits what `emit_it` does at `n`'s location
    template <class Node, class Emit> void at(const Node& n, Emit emit_it)
    {
        auto saved = enter(n);
        emit_it();
        here_ = saved;
    }

    // CPython 3.11's update_start_location_to_match_attr: where an attribute's name ends on another
    // line than the location being emitted at starts, the location moves to that line, from the name
    // (its length in characters taken from its end's byte column, as CPython does)
    template <class Emit> void at_attribute_name(const expr& attr, Emit emit_it)
    {
        const node_location saved = here_;
        if (here_.line != attr.end_line) {
            here_.line = attr.end_line;
            auto& span = here_.span;
            const auto length = static_cast<std::int32_t>(code_point_count(attr.name));
            span.column = length <= attr.end_column - 1 ? attr.end_column - length : 0;
            span.end_line = std::max(here_.line, span.end_line);
            if (here_.line == span.end_line) span.end_column = std::max(span.column, span.end_column);
            span.anchors = source_span::anchor_kind::none;
        }
        emit_it();
        here_ = saved;
    }

    void statement(const stmt& s)
    {
        auto saved = enter(s);
        statement_node(s);
        here_ = saved;
    }

    void statement_node(const stmt& s)
    {
        std::int32_t line = s.line;
        switch (s.kind) {
        case stmt_kind::expression:
            expression(*s.value);
            emit(opcode::pop_top, 0, line);
            break;
        case stmt_kind::assign:
            expression(*s.value);
            for (std::size_t k = 0; k < s.targets.size(); ++k) {
                if (k + 1 < s.targets.size()) emit(opcode::dup_top, 0, line);
                store_target(*s.targets[k]);
            }
            break;
        case stmt_kind::annotated:
            if (s.value) {
                expression(*s.value);
                store_target(*s.targets[0]);
            }
            // A class body keeps the names it annotates, in order (its __annotations__: dataclass fields)
            if (scope_->is_class && s.targets[0]->kind == expr_kind::name) emit(opcode::annotate_name, name_index(mangle(s.targets[0]->name)), line);
            break;
        case stmt_kind::aug_assign: aug_assign(s); break;
        case stmt_kind::function_def: function_def(s); break;
        case stmt_kind::class_def: class_def(s); break;
        case stmt_kind::return_:
            if (!scope_->is_function) fail_over("'return' outside function", s);
            if (s.value) expression(*s.value);
            else emit(opcode::load_const, constant(value::none()), line);
            if (s.value && !scope_->return_with_value) scope_->return_with_value = &s;
            emit(opcode::set_return, 0, line);
            refuse_leaving_except_star(0, s.value ? s.value->line : line, s.value ? s.value->column : s.column);
            unwind_all(line);
            emit(opcode::return_value, 0, line);
            break;
        case stmt_kind::if_: {
            expression(*s.value);
            auto to_else = emit(opcode::pop_jump_if_false, 0, line);
            statements(s.body);
            if (s.orelse.empty()) {
                patch(to_else);
            } else {
                auto to_end = emit(opcode::jump, 0, 0);
                patch(to_else);
                statements(s.orelse);
                patch(to_end);
            }
            break;
        }
        case stmt_kind::while_: {
            auto start = here();
            expression(*s.value);
            auto to_end = emit(opcode::pop_jump_if_false, 0, line);
            check_block_room(1, s);
            scope_->fblocks.push_back({fblock_kind::while_loop, start, {}, nullptr});
            statements(s.body);
            emit(opcode::jump, start, line);
            patch(to_end);
            for (auto j : scope_->fblocks.back().break_jumps) patch(j);
            scope_->fblocks.pop_back();
            break;
        }
        case stmt_kind::for_: {
            if (s.is_async) {
                async_for_statement(s);
                break;
            }
            iterable_expression(*s.value);
            emit(opcode::get_iter, 0, line);
            auto start = here();
            auto for_iter = emit(opcode::for_iter, 0, line);
            store_target(*s.targets[0]);
            check_block_room(1, s);
            scope_->fblocks.push_back({fblock_kind::for_loop, start, {}, nullptr});
            statements(s.body);
            emit(opcode::jump, start, line);
            patch(for_iter);
            for (auto j : scope_->fblocks.back().break_jumps) patch(j);
            scope_->fblocks.pop_back();
            break;
        }
        case stmt_kind::break_: loop_exit(s, true); break;
        case stmt_kind::continue_: loop_exit(s, false); break;
        case stmt_kind::pass: break;
        case stmt_kind::try_: try_statement(s); break;
        case stmt_kind::with: with_statement(s); break;
        case stmt_kind::raise:
            if (s.value) {
                expression(*s.value);
                // The cause is evaluated and checked as CPython does; the chain it would print is not kept.
                if (s.extra) expression(*s.extra);
                emit(opcode::raise_, s.extra ? 1 : 0, line);
            } else {
                emit(opcode::raise_bare, 0, line);
            }
            break;
        case stmt_kind::import:
            for (const auto& n : s.imports) {
                emit(opcode::import_module, name_index(n.module), line);
                store_name(n.as, line);
            }
            break;
        case stmt_kind::import_from:
            emit(opcode::import_module, name_index(s.name), line);
            for (const auto& n : s.imports) {
                emit(opcode::import_from, name_index(n.module), line);
                store_name(n.as, line);
            }
            emit(opcode::pop_top, 0, line);
            break;
        case stmt_kind::nonlocal:
            if (!scope_->is_function) fail_over("nonlocal declaration not allowed at module level", s);
            break;
        case stmt_kind::global:
            for (const auto& n : s.names) {
                if (scope_->is_function && scope_->locals.count(n) && !scope_->declared_global.count(n))
                    fail("SyntaxError", "name '" + n + "' is assigned to before global declaration", line, s.column);
            }
            break;
        case stmt_kind::assert_: {
            expression(*s.value);
            auto ok = emit(opcode::pop_jump_if_true, 0, line);
            if (s.extra) expression(*s.extra);
            else emit(opcode::load_const, constant(value::none()), line);
            if (const expr* c = last_jump_comparison(*s.value)) at(*c, [&] { emit(opcode::assert_fail, 0, c->line); });
            else emit(opcode::assert_fail, 0, line);
            patch(ok);
            break;
        }
        case stmt_kind::del:
            for (const auto& t : s.targets) {
                auto saved = enter(*t);  // each target where it stands (DELETE_SUBSCR's carets)
                del_target(*t, s);
                here_ = saved;
            }
            break;
        }
    }

    void del_target(const expr& t, const stmt& s)
    {
        const std::int32_t line = s.line;
        if (t.kind == expr_kind::subscript) {
            expression(*t.a);
            expression(*t.b);
            emit(opcode::delete_subscript, 0, line);
            return;
        }
        if (t.kind == expr_kind::attribute) {
            expression(*t.a);
            emit(opcode::delete_attr, name_index(mangle(t.name)), line);
            return;
        }
        if (t.kind != expr_kind::name) fail("UnsupportedError", "'del' of anything but a name, an attribute or a subscript is not supported by loopscope", line, s.column);
        auto slot = local_slot(t.name);
        if (slot >= 0) emit(opcode::delete_local, slot, line);
        else if (scope_->declared_nonlocal.count(t.name)) emit(opcode::delete_deref, resolve_free(*scope_, t.name), line);
        else if (scope_->is_class && !scope_->declared_global.count(t.name)) emit(opcode::delete_name, name_index(mangle(t.name)), line);
        else emit(opcode::delete_global, name_index(t.name), line);
    }

    void aug_assign(const stmt& s)
    {
        const expr& target = *s.targets[0];
        if (target.kind == expr_kind::name) {
            at(target, [&] { load_name(target.name, s.line, s.column); });
            expression(*s.value);
            emit(opcode::binary, static_cast<std::int32_t>(s.aug) | inplace_flag, s.line);
            at(target, [&] { store_name(target.name, s.line); });
            return;
        }
        if (target.kind == expr_kind::attribute) {
            // o.x += v: evaluate o once.
            at(target, [&] {
                expression(*target.a);
                emit(opcode::dup_top, 0, s.line);
                emit(opcode::load_attr, name_index(mangle(target.name)), s.line);
            });
            expression(*s.value);
            emit(opcode::binary, static_cast<std::int32_t>(s.aug) | inplace_flag, s.line);
            at(target, [&] {
                emit(opcode::rot_two, 0, s.line);
                emit(opcode::store_attr, name_index(mangle(target.name)), s.line);
            });
            return;
        }
        // a[i] += v: evaluate a and i once.
        at(target, [&] {
            expression(*target.a);
            expression(*target.b);
            emit(opcode::dup_top_two, 0, s.line);
            emit(opcode::load_subscript, 0, s.line);
        });
        expression(*s.value);
        emit(opcode::binary, static_cast<std::int32_t>(s.aug) | inplace_flag, s.line);
        at(target, [&] {
            emit(opcode::rot_three, 0, s.line);
            emit(opcode::store_subscript, 0, s.line);
        });
    }

    void store_target(const expr& t)
    {
        auto saved = enter(t);
        store_target_node(t);
        here_ = saved;
    }

    void store_target_node(const expr& t)
    {
        switch (t.kind) {
        case expr_kind::name: store_name(t.name, t.line); break;
        case expr_kind::attribute:
            expression(*t.a);
            at_attribute_name(t, [&] { emit(opcode::store_attr, name_index(mangle(t.name)), here_.line); });
            break;
        case expr_kind::subscript:
            // The value is on the stack already: store_subscript takes value, container, index.
            expression(*t.a);
            expression(*t.b);
            emit(opcode::store_subscript, 0, t.line);
            break;
        case expr_kind::tuple:
        case expr_kind::list: {
            std::int32_t star = -1;
            for (std::size_t k = 0; k < t.items.size(); ++k) {
                if (t.items[k]->kind == expr_kind::starred) {
                    if (star >= 0) fail("SyntaxError", "multiple starred expressions in assignment", t.line, t.column);
                    star = static_cast<std::int32_t>(k);
                }
            }
            auto n = static_cast<std::int32_t>(t.items.size());
            if (star >= 0) emit(opcode::unpack_ex, star | ((n - star - 1) << 16), t.line);
            else emit(opcode::unpack_sequence, n, t.line);
            for (const auto& item : t.items) store_target(item->kind == expr_kind::starred ? *item->a : *item);
            break;
        }
        default: fail("SyntaxError", "cannot assign to expression", t.line, t.column);
        }
    }

    // CPython's private names: inside a class, `__name` (not ending in two underscores) as an
    // attribute or a class body's variable is `_Class__name`.
    std::string mangle(const std::string& n) const
    {
        if (n.size() < 3 || n.compare(0, 2, "__") != 0 || n.compare(n.size() - 2, 2, "__") == 0) return n;
        for (const scope* s = scope_; s; s = s->parent) {
            if (!s->is_class) continue;
            const std::string& cls = s->code->name;
            const auto first = cls.find_first_not_of('_');
            if (first == std::string::npos) return n;
            return "_" + cls.substr(first) + n;
        }
        return n;
    }

    // As CPython's __qualname__: f.<locals>.name inside a function, Class.name inside a class body.
    std::string qualname_for(const std::string& name) const
    {
        if (scope_->is_function) return scope_->code->qualname + ".<locals>." + name;
        if (scope_->is_class) return scope_->code->qualname + "." + name;
        return name;
    }

    // The special methods a class may define: those the engine calls where CPython does. Any other
    // (an operator, __len__, __getattr__ ...) would be silently ignored, so it is refused.
    static bool supported_special_method(const std::string& n)
    {
        static const char* const supported[] = {"__init__", "__repr__", "__str__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__",
                                                "__hash__", "__len__", "__bool__", "__call__", "__iter__", "__next__", "__getitem__",
                                                "__setitem__", "__delitem__", "__contains__", "__neg__", "__pos__", "__invert__", "__abs__",
                                                "__enter__", "__exit__", "__aenter__", "__aexit__", "__aiter__", "__anext__", "__await__",
                                                "__post_init__"};
        // The binary operators, their reflections and their in-place forms
        static const char* const operators[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"};
        for (const char* stem : operators)
            for (const char* prefix : {"", "r", "i"})
                if (n == std::string("__") + prefix + stem + "__") return true;
        return std::find(std::begin(supported), std::end(supported), n) != std::end(supported);
    }

    static bool has_comprehension(const expr& e)
    {
        if (e.kind == expr_kind::list_comprehension || e.kind == expr_kind::dict_comprehension || e.kind == expr_kind::set_comprehension ||
            e.kind == expr_kind::generator_expression)
            return true;
        if (e.kind == expr_kind::lambda) return false;
        for (const auto* part : {e.a.get(), e.b.get(), e.c.get()})
            if (part && has_comprehension(*part)) return true;
        for (const auto& item : e.items)
            if (item && has_comprehension(*item)) return true;
        for (const auto& k : e.keywords)
            if (k.value && has_comprehension(*k.value)) return true;
        return false;
    }

    // What a class body may hold: anything but an unsupported special method, a comprehension (a
    // function of its own in CPython, which does not see the class's names) or a nested class.
    void check_class_body(const block& body)
    {
        for (const auto& st : body) {
            const stmt& s = *st;
            auto refuse = [&s](const std::string& what) { fail("UnsupportedError", what + " is not supported by loopscope", s.line, s.column); };
            if (s.kind == stmt_kind::function_def && is_dunder(s.name) && !supported_special_method(s.name))
                refuse("the special method '" + s.name + "'");
            if (s.kind == stmt_kind::class_def) refuse("a class inside a class body");
            if (s.kind == stmt_kind::function_def) continue;
            std::vector<std::string> names;
            for (const auto& t : s.targets) collect_targets(*t, names);
            // `__slots__ = ()`, as a named tuple's subclass writes it (any other class: refused when made)
            const bool empty_slots = names.size() == 1 && names[0] == "__slots__" && s.targets.size() == 1 && s.value &&
                                     s.value->kind == expr_kind::tuple && s.value->items.empty();
            // `__hash__ = None`: instances unhashable, as a class with __eq__ and no __hash__ makes them
            const bool no_hash = s.kind == stmt_kind::assign && names.size() == 1 && names[0] == "__hash__" && s.targets.size() == 1 && s.value &&
                                 s.value->kind == expr_kind::constant && s.value->constant.is(value_kind::none);
            for (const auto& n : names)
                if (is_dunder(n) && !empty_slots && !no_hash) refuse("assigning '" + n + "' in a class body");
            for (const auto& t : s.targets)
                if (has_comprehension(*t)) refuse("a comprehension in a class body");
            for (const auto* e : {s.value.get(), s.extra.get()}) {
                if (!e || !has_comprehension(*e)) continue;
                // CPython's SyntaxError first: `:=` in a comprehension in a class body
                named_target_check check;
                check.class_body = true;
                check.visit(*e);
                refuse("a comprehension in a class body");
            }
            check_class_body(s.body);
            check_class_body(s.orelse);
            check_class_body(s.finally_body);
            for (const auto& h : s.handlers) check_class_body(h.body);
        }
    }

    // Whether a base names an exception class: a builtin one (Exception, asyncio.CancelledError) or
    // one this program defined from one.
    bool names_exception_class(const expr& base) const
    {
        if (base.kind == expr_kind::name)
            return exception_classes_.count(base.name) || builtin_exception_type(base.name) != nullptr;
        return base.kind == expr_kind::attribute && base.module == "asyncio" && builtin_exception_type(base.name) != nullptr;
    }

    // dataclass() and field() with what the engine models: dataclass(init=, repr=, eq=, order=,
    // unsafe_hash=, frozen=) and field(default=, default_factory=, repr=, compare=, hash=, init=).
    // Their other options (kw_only=, slots=, metadata= ...) are refused here.
    static void check_dataclass_call(const expr& e)
    {
        if (e.kind != expr_kind::call) return;
        const expr& callee = *e.a;
        const std::string name = callee.kind == expr_kind::name ? callee.name : callee.kind == expr_kind::attribute ? callee.name : "";
        auto check = [&e, &name](std::initializer_list<std::string_view> modelled) {
            for (const auto& k : e.keywords)
                if (!k.name.empty() && std::find(modelled.begin(), modelled.end(), k.name) == modelled.end())
                    fail("UnsupportedError", name + "(" + k.name + "=...) is not supported by loopscope", e.line, e.column);
        };
        if (name == "dataclass") check({"init", "repr", "eq", "order", "unsafe_hash", "frozen"});
        if (name == "field" && e.items.empty()) check({"default", "default_factory", "repr", "compare", "hash", "init"});  // field(1): CPython's TypeError
    }

    void class_def(const stmt& s)
    {
        for (const auto& d : s.decorators) check_dataclass_call(*d);
        for (const auto& st : s.body)
            if (st->value) check_dataclass_call(*st->value);
        for (const auto& d : s.decorators) expression(*d);
        bool exception_class = false;
        for (const auto& b : s.bases) exception_class = names_exception_class(*b) || exception_class;
        const std::string qualname = qualname_for(s.name);
        if (exception_class) {
            // An exception class is one of the engine's exception types, with the methods and
            // attributes its body defines; of the special methods, __init__, __str__ and __repr__ are modelled on it.
            if (s.bases.size() != 1) fail("UnsupportedError", "an exception class with more than one base is not supported by loopscope", s.line, s.column);
            for (const auto& st : s.body)
                if (st->kind == stmt_kind::function_def && is_dunder(st->name) && st->name != "__init__" && st->name != "__str__" && st->name != "__repr__")
                    fail("UnsupportedError", "the special method '" + st->name + "' of an exception class is not supported by loopscope",
                         st->line, st->column);
            exception_classes_.insert(s.name);
        }
        {
            // A base is a class of this program or `object`: deriving from a builtin type (dict, int,
            // asyncio.Future) or from an expression is refused here, not half way.
            for (const auto& b : s.bases) {
                if (exception_class) break;
                // class Point(namedtuple('Point', 'x y')): the one base expression the engine takes
                const bool namedtuple_call = b->kind == expr_kind::call && b->a &&
                                             ((b->a->kind == expr_kind::name && b->a->name == "namedtuple") ||
                                              (b->a->kind == expr_kind::attribute && b->a->name == "namedtuple" && b->a->module == "collections"));
                const bool module_class = b->kind == expr_kind::attribute && !b->module.empty();
                const bool typing_named_tuple = module_class && b->module == "typing" && b->name == "NamedTuple";
                // asyncio's classes written in Python (asyncio.Lock ...): classes like the program's own
                const bool asyncio_library_class = module_class && names_.has_python_class(b->module, b->name);
                const bool enum_class = module_class && b->module == "enum" && b->name == "Enum";
                if (namedtuple_call || typing_named_tuple || asyncio_library_class || enum_class) continue;
                // Any other class of a module (collections.OrderedDict, asyncio.Future): one of CPython's
                // types written in C, or a class the engine does not have
                if (module_class)
                    fail("UnsupportedError", "a class deriving from '" + b->module + "." + b->name + "' is not supported by loopscope", b->line, b->column);
                if (b->kind != expr_kind::name)
                    fail("UnsupportedError", "a base class given by an expression (not a name) is not supported by loopscope", b->line, b->column);
                if (b->name != "object" && !defined_classes_.count(b->name) && cpython_has_builtin(b->name))
                    fail("UnsupportedError", "a class deriving from the builtin '" + b->name + "' is not supported by loopscope", b->line, b->column);
            }
            defined_classes_.insert(s.name);
            check_class_body(s.body);
            scope inner;
            inner.parent = scope_;
            inner.is_class = true;
            inner.code = std::make_shared<code_object>();
            inner.code->name = s.name;
            inner.code->qualname = qualname;
            inner.code->first_line = s.decorators.empty() ? s.line : s.decorators.front()->line;
            std::vector<std::string> bound;
            collect_bindings(s.body, bound, inner.declared_global, inner.declared_nonlocal);
            inner.class_bound.insert(bound.begin(), bound.end());
            scope* outer = scope_;
            scope_ = &inner;
            for (const auto& n : inner.declared_nonlocal)
                if (resolve_free(inner, n) < 0) fail("SyntaxError", "no binding for nonlocal '" + n + "' found", s.line, s.column);
            std::int32_t saved_line = last_line_;
            body_with_docstring(s.body);
            emit(opcode::finish_class, 0, last_line_);
            emit(opcode::set_return, 0, last_line_);
            emit(opcode::return_value, 0, last_line_);
            scope_ = outer;
            last_line_ = saved_line;
            code().functions.push_back(inner.code);
            emit(opcode::make_function, static_cast<std::int32_t>(code().functions.size() - 1), s.line);
            for (const auto& b : s.bases) expression(*b);
            emit(opcode::load_const, constant(value::string(s.name)), s.line);
            emit(opcode::build_class, static_cast<std::int32_t>(s.bases.size()), s.line);
        }
        for (std::size_t k = 0; k < s.decorators.size(); ++k) {
            const expr& decorator = *s.decorators[s.decorators.size() - 1 - k];
            at(decorator, [&] { emit(opcode::call, 1, decorator.line); });  // applied where it is written
        }
        store_name(s.name, s.line);
    }

    void function_def(const stmt& s)
    {
        for (const auto& d : s.decorators) expression(*d);
        // Defaults are evaluated where the function is made: the positional ones', then the keyword-only ones'.
        std::int32_t ndefaults = 0;
        for (auto kind : {parameter_kind::positional, parameter_kind::keyword_only})
            for (const auto& p : s.params)
                if (p.kind == kind && p.default_value) {
                    expression(*p.default_value);
                    ++ndefaults;
                }
        scope inner;
        inner.parent = scope_;
        inner.is_function = true;
        inner.code = std::make_shared<code_object>();
        inner.code->name = s.name;
        inner.code->qualname = qualname_for(s.name);
        inner.code->is_async = s.is_async;
        // As co_firstlineno: a decorated function's first line is its first decorator's
        inner.code->first_line = s.decorators.empty() ? s.line : s.decorators.front()->line;
        auto count = [&s](parameter_kind kind) {
            return static_cast<std::size_t>(std::count_if(s.params.begin(), s.params.end(), [kind](const parameter& p) { return p.kind == kind; }));
        };
        inner.code->param_count = count(parameter_kind::positional);
        inner.code->positional_only = s.positional_only;
        inner.code->keyword_only = count(parameter_kind::keyword_only);
        inner.code->var_positional = count(parameter_kind::var_positional) > 0;
        inner.code->var_keyword = count(parameter_kind::var_keyword) > 0;
        for (const auto& p : s.params) {
            if (p.kind == parameter_kind::positional && p.default_value) ++inner.code->positional_defaults;
            if (p.kind == parameter_kind::keyword_only) inner.code->keyword_only_has_default.push_back(p.default_value != nullptr);
        }
        std::vector<std::string> bound;
        collect_bindings(s.body, bound, inner.declared_global, inner.declared_nonlocal);
        scope* outer = scope_;
        scope_ = &inner;
        // Slots as CPython orders co_varnames: positional, keyword-only, *args, **kwargs.
        for (auto kind : {parameter_kind::positional, parameter_kind::keyword_only, parameter_kind::var_positional, parameter_kind::var_keyword})
            for (const auto& p : s.params)
                if (p.kind == kind) add_local(p.name);
        for (const auto& n : bound)
            if (!inner.declared_global.count(n) && !inner.declared_nonlocal.count(n)) add_local(n);
        for (const auto& n : inner.declared_nonlocal)
            if (resolve_free(inner, n) < 0) fail("SyntaxError", "no binding for nonlocal '" + n + "' found", s.line, s.column);
        std::int32_t saved_line = last_line_;
        body_with_docstring(s.body);
        if (code().is_async && code().is_generator && scope_->return_with_value)
            fail("SyntaxError", "'return' with value in async generator", scope_->return_with_value->line, scope_->return_with_value->column);
        emit(opcode::load_const, constant(value::none()), last_line_);
        emit(opcode::set_return, 0, last_line_);
        emit(opcode::return_value, 0, last_line_);
        scope_ = outer;
        last_line_ = saved_line;
        code().functions.push_back(inner.code);
        emit(opcode::make_function, static_cast<std::int32_t>(code().functions.size() - 1) | (ndefaults << 16), s.line);
        for (std::size_t k = 0; k < s.decorators.size(); ++k) {
            const expr& decorator = *s.decorators[s.decorators.size() - 1 - k];
            at(decorator, [&] { emit(opcode::call, 1, decorator.line); });  // applied where it is written
        }
        if (s.name != "<lambda>") store_name(s.name, s.line);
    }

    // break/continue/return leave blocks: run their `finally` bodies and drop what they keep on
    // the stack, innermost first.
    void unwind_one(const fblock& b, std::int32_t line, bool for_return)
    {
        switch (b.kind) {
        case fblock_kind::for_loop:
            if (for_return) emit(opcode::pop_top, 0, line);
            break;
        case fblock_kind::while_loop: break;
        case fblock_kind::try_finally: {
            emit(opcode::pop_block, 0, line);
            fblock saved = b;
            auto& blocks = scope_->fblocks;
            // The finally body is compiled without its own block, so a raise in it is not caught by itself.
            std::vector<fblock> rest(blocks.begin() + static_cast<std::ptrdiff_t>(&b - blocks.data()) + 1, blocks.end());
            blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(&b - blocks.data()), blocks.end());
            statements(*saved.finally_body);
            blocks.push_back(saved);
            blocks.insert(blocks.end(), rest.begin(), rest.end());
            break;
        }
        case fblock_kind::except_star_body: break;  // refused before (refuse_leaving_except_star)
        case fblock_kind::handler:
        case fblock_kind::finally_exception:
            emit(opcode::pop_except, 0, line);
            emit(opcode::pop_top, 0, line);
            break;
        case fblock_kind::with_block:
            emit(opcode::pop_block, 0, line);
            call_exit_without_exception(*b.with);
            break;
        }
    }

    void unwind_all(std::int32_t line)
    {
        for (std::size_t k = scope_->fblocks.size(); k-- > 0;) unwind_one(scope_->fblocks[k], line, true);
    }

    void loop_exit(const stmt& s, bool is_break)
    {
        auto& blocks = scope_->fblocks;
        std::size_t k = blocks.size();
        while (k > 0 && blocks[k - 1].kind != fblock_kind::for_loop && blocks[k - 1].kind != fblock_kind::while_loop) --k;
        refuse_leaving_except_star(k, s.line, s.column);
        if (k == 0) fail_over(is_break ? "'break' outside loop" : "'continue' not properly in loop", s);
        for (std::size_t j = blocks.size(); j-- > k;) unwind_one(blocks[j], s.line, false);
        fblock& loop = scope_->fblocks[k - 1];
        if (is_break) {
            if (loop.kind == fblock_kind::for_loop) emit(opcode::pop_top, 0, s.line);
            loop.break_jumps.push_back(emit(opcode::jump, 0, s.line));
        } else {
            emit(opcode::jump, loop.continue_target, s.line);
        }
    }

    void try_statement(const stmt& s)
    {
        std::size_t finally_setup = 0;
        bool has_finally = !s.finally_body.empty();
        if (has_finally) {
            finally_setup = emit(opcode::setup_try, 0, s.line);
            check_block_room(1, s);
            scope_->fblocks.push_back({fblock_kind::try_finally, 0, {}, &s.finally_body});
        }
        if (!s.handlers.empty() && s.handlers.front().star) {
            except_star(s);
        } else if (!s.handlers.empty()) {
            std::vector<std::size_t> to_end{try_body_then_handler(s)};
            for (const auto& h : s.handlers) {
                std::size_t next_clause = 0;
                bool has_type = static_cast<bool>(h.type);
                if (has_type) {
                    emit(opcode::dup_top, 0, h.line);
                    expression(*h.type);
                    emit(opcode::exception_matches, 0, h.line);
                    next_clause = emit(opcode::pop_jump_if_false, 0, h.line);
                }
                if (!h.name.empty()) {
                    emit(opcode::dup_top, 0, h.line);
                    store_name(h.name, h.line);
                }
                statements(h.body);
                emit(opcode::pop_except, 0, 0);
                emit(opcode::pop_top, 0, 0);
                unbind_handler_name(h);
                to_end.push_back(emit(opcode::jump, 0, 0));
                if (has_type) patch(next_clause);
                else break;
            }
            scope_->fblocks.pop_back();
            emit(opcode::reraise, 0, 0);
            for (auto j : to_end) patch(j);
        } else {
            statements(s.body);
        }
        if (has_finally) {
            scope_->fblocks.pop_back();
            emit(opcode::pop_block, 0, 0);
            statements(s.finally_body);
            auto to_end = emit(opcode::jump, 0, 0);
            patch(finally_setup);
            check_block_room(1, s);
            scope_->fblocks.push_back({fblock_kind::finally_exception, 0, {}, nullptr});
            statements(s.finally_body);
            scope_->fblocks.pop_back();
            emit(opcode::reraise, 0, 0);
            patch(to_end);
        }
    }

    // try/except* as CPython 3.11 compiles it. On an exception: [orig, raised, rest], `raised` a list
    // of what the clauses raise and `rest` what no clause has handled yet (at first the exception
    // itself). Each clause takes its part of rest (check_eg_match), runs with it as the exception being
    // handled, and adds what it raises to the list; after the last one, rest joins the list and
    // prep_reraise_star makes the one exception to raise, or none.
    void except_star(const stmt& s)
    {
        const auto to_end = try_body_then_handler(s);
        emit(opcode::dup_top, 0, s.line);
        emit(opcode::build_list, 0, s.line);
        emit(opcode::rot_two, 0, s.line);
        for (const auto& h : s.handlers) {
            expression(*h.type);
            auto no_match = emit(opcode::check_eg_match, 0, h.line);
            if (!h.name.empty()) {
                emit(opcode::dup_top, 0, h.line);
                store_name(h.name, h.line);
            }
            emit(opcode::push_exc_info, 0, h.line);
            auto raised = emit(opcode::setup_try, 0, h.line);
            check_block_room(2, s);
            scope_->fblocks.push_back({fblock_kind::except_star_body, 0, {}, nullptr});
            statements(h.body);
            scope_->fblocks.pop_back();
            emit(opcode::pop_block, 0, 0);
            emit(opcode::pop_except, 0, 0);
            unbind_handler_name(h);
            auto to_next = emit(opcode::jump, 0, 0);
            // [orig, raised, rest, exc]: what the clause raised joins the list
            patch(raised);
            emit(opcode::list_append, 2, 0);
            emit(opcode::pop_except, 0, 0);
            emit(opcode::pop_except, 0, 0);
            unbind_handler_name(h);
            patch(to_next);
            patch(no_match);
        }
        emit(opcode::list_append, 1, 0);
        emit(opcode::prep_reraise_star, 0, 0);
        emit(opcode::dup_top, 0, 0);
        auto to_raise = emit(opcode::pop_jump_if_true, 0, 0);
        emit(opcode::pop_top, 0, 0);
        emit(opcode::pop_except, 0, 0);
        emit(opcode::pop_top, 0, 0);
        scope_->fblocks.pop_back();
        auto handled = emit(opcode::jump, 0, 0);
        patch(to_raise);
        emit(opcode::rot_two, 0, 0);
        emit(opcode::pop_top, 0, 0);
        emit(opcode::reraise, 0, 0);
        patch(to_end);
        patch(handled);
    }

    // A try body with handlers, then its `else`, then the start of the handlers with the exception
    // on the stack (a handler block on the compiler's stack, which the caller pops). Returns the
    // jump past the handlers that the caller patches.
    std::size_t try_body_then_handler(const stmt& s)
    {
        auto setup = emit(opcode::setup_try, 0, s.line);
        check_block_room(1, s);
        push_plain_try();
        scope_->fblocks.back().catches_generator_exit = handlers_catch_generator_exit(s);
        statements(s.body);
        scope_->fblocks.pop_back();
        emit(opcode::pop_block, 0, 0);
        statements(s.orelse);
        auto to_end = emit(opcode::jump, 0, 0);
        patch(setup);
        check_block_room(2, s);
        scope_->fblocks.push_back({fblock_kind::handler, 0, {}, nullptr});
        return to_end;
    }

    void unbind_handler_name(const except_clause& h)
    {
        if (h.name.empty()) return;
        emit(opcode::load_const, constant(value::unbound()), 0);
        store_name(h.name, 0);
    }

    // CPython's compiler: nothing leaves an except* clause's body but its end or an exception
    void refuse_leaving_except_star(std::size_t from, std::int32_t line, std::int32_t column)
    {
        for (std::size_t k = from; k < scope_->fblocks.size(); ++k)
            if (scope_->fblocks[k].kind == fblock_kind::except_star_body)
                fail("SyntaxError", "'break', 'continue' and 'return' cannot appear in an except* block", line, column);
    }

    // CPython's `with`: __exit__ is looked up and kept before __enter__ runs; the body is a try block
    // whose handler calls __exit__(type, exc, traceback) and re-raises unless that returns true; a
    // body left any other way (its end, break, continue, return) calls __exit__(None, None, None).
    // `async with` awaits what __aenter__ and __aexit__ return.
    void with_statement(const stmt& s)
    {
        if (s.is_async && (!scope_->is_function || !code().is_async)) fail_over("'async with' outside async function", s);
        expression(*s.value);
        emit(opcode::before_with, s.is_async ? 1 : 0, s.line);
        emit(opcode::call, 0, s.line);
        if (s.is_async) await_special(1, s.line);
        auto setup = emit(opcode::setup_with, 0, s.line);
        fblock b{fblock_kind::with_block, 0, {}, nullptr};
        b.with = &s;
        check_block_room(1, s);
        scope_->fblocks.push_back(b);
        if (s.targets.empty()) emit(opcode::pop_top, 0, s.line);
        else store_target(*s.targets[0]);
        statements(s.body);
        scope_->fblocks.pop_back();
        emit(opcode::pop_block, 0, s.line);
        call_exit_without_exception(s);
        auto to_end = emit(opcode::jump, 0, s.line);
        patch(setup);
        // [exit, exc]: the exception is being handled while __exit__ runs (it becomes the context of one raised there)
        scope_->fblocks.push_back({fblock_kind::handler, 0, {}, nullptr});
        emit(opcode::with_exit_args, 0, s.line);
        emit(opcode::call, 3, s.line);
        if (s.is_async) await_special(2, s.line);
        auto suppressed = emit(opcode::pop_jump_if_true, 0, s.line);
        emit(opcode::reraise, 0, s.line);
        patch(suppressed);
        emit(opcode::pop_except, 0, s.line);
        emit(opcode::pop_top, 0, s.line);
        emit(opcode::pop_top, 0, s.line);
        scope_->fblocks.pop_back();
        patch(to_end);
    }

    // CPython's `async for`: the iterator from __aiter__ stays on the stack (a for loop's, for break
    // and return); each pass awaits __anext__() inside a try block whose StopAsyncIteration ends the loop.
    void async_for_statement(const stmt& s)
    {
        if (!scope_->is_function || !code().is_async) fail_over("'async for' outside async function", s);
        const std::int32_t line = s.line;
        iterable_expression(*s.value);
        emit(opcode::get_aiter, 0, line);
        emit(opcode::call, 0, line);
        auto start = here();
        auto setup = emit(opcode::setup_try, 0, line);
        push_plain_try();
        emit(opcode::get_anext, 0, line);
        emit(opcode::call, 0, line);
        emit(opcode::get_awaitable, 3, line);
        emit(opcode::await_, 0, line);
        scope_->fblocks.pop_back();
        emit(opcode::pop_block, 0, line);
        store_target(*s.targets[0]);
        check_block_room(1, s);
        scope_->fblocks.push_back({fblock_kind::for_loop, start, {}, nullptr});
        statements(s.body);
        emit(opcode::jump, start, line);
        std::vector<std::size_t> breaks = std::move(scope_->fblocks.back().break_jumps);
        scope_->fblocks.pop_back();
        // [iterator, exc]: StopAsyncIteration ends the loop, anything else goes on
        patch(setup);
        emit(opcode::dup_top, 0, line);
        emit(opcode::load_const, constant(value::of(value_kind::exception_type, builtin_exception_type("StopAsyncIteration"))), line);
        emit(opcode::exception_matches, 0, line);
        auto other = emit(opcode::pop_jump_if_false, 0, line);
        emit(opcode::pop_except, 0, line);
        emit(opcode::pop_top, 0, line);
        emit(opcode::pop_top, 0, line);
        auto to_end = emit(opcode::jump, 0, line);
        patch(other);
        emit(opcode::reraise, 0, line);
        patch(to_end);
        for (auto j : breaks) patch(j);
    }

    // [exit] -> []: exit(None, None, None), its result dropped
    void call_exit_without_exception(const stmt& s)
    {
        for (int k = 0; k < 3; ++k) emit(opcode::load_const, constant(value::none()), s.line);
        emit(opcode::call, 3, s.line);
        if (s.is_async) await_special(2, s.line);
        emit(opcode::pop_top, 0, s.line);
    }

    // Awaits what __aenter__ (which = 1) or __aexit__ (2) returned
    void await_special(std::int32_t which, std::int32_t line)
    {
        emit(opcode::get_awaitable, which, line);
        emit(opcode::await_, 0, line);
    }

    // A bare `except:` or one naming BaseException or GeneratorExit: it would see a generator closed early
    static bool handlers_catch_generator_exit(const stmt& s)
    {
        auto names_it = [](const expr& t) {
            auto one = [](const expr& n) {
                const std::string& name = n.kind == expr_kind::name || n.kind == expr_kind::attribute ? n.name : std::string();
                return name == "BaseException" || name == "GeneratorExit";
            };
            if (t.kind == expr_kind::tuple) return std::any_of(t.items.begin(), t.items.end(), [&](const expr_ptr& i) { return one(*i); });
            return one(t);
        };
        return std::any_of(s.handlers.begin(), s.handlers.end(), [&](const except_clause& h) { return !h.type || names_it(*h.type); });
    }

    // `yield` makes the function a generator. A generator let go before its end (a `for` that
    // breaks, one dropped half way) runs its `finally` blocks, `__exit__`s and GeneratorExit handlers
    // in CPython: a yield inside those is marked (yield_value arg 1), and a generator let go there is
    // closed before the next instruction (runtime::park_dropped_generator); an asynchronous one in a
    // task of its own, as its loop's finalizer hook does (park_dropped_async_generator).
    void yield_expression(const expr& e)
    {
        const std::int32_t line = e.line;
        if (!scope_->is_function) fail_over("'yield' outside function", e);
        if (code().name == "<genexpr>") fail("SyntaxError", "'yield' inside generator expression", line, e.column);
        if (!scope_->renames.empty()) fail("UnsupportedError", "'yield' inside a comprehension is not supported by loopscope", line, e.column);
        if (code().name == "<lambda>") fail("UnsupportedError", "'yield' in a lambda is not supported by loopscope", line, e.column);
        bool protected_yield = false;
        for (const auto& b : scope_->fblocks) {
            const bool finally = b.kind == fblock_kind::try_finally && b.finally_body && !b.finally_body->empty();
            if (finally || b.kind == fblock_kind::with_block || b.catches_generator_exit) protected_yield = true;
        }
        if (e.name == "from") {
            if (code().is_async) fail("SyntaxError", "'yield from' inside async function", line, e.column);
            code().is_generator = true;
            // PEP 380 as CPython 3.11 compiles it: the iterator, then a send/yield loop until it returns
            expression(*e.a);
            emit(opcode::get_yield_from_iter, 0, line);
            emit(opcode::load_const, constant(value::none()), line);
            auto start = here();
            auto send = emit(opcode::send, 0, line);
            emit(opcode::yield_value, protected_yield ? 1 : 0, line);
            emit(opcode::jump, start, line);
            patch(send);
            return;
        }
        code().is_generator = true;
        if (e.a) expression(*e.a);
        else emit(opcode::load_const, constant(value::none()), line);
        // arg 1: a generator stopped here has cleanup that closing it would run
        emit(opcode::yield_value, protected_yield ? 1 : 0, line);
    }

    // CPython's compiler refuses a 21st block statically nested in one function (CO_MAXBLOCKS): loops,
    // `with` items, try bodies and finally bodies count one each, an except body two (its handler and
    // its cleanup).
    void check_block_room(int weight, const stmt& s)
    {
        int used = 0;
        for (const auto& b : scope_->fblocks) used += b.kind == fblock_kind::handler ? 2 : 1;
        if (used + weight > 20) fail("SyntaxError", "too many statically nested blocks", s.line, s.column);
    }

    // A try body with handlers: break/return leaving it must pop its block, nothing else.
    void push_plain_try() { scope_->fblocks.push_back({fblock_kind::try_finally, 0, {}, &empty_block_}); }

    // ---- expressions ----

    void expression(const expr& e)
    {
        auto saved = enter(e);
        expression_node(e);
        here_ = saved;
    }

    void expression_node(const expr& e)
    {
        std::int32_t line = e.line;
        switch (e.kind) {
        case expr_kind::constant: emit(opcode::load_const, constant(e.constant), line); break;
        case expr_kind::name: load_name(e.name, line, e.column); break;
        case expr_kind::binary:
            expression(*e.a);
            expression(*e.b);
            emit(opcode::binary, static_cast<std::int32_t>(e.bin), line);
            break;
        case expr_kind::unary:
            expression(*e.a);
            emit(e.un == unary_op::neg   ? opcode::unary_neg
                 : e.un == unary_op::pos ? opcode::unary_pos
                 : e.un == unary_op::invert ? opcode::unary_invert
                                            : opcode::unary_not,
                 0, line);
            break;
        case expr_kind::boolean_and:
        case expr_kind::boolean_or: {
            std::vector<std::size_t> jumps;
            auto op = e.kind == expr_kind::boolean_and ? opcode::jump_if_false_or_pop : opcode::jump_if_true_or_pop;
            for (std::size_t k = 0; k < e.items.size(); ++k) {
                expression(*e.items[k]);
                if (k + 1 < e.items.size()) jumps.push_back(emit(op, 0, line));
            }
            for (auto j : jumps) patch(j);
            break;
        }
        case expr_kind::compare: compare(e); break;
        case expr_kind::call: call(e); break;
        case expr_kind::attribute:
            expression(*e.a);
            at_attribute_name(e, [&] { emit(opcode::load_attr, name_index(mangle(e.name)), here_.line); });
            break;
        case expr_kind::subscript:
            expression(*e.a);
            expression(*e.b);
            emit(opcode::load_subscript, 0, line);
            break;
        case expr_kind::slice:
            for (const expr* part : {e.a.get(), e.b.get(), e.c.get()}) {
                if (part) expression(*part);
                else emit(opcode::load_const, constant(value::none()), line);
            }
            emit(opcode::build_slice, 0, line);
            break;
        case expr_kind::list:
        case expr_kind::tuple: sequence(e); break;
        case expr_kind::fstring:
            for (const auto& part : e.items) expression(*part);
            emit(opcode::build_string, static_cast<std::int32_t>(e.items.size()), line);
            break;
        case expr_kind::formatted:
            expression(*e.a);
            if (e.b) expression(*e.b);  // a spec with replacement fields of its own, built at run time
            else emit(opcode::load_const, constant(value::string(e.name)), line);
            emit(opcode::format_value, e.conversion, line);
            break;
        case expr_kind::await:
            if (code().is_generator && code().name == "<genexpr>") fail("UnsupportedError", "an asynchronous generator expression ('await' in a generator expression) is not supported by loopscope", line, e.column);
            if (!scope_->is_function) fail_over("'await' outside function", e);
            if (!code().is_async) fail_over("'await' outside async function", e);
            expression(*e.a);
            emit(opcode::get_awaitable, 0, line);
            emit(opcode::await_, 0, line);
            break;
        case expr_kind::conditional: {
            expression(*e.a);
            auto to_else = emit(opcode::pop_jump_if_false, 0, line);
            expression(*e.b);
            auto to_end = emit(opcode::jump, 0, line);
            patch(to_else);
            expression(*e.c);
            patch(to_end);
            break;
        }
        case expr_kind::starred: fail("SyntaxError", "can't use starred expression here", line, e.column);
        case expr_kind::list_comprehension:
        case expr_kind::dict_comprehension:
        case expr_kind::set_comprehension: comprehension(e); break;
        case expr_kind::set: {
            // {a, b} built at once; with `*` items, from empty, each added or unpacked in turn.
            const bool starred = std::any_of(e.items.begin(), e.items.end(), [](const expr_ptr& x) { return x->kind == expr_kind::starred; });
            if (!starred) {
                for (const auto& part : e.items) expression(*part);
                // More than two constants are a frozenset constant to CPython, merged into the new set
                // (BUILD_SET 0, SET_UPDATE): the merge lays the keys out anew, so the order differs.
                const bool folded = e.items.size() > 2 && std::all_of(e.items.begin(), e.items.end(), [](const expr_ptr& x) { return folds_to_constant(*x); });
                emit(folded ? opcode::build_set_folded : opcode::build_set, static_cast<std::int32_t>(e.items.size()) | (folded ? interned_again(e) : 0), line);
                break;
            }
            emit(opcode::build_set, 0, line);
            for (const auto& part : e.items) {
                expression(part->kind == expr_kind::starred ? *part->a : *part);
                emit(part->kind == expr_kind::starred ? opcode::set_update : opcode::set_add, 1, line);
            }
            break;
        }
        case expr_kind::lambda: function_def(*e.function); break;
        case expr_kind::generator_expression: generator_expression(e); break;
        case expr_kind::yield: yield_expression(e); break;
        case expr_kind::named:
            expression(*e.b);
            emit(opcode::dup_top, 0, line);
            store_named_target(*e.a);
            break;
        case expr_kind::dict: {
            const bool unpacks = std::any_of(e.items.begin(), e.items.end(), [](const expr_ptr& k) { return !k; });
            if (!unpacks) {
                for (const auto& part : e.items) expression(*part);
                emit(opcode::build_map, static_cast<std::int32_t>(e.items.size() / 2), line);
                break;
            }
            // {**a, 'k': v}: built up in order, each `**` merged as dict.update() would.
            emit(opcode::build_map, 0, line);
            for (std::size_t k = 0; k < e.items.size(); k += 2) {
                if (!e.items[k]) {
                    expression(*e.items[k + 1]);
                    emit(opcode::dict_update, 1, line);
                } else {
                    expression(*e.items[k]);
                    expression(*e.items[k + 1]);
                    emit(opcode::map_add, 1, line);
                }
            }
            break;
        }
        }
    }

    // Whether CPython 3.11's AST optimizer (ast_opt.c) makes `e` a constant: a literal, a sign, `~`
    // or `not` on one, a tuple of them. (It also folds arithmetic on constants; not modelled here.)
    static bool folds_to_constant(const expr& e)
    {
        switch (e.kind) {
        case expr_kind::constant: return true;
        case expr_kind::unary: {
            if (!e.a || !folds_to_constant(*e.a)) return false;
            if (e.un == unary_op::not_) return true;
            // -x, +x, ~x fold only when they succeed: on numbers (~ on an int or bool).
            const expr* inner = e.a.get();
            while (inner->kind == expr_kind::unary && inner->un != unary_op::not_) inner = inner->a.get();
            if (inner->kind == expr_kind::binary) return e.un != unary_op::invert;  // -(2 ** 63): a number folded first
            if (inner->kind != expr_kind::constant) return inner->kind == expr_kind::unary && e.un != unary_op::invert;
            const value& c = inner->constant;
            if (e.un == unary_op::invert) return c.is(value_kind::integer) || c.is(value_kind::boolean);
            return c.is(value_kind::integer) || c.is(value_kind::boolean) || c.is(value_kind::floating);
        }
        case expr_kind::tuple:
            return std::all_of(e.items.begin(), e.items.end(), [](const expr_ptr& x) { return x->kind != expr_kind::starred && folds_to_constant(*x); });
        case expr_kind::binary: {
            // Arithmetic on two number literals, within CPython's limits (128-bit ints for **, * and
            // <<; no division by zero). Deeper arithmetic is left unfolded here.
            auto number = [](const expr& x) -> const value* {
                const expr* inner = &x;
                while (inner->kind == expr_kind::unary && (inner->un == unary_op::neg || inner->un == unary_op::pos)) inner = inner->a.get();
                if (inner->kind != expr_kind::constant) return nullptr;
                const value& c = inner->constant;
                return c.is(value_kind::integer) || c.is(value_kind::boolean) || c.is(value_kind::floating) ? &c : nullptr;
            };
            const value* x = e.a ? number(*e.a) : nullptr;
            const value* y = e.b ? number(*e.b) : nullptr;
            if (!x || !y) return false;
            const bool ints = !x->is(value_kind::floating) && !y->is(value_kind::floating);
            const bool zero_divisor = y->is(value_kind::floating) ? y->f == 0.0 : (!y->obj && y->i == 0 && !(y->is(value_kind::boolean) && y->b));
            switch (e.bin) {
            case binary_op::add:
            case binary_op::sub: return true;
            case binary_op::div:
            case binary_op::floordiv:
            case binary_op::mod: return !zero_divisor;
            case binary_op::mul: return !ints || int_bit_length(*x) + int_bit_length(*y) <= 128;
            case binary_op::pow: {
                if (!ints) return false;  // a float power may fail (overflow, complex): not modelled
                const auto w = small_int(*y);
                if (!w || *w < 0) return false;
                return *w == 0 || int_bit_length(*x) <= 128 / static_cast<std::uint64_t>(*w);
            }
            default: return false;
            }
        }
        default: return false;
        }
    }

    // CPython makes a frozenset constant once more when one of its strings, interned as the code object
    // is made, turns out to be a string interned before (intern_string_constants): which strings are
    // depends on the process. Taken here as the names CPython itself has (builtins, attributes of its
    // types, keywords); the flag for build_set_folded.
    static std::int32_t interned_again(const expr& e)
    {
        static const std::set<std::string_view> keywords = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
        bool again = false;
        std::function<void(const expr&)> visit = [&](const expr& x) {
            if (x.kind == expr_kind::tuple) {
                for (const auto& item : x.items) visit(*item);
                return;
            }
            if (x.kind != expr_kind::constant || !x.constant.is(value_kind::string)) return;
            const std::string& s = x.constant.as<string_object>().s;
            const bool name_chars = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            });
            if (name_chars && s.size() > 1 && (cpython_has_builtin(s) || cpython_any_type_has(s) || keywords.count(s) != 0)) again = true;
        };
        for (const auto& item : e.items) visit(*item);
        return again ? (1 << 29) : 0;
    }

    // What a `for` or a comprehension iterates, as CPython's AST optimiser (ast_opt.c's fold_iter)
    // leaves it: a set display of constants is its frozenset constant itself, whose order can differ
    // from a set built from the same items; a list display without a starred item is a tuple (which
    // an `async for` names in its TypeError).
    void iterable_expression(const expr& e)
    {
        const bool starred = std::any_of(e.items.begin(), e.items.end(), [](const expr_ptr& i) { return i->kind == expr_kind::starred; });
        const bool folded = e.kind == expr_kind::set && !starred &&
                            std::all_of(e.items.begin(), e.items.end(), [](const expr_ptr& x) { return folds_to_constant(*x); });
        if (folded) {
            for (const auto& part : e.items) expression(*part);
            emit(opcode::build_set_folded, static_cast<std::int32_t>(e.items.size()) | (1 << 30) | interned_again(e), e.line);
        } else if (e.kind == expr_kind::list && !starred) {
            for (const auto& item : e.items) expression(*item);
            emit(opcode::build_tuple, static_cast<std::int32_t>(e.items.size()), e.line);
        } else {
            expression(e);
        }
    }

    // The last comparison CPython's compiler_jump_if compiles in a test (through `and`, `or`, `not`):
    // it sets the location without restoring it, so what follows the jump stands there.
    static const expr* last_jump_comparison(const expr& test)
    {
        switch (test.kind) {
        case expr_kind::compare: return &test;
        case expr_kind::unary: return test.un == unary_op::not_ ? last_jump_comparison(*test.a) : nullptr;
        case expr_kind::boolean_and:
        case expr_kind::boolean_or: {
            const expr* last = nullptr;
            for (const auto& item : test.items)
                if (const expr* c = last_jump_comparison(*item)) last = c;
            return last;
        }
        case expr_kind::conditional: {
            // body if test else orelse: the test, the body, then the other branch
            const expr* last = nullptr;
            for (const expr* part : {test.a.get(), test.b.get(), test.c.get()})
                if (const expr* c = last_jump_comparison(*part)) last = c;
            return last;
        }
        default: return nullptr;
        }
    }

    void compare(const expr& e)
    {
        // a < b < c evaluates b once: keep it under the result with dup/rot, as CPython does.
        std::int32_t line = e.line;
        expression(*e.items[0]);
        std::vector<std::size_t> cleanups;
        for (std::size_t k = 0; k < e.ops.size(); ++k) {
            expression(*e.items[k + 1]);
            if (k + 1 < e.ops.size()) {
                emit(opcode::dup_top, 0, line);
                emit(opcode::rot_three, 0, line);
                emit(opcode::compare, static_cast<std::int32_t>(e.ops[k]), line);
                cleanups.push_back(emit(opcode::jump_if_false_or_pop, 0, line));
            } else {
                emit(opcode::compare, static_cast<std::int32_t>(e.ops[k]), line);
            }
        }
        if (!cleanups.empty()) {
            auto to_end = emit(opcode::jump, 0, line);
            for (auto j : cleanups) patch(j);
            emit(opcode::rot_two, 0, line);
            emit(opcode::pop_top, 0, line);
            patch(to_end);
        }
    }

    void sequence(const expr& e)
    {
        bool starred = false;
        for (const auto& item : e.items) starred = starred || item->kind == expr_kind::starred;
        auto n = static_cast<std::int32_t>(e.items.size());
        if (!starred) {
            for (const auto& item : e.items) expression(*item);
            emit(e.kind == expr_kind::list ? opcode::build_list : opcode::build_tuple, n, e.line);
            return;
        }
        emit(opcode::build_list, 0, e.line);
        for (const auto& item : e.items) {
            if (item->kind == expr_kind::starred) {
                expression(*item->a);
                emit(opcode::list_extend, 1, e.line);
            } else {
                expression(*item);
                emit(opcode::list_append, 1, e.line);
            }
        }
        if (e.kind == expr_kind::tuple) emit(opcode::list_to_tuple, 0, e.line);
    }

    void call(const expr& e)
    {
        std::int32_t line = e.line;
        bool starred = false;
        for (const auto& item : e.items) starred = starred || item->kind == expr_kind::starred;
        const bool mapping = std::any_of(e.keywords.begin(), e.keywords.end(), [](const keyword_arg& k) { return k.name.empty(); });
        starred = starred || mapping;
        if (e.a->kind == expr_kind::attribute && !starred && e.keywords.empty()) {
            // obj.method(args): the commonest call, without a bound method in between
            expression(*e.a->a);
            at(*e.a, [&] { at_attribute_name(*e.a, [&] { emit(opcode::load_method, name_index(mangle(e.a->name)), here_.line); }); });
            for (const auto& item : e.items) expression(*item);
            at_attribute_name(*e.a, [&] { emit(opcode::call_method, static_cast<std::int32_t>(e.items.size()), here_.line); });
            return;
        }
        expression(*e.a);
        if (starred) {
            emit(opcode::build_list, 0, line);
            for (const auto& item : e.items) {
                if (item->kind == expr_kind::starred) {
                    expression(*item->a);
                    emit(opcode::list_extend, 1, line);
                } else {
                    expression(*item);
                    emit(opcode::list_append, 1, line);
                }
            }
        } else {
            for (const auto& item : e.items) expression(*item);
        }
        if (mapping) {
            // f(..., k=v, **m): the keywords gathered into one dict, a name given twice an error.
            emit(opcode::build_map, 0, line);
            for (const auto& k : e.keywords) {
                if (!k.name.empty()) emit(opcode::load_const, constant(value::string(k.name)), line);
                expression(*k.value);
                if (!k.name.empty()) emit(opcode::build_map, 1, line);
                emit(opcode::dict_merge, 1, line);
            }
            emit(opcode::call_ex, -1, line);
            return;
        }
        std::vector<value> names;
        for (const auto& k : e.keywords) {
            expression(*k.value);
            names.push_back(value::string(k.name));
        }
        auto nkw = static_cast<std::int32_t>(e.keywords.size());
        if (starred) {
            if (nkw) emit(opcode::load_const, constant(value::tuple(std::move(names))), line);
            emit(opcode::call_ex, nkw, line);
        } else if (nkw) {
            emit(opcode::load_const, constant(value::tuple(std::move(names))), line);
            emit(opcode::call_kw, static_cast<std::int32_t>(e.items.size()) + nkw, line);
        } else {
            emit(opcode::call, static_cast<std::int32_t>(e.items.size()), line);
        }
    }

    // `:=` in a comprehension, as CPython's symtable checks it (symtable_handle_namedexpr,
    // symtable_extend_namedexpr_scope, symtable_add_def_helper), visiting in its order: the outermost
    // iterable, then each clause's target, iterable and conditions, then the element. `frames` are the
    // comprehensions around the expression visited, innermost last, back to the nearest function
    // (a lambda starts none of its own, but stays inside an iterable).
    struct named_target_check {
        struct frame {
            std::set<std::string> iteration;  // its `for` targets so far
            std::set<std::string> assigned;   // names `:=` inside it bound in the scope around it
        };
        std::vector<frame> frames;
        int in_iterable = 0;
        bool class_body = false;  // the outermost comprehension is in a class body

        void visit(const expr& e)
        {
            if (e.kind == expr_kind::named) {
                if (in_iterable > 0) fail_over("assignment expression cannot be used in a comprehension iterable expression", e);
                const std::string& n = e.a->name;
                for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
                    if (it->iteration.count(n)) fail_over("assignment expression cannot rebind comprehension iteration variable '" + n + "'", *e.a);
                    it->assigned.insert(n);
                }
                if (!frames.empty() && class_body) fail_over("assignment expression within a comprehension cannot be used in a class body", *e.a);
                visit(*e.b);
                return;
            }
            if (e.kind == expr_kind::lambda) {
                for (const auto& p : e.function->params)
                    if (p.default_value) visit(*p.default_value);
                auto outer = std::move(frames);
                frames.clear();
                const bool outer_class_body = class_body;
                class_body = false;
                for (const auto& st : e.function->body)
                    if (st->value) visit(*st->value);
                frames = std::move(outer);
                class_body = outer_class_body;
                return;
            }
            if (e.kind == expr_kind::list_comprehension || e.kind == expr_kind::set_comprehension || e.kind == expr_kind::dict_comprehension ||
                e.kind == expr_kind::generator_expression) {
                comprehension(e);
                return;
            }
            for (const auto* part : {e.a.get(), e.b.get(), e.c.get()})
                if (part) visit(*part);
            for (const auto& item : e.items)
                if (item) visit(*item);
            for (const auto& k : e.keywords)
                if (k.value) visit(*k.value);
        }
        void comprehension(const expr& e)
        {
            ++in_iterable;
            visit(*e.clauses[0].iterable);
            --in_iterable;
            frames.emplace_back();
            for (std::size_t k = 0; k < e.clauses.size(); ++k) {
                const auto& c = e.clauses[k];
                target(*c.target);
                if (k > 0) {
                    ++in_iterable;
                    visit(*c.iterable);
                    --in_iterable;
                }
                for (const auto& cond : c.conditions) visit(*cond);
            }
            visit(*e.a);
            if (e.b) visit(*e.b);
            frames.pop_back();
        }
        void target(const expr& t)
        {
            if (t.kind == expr_kind::name) {
                if (frames.back().assigned.count(t.name))
                    fail_over("comprehension inner loop cannot rebind assignment expression target '" + t.name + "'", t);
                frames.back().iteration.insert(t.name);
            } else if (t.kind == expr_kind::tuple || t.kind == expr_kind::list) {
                for (const auto& item : t.items) target(item->kind == expr_kind::starred ? *item->a : *item);
            } else {
                visit(t);
            }
        }
    };
    // Checked once, at the outermost comprehension (the check visits those inside it)
    void check_named_targets(const expr& e)
    {
        if (named_targets_checked_) return;
        named_target_check check;
        check.comprehension(e);
    }
    struct named_targets_checked_scope {
        bool& flag;
        bool saved;
        explicit named_targets_checked_scope(bool& f) : flag(f), saved(f) { flag = true; }
        ~named_targets_checked_scope() { flag = saved; }
    };

    // The target of `:=`: inside a generator expression, the variable of the scope around it (a
    // function's through the closure, the module's global), as CPython's symtable makes it; elsewhere
    // (an inline comprehension too) the scope's own
    void store_named_target(const expr& target)
    {
        const scope* owner = scope_;
        while (owner->is_genexp) owner = owner->parent;
        if (owner == scope_) {
            store_target(target);
            return;
        }
        auto saved = enter(target);
        if (std::int32_t j = owner->is_function ? resolve_free(*scope_, target.name) : -1; j >= 0) emit(opcode::store_deref, j, target.line);
        else emit(opcode::store_global, name_index(target.name), target.line);
        here_ = saved;
    }

    // Inline, with its variables renamed to hidden slots, so it neither leaks them (as Python 3
    // does not) nor needs a closure.
    void comprehension(const expr& e)
    {
        check_named_targets(e);
        named_targets_checked_scope checked(named_targets_checked_);
        std::int32_t line = e.line;
        const bool dict = e.kind == expr_kind::dict_comprehension;
        const bool set = e.kind == expr_kind::set_comprehension;
        emit(dict ? opcode::build_map : set ? opcode::build_set : opcode::build_list, 0, line);
        const auto locals_begin = static_cast<std::int32_t>(code().local_names.size());
        const auto loops = comprehension_loops(e, false);
        const auto locals_end = static_cast<std::int32_t>(code().local_names.size());
        expression(*e.a);
        if (dict) expression(*e.b);
        emit(dict ? opcode::map_add : set ? opcode::set_add : opcode::list_append, static_cast<std::int32_t>(e.clauses.size()) + 1, line);
        close_comprehension_loops(loops, line);
        code().inline_frames.push_back({loops.body_start, here(), dict ? "<dictcomp>" : set ? "<setcomp>" : "<listcomp>", line,
                                        {e.end_line, e.column, e.end_column}, locals_begin, locals_end});
    }

    // The `for` clauses of a comprehension, each a loop whose variables are hidden slots (renamed, so
    // that they do not leak), with its `if` conditions; the innermost body is the caller's. A
    // generator expression takes its outermost iterator from its slot 0 (it was evaluated outside).
    struct comprehension_loops_state {
        std::vector<std::size_t> starts, exits;
        std::int32_t body_start = 0;  // after the outermost iterable's iterator is made (CPython's call)
    };

    // [aiter-able] -> [aiter, item] at each pass, as `async for` draws items: __anext__() awaited
    // inside a try block whose StopAsyncIteration ends the clause (the loop's exit, patched by
    // close_comprehension_loops, lands after the handler below).
    void async_comprehension_loop(comprehension_loops_state& loops, std::int32_t line)
    {
        emit(opcode::get_aiter, 0, line);
        emit(opcode::call, 0, line);
        if (loops.starts.empty()) loops.body_start = here();
        auto skip_handler = emit(opcode::jump, 0, line);
        // [aiter, exc]: StopAsyncIteration ends this clause, anything else goes on
        const std::int32_t handler = here();
        emit(opcode::dup_top, 0, line);
        emit(opcode::load_const, constant(value::of(value_kind::exception_type, builtin_exception_type("StopAsyncIteration"))), line);
        emit(opcode::exception_matches, 0, line);
        auto other = emit(opcode::pop_jump_if_false, 0, line);
        emit(opcode::pop_except, 0, line);
        emit(opcode::pop_top, 0, line);
        emit(opcode::pop_top, 0, line);
        loops.exits.push_back(emit(opcode::jump, 0, line));
        patch(other);
        emit(opcode::reraise, 0, line);
        patch(skip_handler);
        loops.starts.push_back(static_cast<std::size_t>(here()));
        emit(opcode::setup_try, handler, line);
        emit(opcode::get_anext, 0, line);
        emit(opcode::call, 0, line);
        emit(opcode::get_awaitable, 3, line);
        emit(opcode::await_, 0, line);
        emit(opcode::pop_block, 0, line);
    }
    comprehension_loops_state comprehension_loops(const expr& e, bool first_from_slot)
    {
        const std::int32_t line = e.line;
        comprehension_loops_state loops;
        std::map<std::string, std::int32_t> renamed;
        for (std::size_t k = 0; k < e.clauses.size(); ++k) {
            const auto& c = e.clauses[k];
            if (c.is_async) {
                if (first_from_slot)
                    fail("UnsupportedError", "an asynchronous generator expression ('async for' in a generator expression) is not supported by loopscope",
                         c.line, c.column);
                if (!scope_->is_function || !code().is_async)
                    fail("SyntaxError", "asynchronous comprehension outside of an asynchronous function", c.line, c.column);
            }
            if (k == 0 && first_from_slot) emit(opcode::load_local, 0, line);
            else iterable_expression(*c.iterable);  // evaluated before this clause's names exist
            std::vector<std::string> names;
            collect_targets(*c.target, names);
            for (const auto& n : names) {
                auto slot = static_cast<std::int32_t>(code().local_names.size());
                code().local_names.push_back("<comprehension " + n + " #" + std::to_string(++scope_->hidden_counter) + ">");
                renamed[n] = slot;
                // Each run of the comprehension has its own variable, as CPython's comprehension
                // function has: a closure made by an earlier run keeps the cell it took.
                emit(opcode::reset_local, slot, line);
            }
            if (c.is_async) {
                async_comprehension_loop(loops, line);
            } else {
                emit(opcode::get_iter, 0, line);
                if (loops.starts.empty()) loops.body_start = here();
                loops.starts.push_back(static_cast<std::size_t>(here()));
                loops.exits.push_back(emit(opcode::for_iter, 0, line));
            }
            scope_->renames.push_back(renamed);
            store_target(*c.target);
            for (const auto& cond : c.conditions) {
                expression(*cond);
                emit(opcode::pop_jump_if_false, static_cast<std::int32_t>(loops.starts.back()), line);
            }
        }
        return loops;
    }
    void close_comprehension_loops(const comprehension_loops_state& loops, std::int32_t line)
    {
        for (std::size_t k = loops.starts.size(); k-- > 0;) {
            emit(opcode::jump, static_cast<std::int32_t>(loops.starts[k]), line);
            patch(loops.exits[k]);
            scope_->renames.pop_back();
        }
    }

    // A generator expression is a function of its own, as in CPython: its outermost iterable is
    // evaluated here and passed in (slot 0); the rest runs in the generator, item by item, and uses
    // this scope's variables through its closure.
    void generator_expression(const expr& e)
    {
        check_named_targets(e);
        named_targets_checked_scope checked(named_targets_checked_);
        const std::int32_t line = e.line;
        scope inner;
        inner.parent = scope_;
        inner.is_function = true;
        inner.is_genexp = true;
        inner.code = std::make_shared<code_object>();
        inner.code->name = "<genexpr>";
        inner.code->qualname = scope_->is_function ? scope_->code->qualname + ".<locals>.<genexpr>" : "<genexpr>";
        inner.code->is_generator = true;
        inner.code->first_line = line;
        inner.code->param_count = 1;
        scope* outer = scope_;
        scope_ = &inner;
        add_local(".0");
        const auto loops = comprehension_loops(e, true);
        expression(*e.a);
        emit(opcode::yield_value, 0, line);
        emit(opcode::pop_top, 0, line);
        close_comprehension_loops(loops, line);
        emit(opcode::load_const, constant(value::none()), line);
        emit(opcode::set_return, 0, line);
        emit(opcode::return_value, 0, line);
        scope_ = outer;
        code().functions.push_back(inner.code);
        emit(opcode::make_function, static_cast<std::int32_t>(code().functions.size() - 1), line);
        iterable_expression(*e.clauses[0].iterable);
        emit(opcode::get_iter, 0, line);
        emit(opcode::call, 1, line);
    }

    scope* scope_ = nullptr;
    std::int32_t last_line_ = 1;
    std::set<std::string> exception_classes_;  // classes this program derived from an exception class
    std::set<std::string> defined_classes_;    // the other classes it defined
    const engine_names& names_;
    block empty_block_;
    bool named_targets_checked_ = false;  // compiling inside a comprehension whose `:=` were checked
};

} // namespace

std::shared_ptr<code_object> compile_module(const module_ast& module, const engine_names& names)
{
    return compiler(names).module(module);
}

} // namespace loopscope::engine
