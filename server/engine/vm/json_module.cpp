// json.dumps and json.loads as CPython 3.11 gives them (its C encoder and scanner, _json.c, and the
// Python encoder json/encoder.py uses when indent= is given): the same text, the same errors, the same
// positions in a JSONDecodeError. The work is charged as it goes (each value, each byte written), so a
// huge document meets max_operation_steps or max_memory_bytes instead of holding the thread.
#include "json_module.hpp"

#include "classes.hpp"
#include "dicts.hpp"
#include "escapes.hpp"
#include "functools_module.hpp"
#include "integers.hpp"
#include "runtime.hpp"

#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

namespace {

void append_u_escape(std::string& out, std::uint32_t unit)
{
    constexpr char hex[] = "0123456789abcdef";
    const char text[6] = {'\\', 'u', hex[(unit >> 12) & 0xf], hex[(unit >> 8) & 0xf], hex[(unit >> 4) & 0xf], hex[unit & 0xf]};
    out.append(text, 6);
}

// A str as JSON writes it: ensure_ascii escapes all but printable ASCII (py_encode_basestring_ascii),
// otherwise only '"', '\' and the control characters (py_encode_basestring)
void append_json_text(std::string& out, std::string_view s, bool ensure_ascii)
{
    out += '"';
    std::size_t at = 0;
    while (at < s.size()) {
        const std::size_t start = at;
        const std::uint32_t c = next_code_point(s, at);
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        default: break;
        }
        if (c < 0x20) {
            append_u_escape(out, c);
        } else if (!ensure_ascii || (c >= 0x20 && c <= 0x7e)) {
            out.append(s.data() + start, at - start);
        } else if (c >= 0x10000) {
            const std::uint32_t v = c - 0x10000;
            append_u_escape(out, 0xd800 | (v >> 10));
            append_u_escape(out, 0xdc00 | (v & 0x3ff));
        } else {
            append_u_escape(out, c);
        }
    }
    out += '"';
}

// How many bytes append_json_text writes for s, counted before it writes them (the memory bound is
// asked first: ensure_ascii makes six bytes of one)
std::size_t json_text_size(std::string_view s, bool ensure_ascii)
{
    std::size_t n = 2, at = 0;
    while (at < s.size()) {
        const std::size_t start = at;
        const std::uint32_t c = next_code_point(s, at);
        if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') n += 2;
        else if (c < 0x20) n += 6;
        else if (!ensure_ascii || c <= 0x7e) n += at - start;
        else n += c >= 0x10000 ? 12 : 6;
    }
    return n;
}

// The options of one dumps() call
struct encoder_options {
    bool skipkeys = false, ensure_ascii = true, check_circular = true, allow_nan = true, sort_keys = false;
    bool indented = false;
    std::string indent, item_separator = ", ", key_separator = ": ";
    value default_function;
    bool has_default = false;  // default= given, not None
};

} // namespace

const ref<exception_type_object>& json_decode_error_type()
{
    thread_local const ref<exception_type_object> type = [] {
        memory_scope process_wide(nullptr);  // built once a thread, not charged to the run that asks first
        auto t = make_ref<exception_type_object>();
        t->name = "JSONDecodeError";
        t->qualified = "json.decoder.JSONDecodeError";
        t->base = builtin_exception_type("ValueError");
        return t;
    }();
    return type;
}

// ---- dumps ----

namespace {

constexpr const char* json_init_py = "/usr/lib/python3.11/json/__init__.py";
constexpr const char* json_encoder_py = "/usr/lib/python3.11/json/encoder.py";
constexpr const char* json_decoder_py = "/usr/lib/python3.11/json/decoder.py";

// An error passing out through a frame of json's Python code: the frame, as a traceback shows it
void add_frame(python_error& e, traceback_entry frame) { e.exc.as<exception_object>().traceback.push_back(std::move(frame)); }

} // namespace

// Without indent=, CPython encodes with its C encoder (one call, no frames of its own); with it, with
// json/encoder.py's generators (_iterencode, _iterencode_list, _iterencode_dict), whose frames an
// error passes out through: `python_frames` adds them where CPython's traceback has them.
class runtime::json_encoder {
public:
    json_encoder(runtime& rt, encoder_options& options) : rt_(rt), o_(options), python_frames_(options.indented) {}

