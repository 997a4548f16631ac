// Named tuples as CPython 3.11 makes them: collections.namedtuple() (Lib/collections/__init__.py) and
// typing.NamedTuple's class syntax (Lib/typing.py's NamedTupleMeta). The class is a class_object whose
// namespace holds what namedtuple() generates — a field getter per field (_tuplegetter), _fields,
// _field_defaults, __match_args__, __slots__, __repr__, _asdict, _replace, _make — so that a program's
// subclass (methods, properties, its own __repr__/__str__) finds them along its MRO as CPython's does.
// Its instances are tuples (named_tuple_object): indexing, unpacking, comparison, hashing, `+` and
// slicing are a tuple's own.
#include "classes.hpp"
#include "dicts.hpp"
#include "functools_module.hpp"
#include "parser.hpp"
#include "runtime.hpp"

#include "code.hpp"
#include "integers.hpp"

#include <algorithm>
#include <unordered_set>

namespace loopscope::engine {

namespace {

using keywords = std::vector<std::pair<std::string, value>>;

// str.isidentifier() for ASCII text; text beyond ASCII needs Unicode's tables
bool is_identifier(const std::string& s)
{
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (c >= 0x80) raise_unsupported("a namedtuple name beyond ASCII");
    if (std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::string quoted(const std::string& s) { return repr(value::string(s)); }

// namedtuple()'s __doc__: 'Point(x, y)', 'One(x,)'
std::string class_doc_text(const std::string& name, const std::vector<std::string>& fields)
{
    std::string doc = name + "(";
    for (std::size_t k = 0; k < fields.size(); ++k) doc += (k ? ", " : "") + fields[k];
    if (fields.size() == 1) doc += ",";
    return doc + ")";
}

// Does a function of a class body (or one nested in it) name `super` or `__class__`? CPython's
// compiler gives such a body a __classcell__
bool uses_class_cell(const code_object& code, int depth = 0)
{
    if (depth > 100) return false;
    for (const auto& n : code.names)
        if (n == "super" || n == "__class__") return true;
    for (const auto& n : code.free_names)
        if (n == "__class__") return true;
    for (const auto& f : code.functions)
        if (f && uses_class_cell(*f, depth + 1)) return true;
    return false;
}

// What one field costs the class being made, measured (session 27: about a microsecond a field on
// this project's machine, 660 bytes of getter, names, tuples and table): its work is charged as 64
// steps, its memory asked of the bound, before anything is made. namedtuple() of 30,000 fields held
// the thread 67 ms in one operation when a field was charged half a step; max_operation_steps now
// ends a class of some 1,400 fields or more.
constexpr std::size_t named_tuple_field_work = 64 * 16;
constexpr std::size_t named_tuple_field_bytes = 660;
void charge_named_tuple_fields(std::size_t count)
{
    charge_work(count * named_tuple_field_work);
    reserve_memory(count * named_tuple_field_bytes);
}

value field_names_tuple(const named_tuple_spec& spec)
{
    std::vector<value> names;
    names.reserve(spec.fields.size());
    for (const auto& f : spec.fields) names.push_back(value::string(f));
    return value::tuple(std::move(names));
}

} // namespace

// The generated methods, named after the namedtuple's typename (Point._asdict)
value runtime::named_tuple_method(const std::string& name)
{
    value f = make_builtin(named_tuple_method_id(), name);
    f.as<builtin_object>().python_function = true;
    return f;
}

// The namespace namedtuple() gives its class (and typing.NamedTuple's class)
void runtime::fill_named_tuple_class(class_object& cls, std::shared_ptr<named_tuple_spec> spec)
{
    auto& a = cls.attributes;
    a.set("__slots__", value::tuple({}));
    a.set("_fields", field_names_tuple(*spec));
    value defaults = make_dict();
    const std::size_t first_default = spec->fields.size() - spec->defaults.size();
    for (std::size_t k = 0; k < spec->defaults.size(); ++k)
        store_subscript(defaults, value::string(spec->fields[first_default + k]), spec->defaults[k]);
    a.set("_field_defaults", defaults);
    a.set("__match_args__", field_names_tuple(*spec));
    a.set("__repr__", named_tuple_method("__repr__"));
    a.set("_asdict", named_tuple_method("_asdict"));
    a.set("_replace", named_tuple_method("_replace"));
    auto make = make_ref<descriptor_object>();
    make->what = descriptor_object::kind::class_method;
    make->function = named_tuple_method("_make");
    a.set("_make", value::of(value_kind::descriptor, make));
    for (std::size_t k = 0; k < spec->fields.size(); ++k) {
        auto getter = make_ref<descriptor_object>();
        getter->what = descriptor_object::kind::tuple_getter;
        getter->function = value::integer(static_cast<std::int64_t>(k));
        getter->name = spec->fields[k];
        a.set(spec->fields[k], value::of(value_kind::descriptor, getter));
    }
    cls.named_tuple = std::move(spec);
}

// collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
value runtime::new_named_tuple_class(std::vector<value>& args, keywords& kwargs)
{
    auto signature = python_signature("namedtuple", {"typename", "field_names", "rename", "defaults", "module"}, {});
    signature->code->param_count = 2;
    signature->code->keyword_only = 3;
    signature->code->keyword_only_has_default = {true, true, true};
    signature->kw_defaults = {value::boolean(false), value::none(), value::none()};
    std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
    args.clear();
    kwargs.clear();
    std::vector<std::string> fields;
    value names = bound[1];
    if (names.is(value_kind::string)) {
        // field_names.replace(',', ' ').split()
        std::string text = names.as<string_object>().s;
        std::replace(text.begin(), text.end(), ',', ' ');
        std::string word;
        for (char c : text + " ") {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                if (!word.empty()) fields.push_back(std::move(word));
                word.clear();
            } else {
                if (static_cast<unsigned char>(c) >= 0x80) raise_unsupported("namedtuple field names beyond ASCII");
                word += c;
            }
        }
    } else {
        const std::vector<value> given = to_vector(names);
        charge_named_tuple_fields(given.size());
        for (const auto& f : given) {
            if (f.is(value_kind::instance)) raise_unsupported("a namedtuple field name that is an object of a program's class");
            fields.push_back(str(f));
        }
    }
    if (names.is(value_kind::string)) charge_named_tuple_fields(fields.size());
    check_items(fields.size());
    const std::string typename_ = bound[0].is(value_kind::instance) ? (raise_unsupported("a namedtuple typename that is an object of a program's class"), std::string())
                                                                     : str(bound[0]);
    const bool rename = truthy(bound[2]);
    if (rename) {
        std::unordered_set<std::string> seen;
        for (std::size_t k = 0; k < fields.size(); ++k) {
            const std::string name = fields[k];
            if (!is_identifier(name) || is_python_keyword(name) || name[0] == '_' || seen.count(name))
                fields[k] = "_" + std::to_string(k);
            seen.insert(name);
        }
    }
    std::vector<std::string> all{typename_};
    all.insert(all.end(), fields.begin(), fields.end());
    for (const auto& name : all) {
        if (!is_identifier(name)) raise_error("ValueError", "Type names and field names must be valid identifiers: " + quoted(name));
        if (is_python_keyword(name)) raise_error("ValueError", "Type names and field names cannot be a keyword: " + quoted(name));
    }
    std::unordered_set<std::string> seen;
    for (const auto& name : fields) {
        if (name[0] == '_' && !rename) raise_error("ValueError", "Field names cannot start with an underscore: " + quoted(name));
        if (!seen.insert(name).second) raise_error("ValueError", "Encountered duplicate field name: " + quoted(name));
    }
    auto spec = std::make_shared<named_tuple_spec>();
    spec->typename_ = typename_;
    spec->fields = std::move(fields);
    if (!bound[3].is(value_kind::none)) {
        spec->defaults = to_vector(bound[3]);
        if (spec->defaults.size() > spec->fields.size()) raise_error("TypeError", "Got more default values than field names");
    }
    auto cls = make_class(typename_, typename_, {});
    if (!bound[4].is(value_kind::none)) {
        if (!bound[4].is(value_kind::string)) raise_unsupported("a namedtuple module that is not a str");
        cls->module = bound[4].as<string_object>().s;
    }
    cls->doc = value::string(class_doc_text(typename_, spec->fields));
    fill_named_tuple_class(*cls, std::move(spec));
    std::string conflict;
    compute_mro(*cls, conflict);
    return value::of(value_kind::class_type, cls);
}

// typing.NamedTuple('Name', [('field', type), ...]) or NamedTuple('Name', field=type, ...)
value runtime::new_typing_named_tuple(std::vector<value>& args, keywords& kwargs)
{
    if (args.empty()) raise_error("TypeError", "NamedTuple() missing 1 required positional argument: 'typename'");
    if (args.size() > 2) raise_error("TypeError", "NamedTuple() takes from 1 to 2 positional arguments but " + std::to_string(args.size()) + " were given");
    std::vector<value> names;
    if (args.size() == 2 && !args[1].is(value_kind::none)) {
        if (!kwargs.empty()) raise_error("TypeError", "Either list of fields or keywords can be provided to NamedTuple, not both");
        for (const auto& pair : to_vector(args[1])) {
            std::vector<value> items;
            try {
                items = to_vector(pair);
            } catch (python_error& e) {
                // `for name, type in fields`: unpacking's words
                if (is_instance_of(e.exc, "TypeError") && !pair.is(value_kind::instance))
                    raise_error("TypeError", "cannot unpack non-iterable " + type_name(pair) + " object");
                throw;
            }
            if (items.size() != 2) raise_error("ValueError", items.size() < 2 ? "not enough values to unpack (expected 2, got " + std::to_string(items.size()) + ")"
                                                                              : "too many values to unpack (expected 2)");
            names.push_back(items[0]);
        }
    } else {
        for (auto& [name, type] : kwargs) names.push_back(value::string(name));
        kwargs.clear();
    }
    std::vector<value> call{args[0], value::list(std::move(names))};
    keywords none;
    value cls = new_named_tuple_class(call, none);
    return cls;
}

// A class whose bases lead to a named tuple class, or `class P(NamedTuple)`, as its body finished it:
// what the engine models of such a class, and CPython's checks
void runtime::finish_named_tuple_class(class_object& cls)
{
    if (cls.from_typing_named_tuple) {
        // NamedTupleMeta: the annotations are the fields, their class attributes the defaults
        auto spec = std::make_shared<named_tuple_spec>();
        spec->typename_ = cls.name;
        std::string default_names;
        for (const auto& field : cls.annotations) {
            charge_work(1);
            if (const value* d = cls.attributes.find(field)) {
                spec->defaults.push_back(*d);
                default_names += (default_names.empty() ? "" : ", ") + field;
            } else if (!spec->defaults.empty()) {
                raise_error("TypeError", "Non-default namedtuple field " + field + " cannot follow default field" +
                                             (spec->defaults.size() > 1 ? "s " : " ") + default_names);
            }
            spec->fields.push_back(field);
        }
        // Then namedtuple()'s checks of the names, then the body's names NamedTupleMeta will not copy
        for (const auto& field : spec->fields)
            if (!field.empty() && field[0] == '_') raise_error("ValueError", "Field names cannot start with an underscore: " + quoted(field));
        static const char* prohibited[] = {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"};
        for (const auto& [name, v] : cls.attributes.entries)
            for (const char* p : prohibited)
                if (name == p) raise_error("AttributeError", std::string("Cannot overwrite NamedTuple attribute ") + name);
        if (cls.doc.is(value_kind::none)) cls.doc = value::string(class_doc_text(cls.name, spec->fields));
        // A body whose functions use super() or __class__ has a __classcell__ that NamedTupleMeta drops
        for (const auto& [name, v] : cls.attributes.entries) {
            const value* f = &v;
            if (v.is(value_kind::descriptor)) f = &v.as<descriptor_object>().function;
            if (f->is(value_kind::function) && uses_class_cell(*f->as<function_object>().code))
                raise_error("RuntimeError", "__class__ not set defining '" + cls.name + "' as <class '" + cls.module + "." + cls.qualname +
                                                "'>. Was __classcell__ propagated to type.__new__?");
        }
        // The generated namespace, then the body's own names but the fields' defaults
        charge_named_tuple_fields(spec->fields.size());
        attribute_table body = std::move(cls.attributes);
        cls.attributes = attribute_table{};
        fill_named_tuple_class(cls, spec);
        for (auto& [name, v] : body.entries) {
            if (std::find(spec->fields.begin(), spec->fields.end(), name) != spec->fields.end()) continue;
            cls.attributes.set(name, v);
        }
    } else if (!cls.named_tuple && named_tuple_spec_of(cls)) {
        if (cls.bases.size() > 1) raise_unsupported("a class deriving from a named tuple beside other bases");
    }
    // What a named tuple's class may define for the engine: methods, properties, class attributes,
    // __repr__ and __str__, an empty __slots__
    for (const auto& [name, v] : cls.attributes.entries) {
        if (cls.named_tuple && (name == "__slots__" || name == "__repr__" || name == "__match_args__")) continue;
        if (name == "__slots__") {
            if ((v.is(value_kind::tuple) || v.is(value_kind::list)) && v.as<sequence_object>().items.empty()) continue;
            raise_unsupported("__slots__ naming attributes in a named tuple's subclass");
        }
        if (name.size() > 4 && name.compare(0, 2, "__") == 0 && name.compare(name.size() - 2, 2, "__") == 0 && name != "__repr__" &&
            name != "__str__" && name != "__module__" && name != "__qualname__" && name != "__doc__" && name != "__annotations__" && name != "__match_args__")
            raise_unsupported("'" + name + "' in a named tuple's class");
    }
}

// Point(1, 2): the generated __new__(_cls, x, y) binds the arguments
value runtime::construct_named_tuple(const ref<class_object>& cls, std::vector<value> args, keywords kwargs)
{
    const named_tuple_spec& spec = *named_tuple_spec_of(*cls);
    if (!spec.new_signature) {
        std::vector<std::string> params{"_cls"};
        params.insert(params.end(), spec.fields.begin(), spec.fields.end());
        spec.new_signature = python_signature((spec.typename_ + ".__new__").c_str(), std::move(params), spec.defaults);
    }
    // Binding looks each keyword up among the parameters by name
    charge_work(spec.fields.size() * (kwargs.size() + 1) / 4 + 1);
    args.insert(args.begin(), value::of(value_kind::class_type, cls));
    std::vector<value> bound = bind_arguments(*spec.new_signature, std::move(args), kwargs);
    bound.erase(bound.begin());
    return make_named_tuple(cls, std::move(bound));
}

value runtime::make_named_tuple(const ref<class_object>& cls, std::vector<value> items)
{
    auto nt = make_ref<named_tuple_object>(std::move(items), cls);
    return value::of(value_kind::tuple, nt);
}

// The generated methods: __repr__, _asdict, _replace, _make (a classmethod: its first argument the class)
value runtime::call_named_tuple_method(const std::string& name, std::vector<value>& args, keywords& kwargs)
{
    const named_tuple_spec* spec = nullptr;
    if (!args.empty()) {
        if (auto* nt = named_tuple_of(args[0])) spec = named_tuple_spec_of(*nt->cls);
        else if (args[0].is(value_kind::class_type)) spec = named_tuple_spec_of(args[0].as<class_object>());
    }
    if (!spec) raise_unsupported("a named tuple's " + name + " called on another object");
    const std::string qualname = spec->typename_ + "." + name;
    if (name == "_replace") {
        // _replace(self, /, **kwds)
        if (args.size() > 1) raise_error("TypeError", qualname + "() takes 1 positional argument but " + std::to_string(args.size()) + " were given");
        if (!named_tuple_of(args[0])) raise_unsupported("a named tuple's _replace called on its class");
        const auto& self = *named_tuple_of(args[0]);
        charge_work(spec->fields.size() * (kwargs.size() + 1) / 4 + 1);  // each field looked for among the keywords
        std::vector<value> items;
        for (std::size_t k = 0; k < spec->fields.size(); ++k) {
            auto given = std::find_if(kwargs.begin(), kwargs.end(), [&](const auto& kw) { return kw.first == spec->fields[k]; });
            if (given != kwargs.end()) {
                items.push_back(std::move(given->second));
                kwargs.erase(given);
            } else {
                items.push_back(self.items.at(k));
            }
        }
        if (!kwargs.empty()) {
            std::vector<value> left;
            for (auto& kw : kwargs) left.push_back(value::string(kw.first));
            kwargs.clear();
            raise_error("ValueError", "Got unexpected field names: " + repr(value::list(std::move(left))));
        }
        return make_named_tuple(self.cls, std::move(items));
    }
    std::vector<std::string> params{name == "_make" ? "cls" : "self"};
    if (name == "_make") params.push_back("iterable");
    auto signature = python_signature(qualname.c_str(), std::move(params), {});
    std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
    args.clear();
    kwargs.clear();
    if (name == "_make") {
        if (!bound[0].is(value_kind::class_type)) raise_unsupported("a named tuple's _make called on an instance of another class");
        std::vector<value> items = to_vector(bound[1]);
        if (items.size() != spec->fields.size())
            raise_error("TypeError", "Expected " + std::to_string(spec->fields.size()) + " arguments, got " + std::to_string(items.size()));
        return make_named_tuple(static_ref_cast<class_object>(bound[0].obj), std::move(items));
    }
    const auto* self = named_tuple_of(bound[0]);
    if (!self) raise_unsupported("a named tuple's " + name + " called on another object");
    if (name == "_asdict") {
        // dict(zip(self._fields, self)): the class's _fields, whatever it was set to
        const value* fields = self->cls->lookup("_fields");
        std::vector<value> names = fields ? to_vector(*fields) : std::vector<value>{};
        value d = make_dict();
        for (std::size_t k = 0; k < names.size() && k < self->items.size(); ++k) store_subscript(d, names[k], self->items[k]);
        return d;
    }
    if (name == "__repr__") return value::string(named_tuple_repr(bound[0]));
    raise_unsupported(qualname);
}

// The generated __repr__: self.__class__.__name__ + '(x=1, y=2)'
std::string runtime::named_tuple_repr(const value& v)
{
    const auto& nt = *named_tuple_of(v);
    const named_tuple_spec& spec = *named_tuple_spec_of(*nt.cls);
    if (std::find(named_tuples_in_repr_.begin(), named_tuples_in_repr_.end(), v.obj.get()) != named_tuples_in_repr_.end()) {
        if (quiet_repr_scope::active()) return "...";  // an event's text (a task's result): never the program's error
        raise_unsupported("the repr of a named tuple that holds itself");  // CPython recurses to RecursionError
    }
    named_tuples_in_repr_.push_back(v.obj.get());
    struct leave {
        std::vector<const object*>& active;
        ~leave() { active.pop_back(); }
    } on_exit{named_tuples_in_repr_};
    std::string out = nt.cls->name + "(";
    for (std::size_t k = 0; k < spec.fields.size() && k < nt.items.size(); ++k) {
        charge_work(1);
        if (k) out += ", ";
        out += spec.fields[k] + "=" + repr(nt.items[k]);
    }
    return out + ")";
}

// repr() and str() of a named tuple: its class's __repr__ (__str__), the generated one or the program's
std::string runtime::named_tuple_text(const value& v, bool as_repr)
{
    const auto& cls = *named_tuple_of(v)->cls;
    const value* method = as_repr ? nullptr : cls.lookup("__str__");
    const char* which = method ? "__str__" : "__repr__";
    if (!method) method = cls.lookup("__repr__");
    if (method && method->is(value_kind::builtin) && method->as<builtin_object>().id == named_tuple_method_id()) return named_tuple_repr(v);
    if (!method || !method->is(value_kind::function)) raise_unsupported(std::string("a ") + which + " of a named tuple that is not a function");
    if (quiet_repr_scope::active()) return named_tuple_repr(v);
    const value function = *method;
    value text = call_sync(function, {v});
    if (!text.is(value_kind::string))
        raise_error("TypeError", std::string(as_repr ? "__repr__" : "__str__") + " returned non-string (type " + type_name(text) + ")");
    return text.as<string_object>().s;
}

// An attribute of a named tuple: its class's (a field's getter, a property, a method) before its own
// __dict__'s; `found` false when neither has it (tuple's methods come next)
value runtime::named_tuple_attribute(const value& obj, const std::string& name, bool& found)
{
    found = true;
    auto& nt = *named_tuple_of(obj);
    const value* in_class = nt.cls->lookup(name);
    if (in_class && in_class->is(value_kind::descriptor)) {
        const auto& d = in_class->as<descriptor_object>();
        if (d.what == descriptor_object::kind::tuple_getter) return nt.items.at(static_cast<std::size_t>(d.function.i));
        if (d.what == descriptor_object::kind::property) return property_get(*in_class, obj);
    }
    if (nt.attributes)
        if (const value* v = nt.attributes->find(name)) return *v;
    if (in_class) return bind_to(*in_class, obj);
    if (name == "__module__") return value::string(nt.cls->module);
    if (name == "__doc__") return nt.cls->doc;
    found = false;
    return {};
}

// p.x = v, p.new = v, del p.x: a field is read-only; a __dict__ only where a subclass has no __slots__
void runtime::store_named_tuple_attribute(const value& obj, const std::string& name, value v, bool deleting)
{
    auto& nt = *named_tuple_of(obj);
    const value* in_class = nt.cls->lookup(name);
    if (in_class && in_class->is(value_kind::descriptor)) {
        const auto& d = in_class->as<descriptor_object>();
        if (d.what == descriptor_object::kind::tuple_getter) raise_error("AttributeError", deleting ? "can't delete attribute" : "can't set attribute");
        if (d.what == descriptor_object::kind::property) raise_unsupported("setting or deleting a property of a named tuple");
    }
    bool has_dict = false;
    for (const class_object* c : nt.cls->mro)
        if (!c->named_tuple && !c->attributes.find("__slots__")) has_dict = true;
    if (!has_dict) {
        if (in_class) raise_error("AttributeError", "'" + nt.cls->name + "' object attribute '" + name + "' is read-only");
        raise_error("AttributeError", "'" + nt.cls->name + "' object has no attribute '" + name + "'");
    }
    if (deleting) {
        if (!nt.attributes || !nt.attributes->find(name)) raise_error("AttributeError", "'" + nt.cls->name + "' object has no attribute '" + name + "'");
        nt.attributes->remove(name);
        return;
    }
    if (!nt.attributes) {
        nt.attributes = std::make_unique<attribute_table>();
        remember_container(obj.obj);  // its own attributes may lead back to it
    }
    note_nesting(obj, v);
    nt.attributes->set(name, std::move(v));
}

} // namespace loopscope::engine