    // _iterencode(o): a value at the top, or what default() gave in a value's place
    void encode(const value& v, std::size_t level)
    {
        traceback_entry at;
        try {
            switch (v.kind) {
            case value_kind::list:
            case value_kind::tuple:
                at = library_frame("_iterencode", 430, json_encoder_py, "yield from _iterencode_list(o, _current_indent_level)");
                encode_list(v, level);
                return;
            case value_kind::dict:
                at = library_frame("_iterencode", 432, json_encoder_py, "yield from _iterencode_dict(o, _current_indent_level)");
                encode_dict(v, level);
                return;
            case value_kind::integer:
            case value_kind::floating:
                at = v.is(value_kind::integer) ? library_frame("_iterencode", 425, json_encoder_py, "yield _intstr(o)", "_intstr(o)")
                                               : library_frame("_iterencode", 428, json_encoder_py, "yield _floatstr(o)", "_floatstr(o)");
                scalar(v);
                return;
            default:
                if (scalar(v)) return;
                encode_other(v, level, at);
                return;
            }
        } catch (python_error& e) {
            if (python_frames_ && at.file) add_frame(e, std::move(at));
            throw;
        }
    }

    std::string& text() { return out_; }

private:
    void append(const std::string& s)
    {
        reserve_memory(s.size());
        out_ += s;
    }

    // A str, None, a bool, an int or a float written; false for anything else
    bool scalar(const value& v)
    {
        rt_.check_native_stack();
        rt_.charge_work(4);
        switch (v.kind) {
        case value_kind::none: out_ += "null"; return true;
        case value_kind::boolean: out_ += v.b ? "true" : "false"; return true;
        case value_kind::integer: append(int_to_decimal(v)); return true;
        case value_kind::floating: append(float_text(v.f)); return true;
        case value_kind::string: {
            const auto& s = v.as<string_object>().s;
            reserve_memory(json_text_size(s, o_.ensure_ascii));
            append_json_text(out_, s, o_.ensure_ascii);
            return true;
        }
        default: return false;
        }
    }

    // float.__repr__, or JavaScript's names for what JSON has none (allow_nan=False: ValueError, whose
    // words the C encoder and json/encoder.py's floatstr() say differently)
    std::string float_text(double d) const
    {
        if (std::isfinite(d)) return float_repr(d);
        if (!o_.allow_nan) {
            if (!python_frames_) raise_error("ValueError", "Out of range float values are not JSON compliant");
            raise_from_library("ValueError", "Out of range float values are not JSON compliant: " + float_repr(d),
                               {library_frame("floatstr", 240, json_encoder_py, "raise ValueError(")});
        }
        return std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    // A container met again inside itself: check_circular's markers, by identity
    struct marker {
        json_encoder& e;
        const object* o = nullptr;
        marker(json_encoder& encoder, const object* obj) : e(encoder)
        {
            if (!e.o_.check_circular) return;
            e.rt_.charge_work(e.open_.size());  // a search of the containers open around this one
            for (const object* open : e.open_)
                if (open == obj) raise_error("ValueError", "Circular reference detected");
            e.open_.push_back(obj);
            o = obj;
        }
        ~marker()
        {
            if (o) e.open_.pop_back();
        }
        marker(const marker&) = delete;
        marker& operator=(const marker&) = delete;
    };

    // The newline and indentation of a level (indent= given)
    void newline(std::size_t level)
    {
        out_ += '\n';
        reserve_memory(o_.indent.size() * level);
        for (std::size_t k = 0; k < level; ++k) out_ += o_.indent;
    }

    // A recursion level of CPython's, as its C encoder enters one per list and dict (and the work of
    // entering it and of leaving it: an error thrown a thousand levels down unwinds each of them)
    struct level_scope {
        c_level_scope c;
        explicit level_scope(runtime& rt) : c(rt, " while encoding a JSON object") { rt.charge_work(256); }
    };

    // A list's or a dict's item that is itself a container or another object: what _iterencode_list
    // and _iterencode_dict hand to the generator for it (`yield from chunks`)
    void nested(const value& v, std::size_t level)
    {
        if (v.is(value_kind::list) || v.is(value_kind::tuple)) encode_list(v, level);
        else if (v.is(value_kind::dict)) encode_dict(v, level);
        else encode(v, level);
    }

    void encode_list(const value& v, std::size_t level)
    {
        const std::vector<value> items = v.as<sequence_object>().items;  // a default() may change the list
        if (items.empty()) {
            out_ += "[]";
            return;
        }
        traceback_entry at = library_frame("_iterencode_list", 285, json_encoder_py, "raise ValueError(\"Circular reference detected\")");
        try {
            marker m(*this, v.obj.get());
            level_scope depth(rt_);
            out_ += '[';
            if (o_.indented) newline(level + 1);
            for (std::size_t k = 0; k < items.size(); ++k) {
                if (k) {
                    out_ += o_.item_separator;
                    if (o_.indented) newline(level + 1);
                }
                const value& item = items[k];
                if (item.is(value_kind::integer)) at = library_frame("_iterencode_list", 314, json_encoder_py, "yield buf + _intstr(value)", "_intstr(value)");
                else if (item.is(value_kind::floating)) at = library_frame("_iterencode_list", 317, json_encoder_py, "yield buf + _floatstr(value)", "_floatstr(value)");
                else at = library_frame("_iterencode_list", 326, json_encoder_py, "yield from chunks");
                if (!scalar(item)) nested(item, level + 1);
            }
            if (o_.indented) newline(level);
            out_ += ']';
        } catch (python_error& e) {
            if (python_frames_) add_frame(e, std::move(at));
            throw;
        }
    }

    // A key as JSON has them: a str, or the text of a float, bool, None or int
    bool key_text(const value& key, std::string& text, traceback_entry& at)
    {
        switch (key.kind) {
        case value_kind::string: text = key.as<string_object>().s; return true;
        case value_kind::floating:
            at = library_frame("_iterencode_dict", 364, json_encoder_py, "key = _floatstr(key)", "_floatstr(key)");
            text = float_text(key.f);
            return true;
        case value_kind::boolean: text = key.b ? "true" : "false"; return true;
        case value_kind::none: text = "null"; return true;
        case value_kind::integer:
            at = library_frame("_iterencode_dict", 373, json_encoder_py, "key = _intstr(key)", "_intstr(key)");
            text = int_to_decimal(key);
            return true;
        default:
            if (o_.skipkeys) return false;
            at = library_frame("_iterencode_dict", 377, json_encoder_py, "raise TypeError(f'keys must be str, int, float, bool or None, '");
            raise_error("TypeError", "keys must be str, int, float, bool or None, not " + type_name(key));
        }
    }

    void encode_dict(const value& v, std::size_t level)
    {
        const auto& d = v.as<dict_object>();
        if (d.used == 0) {
            out_ += "{}";
            return;
        }
        traceback_entry at = library_frame("_iterencode_dict", 341, json_encoder_py, "raise ValueError(\"Circular reference detected\")");
        try {
            marker m(*this, v.obj.get());
            level_scope depth(rt_);
            // The items first (CPython's PyMapping_Items), sorted as sorted(d.items()) sorts them
            std::vector<value> items;
            items.reserve(d.used);
            for (const auto& e : d.entries)
                if (!e.key.is_unbound()) items.push_back(value::tuple({e.key, e.item}));
            at = library_frame("_iterencode_dict", 354, json_encoder_py, "items = sorted(dct.items())", "sorted(dct.items())");
            if (o_.sort_keys) rt_.sort_values(items);
            out_ += '{';
            if (o_.indented) newline(level + 1);
            bool first = true;
            std::string key;
            for (const auto& item : items) {
                const auto& pair = item.as<sequence_object>().items;
                if (!key_text(pair[0], key, at)) continue;
                if (!first) {
                    out_ += o_.item_separator;
                    if (o_.indented) newline(level + 1);
                }
                first = false;
                reserve_memory(json_text_size(key, o_.ensure_ascii) + o_.key_separator.size() + o_.item_separator.size());
                append_json_text(out_, key, o_.ensure_ascii);
                out_ += o_.key_separator;
                const value& item_value = pair[1];
                if (item_value.is(value_kind::integer)) at = library_frame("_iterencode_dict", 395, json_encoder_py, "yield _intstr(value)", "_intstr(value)");
                else if (item_value.is(value_kind::floating)) at = library_frame("_iterencode_dict", 398, json_encoder_py, "yield _floatstr(value)", "_floatstr(value)");
                else at = library_frame("_iterencode_dict", 406, json_encoder_py, "yield from chunks");
                if (!scalar(item_value)) nested(item_value, level + 1);
            }
            if (o_.indented) newline(level);
            out_ += '}';
        } catch (python_error& e) {
            if (python_frames_) add_frame(e, std::move(at));
            throw;
        }
    }

    // What JSON has no form for: default(o)'s result, encoded in its place (TypeError without one)
    void encode_other(const value& v, std::size_t level, traceback_entry& at)
    {
        if (v.is(value_kind::instance)) {
            // A program's subclass of dict or list would be encoded as one: not modelled
            for (const auto* c : v.as<instance_object>().cls->mro)
                if (c->module == "builtins") raise_unsupported("json.dumps of an instance of a subclass of a builtin type");
        }
        at = library_frame("_iterencode", 437, json_encoder_py, "raise ValueError(\"Circular reference detected\")");
        marker m(*this, v.obj.get());
        level_scope depth(rt_);
        at = library_frame("_iterencode", 439, json_encoder_py, "o = _default(o)", "_default(o)");
        if (!o_.has_default)
            raise_from_library("TypeError", "Object of type " + type_name(v) + " is not JSON serializable",
                               {library_frame("default", 180, json_encoder_py, "raise TypeError(f'Object of type {o.__class__.__name__} '")});
        const value replaced = rt_.call_sync(o_.default_function, {v});
        at = library_frame("_iterencode", 440, json_encoder_py, "yield from _iterencode(o, _current_indent_level)");
        encode(replaced, level);
    }

    runtime& rt_;
    encoder_options& o_;
    const bool python_frames_;
    std::string out_;
    std::vector<const object*> open_;
};

value runtime::json_dumps(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (args.size() != 1) {
        if (args.empty()) raise_error("TypeError", "dumps() missing 1 required positional argument: 'obj'");
        raise_error("TypeError", "dumps() takes 1 positional argument but " + std::to_string(args.size()) + " were given");
    }
    encoder_options o;
    value indent = value::none(), separators = value::none();
    bool defaults = true;  // no option given that differs from the cached encoder's (json/__init__.py's first branch)
    for (auto& [name, v] : kwargs) {
        if (name == "skipkeys") o.skipkeys = truthy(v), defaults = defaults && !o.skipkeys;
        else if (name == "ensure_ascii") o.ensure_ascii = truthy(v), defaults = defaults && o.ensure_ascii;
        else if (name == "check_circular") o.check_circular = truthy(v), defaults = defaults && o.check_circular;
        else if (name == "allow_nan") o.allow_nan = truthy(v), defaults = defaults && o.allow_nan;
        else if (name == "sort_keys") o.sort_keys = truthy(v), defaults = defaults && !o.sort_keys;
        else if (name == "indent") indent = v, defaults = defaults && v.is(value_kind::none);
        else if (name == "separators") separators = v, defaults = defaults && v.is(value_kind::none);
        else if (name == "default") {
            o.has_default = !v.is(value_kind::none);
            o.default_function = v;
            defaults = defaults && !o.has_default;
        } else if (name == "cls") {
            if (!v.is(value_kind::none)) raise_unsupported("json.dumps with cls=");
        } else {
            raise_from_library("TypeError", "JSONEncoder.__init__() got an unexpected keyword argument '" + name + "'",
                               {library_frame("dumps", 234, json_init_py, "return cls(", "cls(")});
        }
    }
    if (!indent.is(value_kind::none)) {
        o.indented = true;
        o.item_separator = ",";
        if (indent.is(value_kind::string)) {
            o.indent = indent.as<string_object>().s;
        } else if (indent.is(value_kind::integer) || indent.is(value_kind::boolean)) {
            // ' ' * indent
            const auto n = small_int(indent);
            if (!n) raise_unsupported("json.dumps with an indent= beyond 64 bits");
            if (*n > 0) {
                reserve_memory(static_cast<std::size_t>(*n));
                o.indent.assign(static_cast<std::size_t>(*n), ' ');
            }
        } else {
            raise_unsupported("json.dumps with an indent= that is neither an int nor a str");
        }
    }
    if (!separators.is(value_kind::none)) {
        std::vector<value> pair;
        if (separators.is(value_kind::tuple) || separators.is(value_kind::list)) pair = separators.as<sequence_object>().items;
        if (pair.size() != 2 || !pair[0].is(value_kind::string) || !pair[1].is(value_kind::string))
            raise_unsupported("json.dumps with separators= other than two strs");
        o.item_separator = pair[0].as<string_object>().s;
        o.key_separator = pair[1].as<string_object>().s;
    }
    // CPython's recursion levels on the way in: dumps, JSONEncoder.encode and iterencode are Python
    // frames, then iterencode calls the C encoder (with indent=, list() drawing from the Python one)
    c_level_scope dumps_frame(*this, ""), encode_frame(*this, ""), iterencode_frame(*this, "");
    c_level_scope encoder_call(*this, " while calling a Python object");
    json_encoder e(*this, o);
    try {
        e.encode(args[0], 0);
    } catch (python_error& error) {
        if (o.indented) {
            add_frame(error, library_frame("encode", 202, json_encoder_py, "chunks = list(chunks)", "list(chunks)"));
        } else {
            add_frame(error, library_frame("iterencode", 258, json_encoder_py, "return _iterencode(o, 0)", "_iterencode(o, 0)"));
            add_frame(error, library_frame("encode", 200, json_encoder_py, "chunks = self.iterencode(o, _one_shot=True)", "self.iterencode(o, _one_shot=True)"));
        }
        add_frame(error, defaults ? library_frame("dumps", 231, json_init_py, "return _default_encoder.encode(obj)", "_default_encoder.encode(obj)")
                                  : library_frame("dumps", 238, json_init_py, "**kw).encode(obj)", "encode(obj)"));
        throw;
    }
    return value::string(std::move(e.text()));
}

// ---- loads ----

namespace {

// JSONDecodeError(msg, doc, pos): its message says where, by line and column, in code points
value make_decode_error(const std::string& msg, const value& doc, std::int64_t pos)
{
    const std::string& s = doc.as<string_object>().s;
    std::int64_t line = 1, column = pos + 1, at = 0;
    std::size_t byte = 0;
    while (at < pos && byte < s.size()) {
        const std::uint32_t c = next_code_point(s, byte);
        ++at;
        if (c == '\n') {
            ++line;
            column = pos - at + 1;
        }
    }
    auto e = make_ref<exception_object>();
    e->type = json_decode_error_type();
    const std::string text = msg + ": line " + std::to_string(line) + " column " + std::to_string(column) + " (char " + std::to_string(pos) + ")";
    e->args.push_back(value::string(text));
    e->attributes.set("msg", value::string(msg));
    e->attributes.set("doc", doc);
    e->attributes.set("pos", value::integer(pos));
    e->attributes.set("lineno", value::integer(line));
    e->attributes.set("colno", value::integer(column));
    return value::of(value_kind::exception, e);
}

} // namespace

class runtime::json_decoder {
    // The C scanner's StopIteration(idx): no value starts at idx
    struct stop_iteration {
        std::size_t at;
    };

public:
    // object_hook, object_pairs_hook, parse_float, parse_int, parse_constant: unbound when not given
    struct hooks {
        value object = value::unbound(), pairs = value::unbound(), parse_float = value::unbound(), parse_int = value::unbound(),
              parse_constant = value::unbound();
        bool any() const { return !object.is_unbound() || !pairs.is_unbound() || !parse_float.is_unbound() || !parse_int.is_unbound() || !parse_constant.is_unbound(); }
    };

    json_decoder(runtime& rt, const value& doc, const hooks& h) : rt_(rt), doc_(doc), s_(doc.as<string_object>().s), hooks_(h) {}

    // decode(): the document's one value, whitespace around it, nothing after
    value decode(const std::string& unknown_keyword)
    {
        if (s_.size() >= 3 && s_.compare(0, 3, "\xef\xbb\xbf") == 0) {
            try {
                fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
            } catch (python_error& e) {
                add_frame(e, library_frame("loads", 335, json_init_py, "raise JSONDecodeError(\"Unexpected UTF-8 BOM (decode using utf-8-sig)\","));
                throw;
            }
        }
        if (!unknown_keyword.empty()) {
            // loads passes it on to JSONDecoder(**kw)
            raise_from_library("TypeError", "JSONDecoder.__init__() got an unexpected keyword argument '" + unknown_keyword + "'",
                               {library_frame("loads", 359, json_init_py, "return cls(**kw).decode(s)", "cls(**kw)")});
        }
        const auto loads_frame = hooks_.any() ? library_frame("loads", 359, json_init_py, "return cls(**kw).decode(s)", "cls(**kw).decode(s)")
                                              : library_frame("loads", 346, json_init_py, "return _default_decoder.decode(s)", "_default_decoder.decode(s)");
        const auto decode_frame = library_frame("decode", 337, json_decoder_py, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
                                                "self.raw_decode(s, idx=_w(s, 0).end())");
        std::size_t at = skip_space(0);
        value v;
        bool found = false;
        try {
            found = scan(at, v);
        } catch (stop_iteration& stop) {
            // No value where one must be, however deep: the scanner's StopIteration, out to raw_decode
            at = stop.at;
        } catch (python_error& e) {
            // Raised inside the C scanner
            add_frame(e, library_frame("raw_decode", 353, json_decoder_py, "obj, end = self.scan_once(s, idx)", "self.scan_once(s, idx)"));
            add_frame(e, decode_frame);
            add_frame(e, loads_frame);
            throw;
        }
        if (!found) {
            // raw_decode's `raise JSONDecodeError(...) from None` of the scanner's StopIteration
            try {
                fail("Expecting value", at);
            } catch (python_error& e) {
                auto& rare = e.exc.as<exception_object>().rare_for_writing();
                rare.cause = value::none();
                rare.suppress_context = true;
                add_frame(e, library_frame("raw_decode", 355, json_decoder_py, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None"));
                add_frame(e, decode_frame);
                add_frame(e, loads_frame);
                throw;
            }
        }
        at = skip_space(at);
        if (at != s_.size()) {
            try {
                fail("Extra data", at);
            } catch (python_error& e) {
                add_frame(e, library_frame("decode", 340, json_decoder_py, "raise JSONDecodeError(\"Extra data\", s, end)"));
                add_frame(e, loads_frame);
                throw;
            }
        }
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& msg, std::size_t byte) const
    {
        // The position in code points, as a str counts them
        const auto pos = static_cast<std::int64_t>(code_point_count(std::string_view(s_).substr(0, byte)));
        throw python_error{make_decode_error(msg, doc_, pos)};
    }

    std::size_t skip_space(std::size_t at) const
    {
        while (at < s_.size() && (s_[at] == ' ' || s_[at] == '\t' || s_[at] == '\n' || s_[at] == '\r')) ++at;
        return at;
    }

    bool starts(std::size_t at, std::string_view word) const { return s_.compare(at, word.size(), word) == 0; }

    // scan_once: the value at `at` (at moves past it), false where none starts (StopIteration)
    bool scan(std::size_t& at, value& out)
    {
        rt_.charge_work(4);
        if (at >= s_.size()) return false;
        switch (s_[at]) {
        case '"': out = value::string(scan_string(at)); return true;
        case '{': out = scan_object(at); return true;
        case '[': out = scan_array(at); return true;
        case 'n':
            if (!starts(at, "null")) return false;
            at += 4;
            out = value::none();
            return true;
        case 't':
            if (!starts(at, "true")) return false;
            at += 4;
            out = value::boolean(true);
            return true;
        case 'f':
            if (!starts(at, "false")) return false;
            at += 5;
            out = value::boolean(false);
            return true;
        case 'N':
            if (!starts(at, "NaN")) return false;
            at += 3;
            out = constant("NaN", std::nan(""));
            return true;
        case 'I':
            if (!starts(at, "Infinity")) return false;
            at += 8;
            out = constant("Infinity", HUGE_VAL);
            return true;
        case '-':
            if (starts(at, "-Infinity")) {
                at += 9;
                out = constant("-Infinity", -HUGE_VAL);
                return true;
            }
            return scan_number(at, out);
        default: return scan_number(at, out);
        }
    }

    // NaN, Infinity, -Infinity: a float, or parse_constant(text)
    value constant(const char* text, double d)
    {
        if (hooks_.parse_constant.is_unbound()) return value::floating(d);
        return rt_.call_sync(hooks_.parse_constant, {value::string(text)});
    }

    bool digit(std::size_t at) const { return at < s_.size() && s_[at] >= '0' && s_[at] <= '9'; }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?: an int, or a float with a fraction or exponent
    bool scan_number(std::size_t& at, value& out)
    {
        std::size_t end = at;
        if (end < s_.size() && s_[end] == '-') ++end;
        if (!digit(end)) return false;
        if (s_[end] == '0') ++end;
        else
            while (digit(end)) ++end;
        bool is_float = false;
        if (end + 1 < s_.size() && s_[end] == '.' && digit(end + 1)) {
            is_float = true;
            end += 2;
            while (digit(end)) ++end;
        }
        if (end < s_.size() && (s_[end] == 'e' || s_[end] == 'E')) {
            std::size_t e = end + 1;
            if (e < s_.size() && (s_[e] == '-' || s_[e] == '+')) ++e;
            if (digit(e)) {
                while (digit(e)) ++e;
                is_float = true;
                end = e;
            }
        }
        const std::string_view text(s_.data() + at, end - at);
        rt_.charge_work(text.size());
        if (is_float && !hooks_.parse_float.is_unbound()) {
            out = rt_.call_sync(hooks_.parse_float, {value::string(std::string(text))});
        } else if (!is_float && !hooks_.parse_int.is_unbound()) {
            out = rt_.call_sync(hooks_.parse_int, {value::string(std::string(text))});
        } else if (is_float) {
            out = value::floating(std::strtod(std::string(text).c_str(), nullptr));
        } else {
            auto n = int_from_text(text, 10);
            if (!n) return false;
            out = std::move(*n);
        }
        at = end;
        return true;
    }

    // Four hex digits of a \u escape at `at`, or -1
    int hex4(std::size_t at) const
    {
        if (at + 4 > s_.size()) return -1;
        int v = 0;
        for (std::size_t k = at; k < at + 4; ++k) {
            const char c = s_[k];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else return -1;
        }
        return v;
    }

    // scanstring: `at` is the opening quote; moves past the closing one
    std::string scan_string(std::size_t& at)
    {
        const std::size_t begin = at;
        std::string text;
        std::size_t k = at + 1;
        for (;;) {
            if (k >= s_.size()) fail("Unterminated string starting at", begin);
            const auto c = static_cast<unsigned char>(s_[k]);
            if (c == '"') break;
            if (c < 0x20) fail("Invalid control character at", k);
            if (c != '\\') {
                text += static_cast<char>(c);
                ++k;
                continue;
            }
            const std::size_t backslash = k;
            if (k + 1 >= s_.size()) fail("Unterminated string starting at", begin);
            const char e = s_[k + 1];
            k += 2;
            switch (e) {
            case '"': text += '"'; continue;
            case '\\': text += '\\'; continue;
            case '/': text += '/'; continue;
            case 'b': text += '\b'; continue;
            case 'f': text += '\f'; continue;
            case 'n': text += '\n'; continue;
            case 'r': text += '\r'; continue;
            case 't': text += '\t'; continue;
            case 'u': break;
            default: fail("Invalid \\escape", backslash);
            }
            int unit = hex4(k);
            if (unit < 0) fail("Invalid \\uXXXX escape", k - 1);
            k += 4;
            std::uint32_t code = static_cast<std::uint32_t>(unit);
            if (unit >= 0xd800 && unit <= 0xdbff && k + 1 < s_.size() && s_[k] == '\\' && s_[k + 1] == 'u') {
                const int low = hex4(k + 2);
                if (low < 0) fail("Invalid \\uXXXX escape", k + 1);
                if (low >= 0xdc00 && low <= 0xdfff) {
                    code = 0x10000 + ((static_cast<std::uint32_t>(unit) - 0xd800) << 10) + (static_cast<std::uint32_t>(low) - 0xdc00);
                    k += 6;
                }
            }
            if (code >= 0xd800 && code <= 0xdfff) raise_unsupported("json.loads of a lone surrogate (\\ud800-\\udfff)");
            text += encode_utf8(code);
        }
        rt_.charge_work(k - at);
        reserve_memory(text.size());
        at = k + 1;
        return text;
    }

    // A nesting level: CPython's recursion level, and the work of entering it and of leaving it (an
    // error thrown from a thousand levels down unwinds each of them)
    struct level_scope {
        c_level_scope c;
        level_scope(runtime& rt, const char* where) : c(rt, where) { rt.charge_work(256); }
    };

    value scan_object(std::size_t& at)
    {
        rt_.check_native_stack();
        level_scope depth(rt_, " while decoding a JSON object from a unicode string");
        // object_pairs_hook is given the pairs in order (a key twice, twice); otherwise a dict, the
        // last of a key's values in its first place, to object_hook if there is one
        const bool pairs = !hooks_.pairs.is_unbound();
        value d = pairs ? value::list({}) : make_dict();
        std::size_t k = skip_space(at + 1);
        if (k >= s_.size() || s_[k] != '}') {
            while (k < s_.size()) {
                if (s_[k] != '"') fail("Expecting property name enclosed in double quotes", k);
                value key = value::string(scan_string(k));
                k = skip_space(k);
                if (k >= s_.size() || s_[k] != ':') fail("Expecting ':' delimiter", k);
                k = skip_space(k + 1);
                value item;
                if (!scan(k, item)) throw stop_iteration{k};
                if (pairs) {
                    reserve_memory(sizeof(value));
                    d.as<sequence_object>().items.push_back(value::tuple({std::move(key), std::move(item)}));
                } else {
                    rt_.store_subscript(d, key, std::move(item));
                }
                k = skip_space(k);
                if (k < s_.size() && s_[k] == '}') break;
                if (k >= s_.size() || s_[k] != ',') fail("Expecting ',' delimiter", k);
                k = skip_space(k + 1);
            }
            if (k >= s_.size() || s_[k] != '}') fail("Expecting property name enclosed in double quotes", k);
        }
        at = k + 1;
        if (pairs) return rt_.call_sync(hooks_.pairs, {std::move(d)});
        if (!hooks_.object.is_unbound()) return rt_.call_sync(hooks_.object, {std::move(d)});
        return d;
    }

    value scan_array(std::size_t& at)
    {
        rt_.check_native_stack();
        level_scope depth(rt_, " while decoding a JSON array from a unicode string");
        std::vector<value> items;
        std::size_t k = skip_space(at + 1);
        if (k >= s_.size() || s_[k] != ']') {
            while (k < s_.size()) {
                value item;
                if (!scan(k, item)) throw stop_iteration{k};
                reserve_memory(sizeof(value));
                items.push_back(std::move(item));
                k = skip_space(k);
                if (k < s_.size() && s_[k] == ']') break;
                if (k >= s_.size() || s_[k] != ',') fail("Expecting ',' delimiter", k);
                k = skip_space(k + 1);
            }
            if (k >= s_.size() || s_[k] != ']') fail("Expecting value", k);
        }
        at = k + 1;
        return value::list(std::move(items));
    }

    runtime& rt_;
    const value& doc_;
    const std::string& s_;
    const hooks& hooks_;
};

value runtime::json_loads(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (args.size() != 1) {
        if (args.empty()) raise_error("TypeError", "loads() missing 1 required positional argument: 's'");
        raise_error("TypeError", "loads() takes 1 positional argument but " + std::to_string(args.size()) + " were given");
    }
    json_decoder::hooks h;
    std::string unknown;  // the first keyword loads does not know
    for (auto& [name, v] : kwargs) {
        value* hook = name == "object_hook" ? &h.object : name == "object_pairs_hook" ? &h.pairs : name == "parse_float" ? &h.parse_float
                    : name == "parse_int" ? &h.parse_int : name == "parse_constant" ? &h.parse_constant : nullptr;
        if (hook) {
            if (!v.is(value_kind::none)) *hook = v;
        } else if (name == "cls") {
            if (!v.is(value_kind::none)) raise_unsupported("json.loads with cls=");
        } else if (unknown.empty()) {
            unknown = name;
        }
    }
    if (!args[0].is(value_kind::string))
        raise_from_library("TypeError", "the JSON object must be str, bytes or bytearray, not " + type_name(args[0]),
                           {library_frame("loads", 339, json_init_py, "raise TypeError(f'the JSON object must be str, bytes or bytearray, '")});
    // CPython's recursion levels on the way in: loads is a Python frame that calls s.startswith (C),
    // then JSONDecoder.decode (Python), which calls WHITESPACE.match (C) and then raw_decode (Python),
    // which calls the C scanner
    c_level_scope loads_frame(*this, "");
    { c_level_scope startswith(*this, " while calling a Python object"); }
    c_level_scope decode_frame(*this, "");
    { c_level_scope whitespace_match(*this, " while calling a Python object"); }
    c_level_scope raw_decode_frame(*this, "");
    c_level_scope scanner_call(*this, " while calling a Python object");
    json_decoder d(*this, args[0], h);
    return d.decode(unknown);
}

// JSONDecodeError(msg, doc, pos) made by a program: JSONDecodeError.__init__'s message and attributes
value runtime::new_json_decode_error(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    auto signature = python_signature("JSONDecodeError.__init__", {"self", "msg", "doc", "pos"}, {});
    args.insert(args.begin(), value::none());
    std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
    if (!bound[1].is(value_kind::string) || !bound[2].is(value_kind::string) || !bound[3].is(value_kind::integer) || bound[3].obj ||
        bound[3].i < 0)
        raise_unsupported("json.JSONDecodeError(msg, doc, pos) other than of two strs and an int from 0");
    return make_decode_error(bound[1].as<string_object>().s, bound[2], bound[3].i);
}

} // namespace loopscope::engine
