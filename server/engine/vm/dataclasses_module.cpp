// dataclasses' functions as Lib/dataclasses.py (3.11.2) writes them: fields(), asdict(), astuple(),
// replace(), is_dataclass(), and the Field objects fields() gives and MISSING. An error inside shows
// dataclasses.py's frames at its lines, as CPython's traceback does. What asdict()/astuple() would
// copy.deepcopy other than what deepcopy keeps (None, bools, numbers, str, classes, functions, enum
// members; sets and frozensets of those are rebuilt) is refused, as is what CPython would answer with a
// RecursionError (a structure nested about as deep as the recursion limit).
#include "classes.hpp"
#include "dicts.hpp"
#include "functools_module.hpp"
#include "runtime.hpp"
#include "sets.hpp"

#include <algorithm>

namespace loopscope::engine {

namespace {

constexpr const char* dataclasses_py = "/usr/lib/python3.11/dataclasses.py";

// getattr(cls, '__dataclass_fields__'): the nearest dataclass along a class's MRO
const class_object* nearest_dataclass_of(const class_object& cls)
{
    for (const auto* c : cls.mro)
        if (c->is_dataclass) return c;
    return nullptr;
}

// _is_dataclass_instance: hasattr(type(obj), '__dataclass_fields__')
const class_object* dataclass_of_instance(const value& v)
{
    return v.is(value_kind::instance) ? nearest_dataclass_of(*v.as<instance_object>().cls) : nullptr;
}

// The frame a python_error passing through one of dataclasses.py's lines gains there
void add_frame(python_error& e, const char* function, std::int32_t line, const char* source, std::string_view expression)
{
    e.exc.as<exception_object>().traceback.push_back(library_frame(function, line, dataclasses_py, source, expression));
}

// asdict's and astuple's lines in dataclasses.py (3.11.2)
struct inner_lines {
    const char* outer;  // asdict / astuple
    std::int32_t outer_raise, outer_return;
    const char* outer_raise_text;
    const char* outer_return_text;
    const char* outer_return_call;
    const char* inner;  // _asdict_inner / _astuple_inner
    std::int32_t getattr_line;
    const char* getattr_text;
    const char* getattr_call;
    std::int32_t factory_line;
    const char* factory_text;
    const char* factory_call;
    std::int32_t named_tuple_line;
    const char* named_tuple_text;
    const char* named_tuple_call;
    const char* named_tuple_list;
    std::int32_t sequence_line;
    const char* sequence_text;
    const char* sequence_call;
    std::int32_t dict_line;
    const char* dict_text;
    const char* dict_call;  // to the end of the line: the expression goes on below
    std::int32_t dict_value_line;
    const char* dict_value_text;
    const char* item_call;   // _asdict_inner(v, dict_factory)
    const char* key_call;    // _asdict_inner(k, dict_factory)
};

constexpr inner_lines asdict_lines = {
    "asdict", 1273, 1274, "raise TypeError(\"asdict() should be called on dataclass instances\")", "return _asdict_inner(obj, dict_factory)",
    "_asdict_inner(obj, dict_factory)", "_asdict_inner", 1281, "value = _asdict_inner(getattr(obj, f.name), dict_factory)",
    "_asdict_inner(getattr(obj, f.name), dict_factory)", 1283, "return dict_factory(result)", "dict_factory(result)", 1304,
    "return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])", "type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])",
    "[_asdict_inner(v, dict_factory) for v in obj]", 1309, "return type(obj)(_asdict_inner(v, dict_factory) for v in obj)",
    "type(obj)(_asdict_inner(v, dict_factory) for v in obj)", 1311, "return type(obj)((_asdict_inner(k, dict_factory),",
    "type(obj)((_asdict_inner(k, dict_factory),", 1312, "_asdict_inner(v, dict_factory))", "_asdict_inner(v, dict_factory)",
    "_asdict_inner(k, dict_factory)"};

constexpr inner_lines astuple_lines = {
    "astuple", 1338, 1339, "raise TypeError(\"astuple() should be called on dataclass instances\")", "return _astuple_inner(obj, tuple_factory)",
    "_astuple_inner(obj, tuple_factory)", "_astuple_inner", 1346, "value = _astuple_inner(getattr(obj, f.name), tuple_factory)",
    "_astuple_inner(getattr(obj, f.name), tuple_factory)", 1348, "return tuple_factory(result)", "tuple_factory(result)", 1356,
    "return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])", "type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])",
    "[_astuple_inner(v, tuple_factory) for v in obj]", 1361, "return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)",
    "type(obj)(_astuple_inner(v, tuple_factory) for v in obj)", 1363,
    "return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))",
    "type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))", 1363,
    "return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))", "_astuple_inner(v, tuple_factory)",
    "_astuple_inner(k, tuple_factory)"};

// What copy.deepcopy returns as it is (_deepcopy_atomic, and Enum's and _lru_cache_wrapper's own
// __deepcopy__)
bool deepcopy_keeps(const value& v)
{
    switch (v.kind) {
    case value_kind::none:
    case value_kind::boolean:
    case value_kind::integer:
    case value_kind::floating:
    case value_kind::ellipsis:
    case value_kind::string:
    case value_kind::range:
    case value_kind::function:
    case value_kind::builtin:
    case value_kind::class_type:
    case value_kind::exception_type:
    case value_kind::type_name:
    case value_kind::lru_cache: return true;
    case value_kind::descriptor: return v.as<descriptor_object>().what == descriptor_object::kind::property;
    case value_kind::instance: {
        for (const auto* c : v.as<instance_object>().cls->mro)
            if (c->enumeration) return true;
        return false;
    }
    default: return false;
    }
}

} // namespace

bool runtime::is_dataclass_field_object(const value& v) const
{
    return v.is(value_kind::instance) && dataclass_field_class_.obj && v.as<instance_object>().cls.get() == dataclass_field_class_.obj.get();
}

value runtime::dataclasses_member(const std::string& name)
{
    if (!dataclass_field_class_.obj) {
        // class Field (with __slots__; what the engine does not know of a field is refused when read)
        auto field_class = make_class("Field", "Field", {});
        field_class->module = "dataclasses";
        std::string conflict;
        compute_mro(*field_class, conflict);
        field_class->attributes.set("__repr__", make_builtin(dataclasses_builtin_id(), "Field.__repr__"));
        for (const char* refused : {"type", "metadata", "_field_type", "__slots__", "__set_name__", "__class_getitem__"}) {
            auto d = make_ref<descriptor_object>();
            d->what = descriptor_object::kind::property;
            d->function = make_builtin(dataclasses_builtin_id(), std::string("Field.") + refused);
            d->setter = value::none();
            d->deleter = value::none();
            d->name = refused;
            field_class->attributes.set(refused, value::of(value_kind::descriptor, d));
        }
        dataclass_field_class_ = value::of(value_kind::class_type, field_class);
        auto missing_class = make_class("_MISSING_TYPE", "_MISSING_TYPE", {});
        missing_class->module = "dataclasses";
        compute_mro(*missing_class, conflict);
        auto missing = make_ref<instance_object>();
        missing->cls = missing_class;
        dataclass_missing_ = value::of(value_kind::instance, missing);
    }
    return name == "Field" ? dataclass_field_class_ : dataclass_missing_;
}

value runtime::call_dataclasses(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (name == "Field.__repr__") {
        // Its text holds MISSING's address and the field's annotation, which the engine does not evaluate
        if (quiet_repr_scope::active()) return value::string("Field(...)");
        raise_unsupported("repr() of a dataclasses.Field");
    }
    if (name == "Field.type" || name == "Field.metadata")
        raise_unsupported("dataclasses." + name + " (the engine does not evaluate annotations or keep metadata)");
    if (name.rfind("Field.", 0) == 0) raise_unsupported("dataclasses." + name);

    if (name == "is_dataclass") {
        auto signature = python_signature("is_dataclass", {"obj"}, {});
        std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
        const value& obj = bound[0];
        const class_object* cls = obj.is(value_kind::class_type)  ? &obj.as<class_object>()
                                  : obj.is(value_kind::instance) ? obj.as<instance_object>().cls.get()
                                                                  : nullptr;
        return value::boolean(cls && nearest_dataclass_of(*cls));
    }

    if (name == "fields") {
        auto signature = python_signature("fields", {"class_or_instance"}, {});
        std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
        const value& obj = bound[0];
        const class_object* dc = obj.is(value_kind::class_type) ? nearest_dataclass_of(obj.as<class_object>()) : dataclass_of_instance(obj);
        if (!dc) {
            // getattr(class_or_instance, _FIELDS) raises AttributeError; the TypeError is raised while it is handled
            value attribute_error;
            try {
                load_attribute(obj, "__dataclass_fields__");
            } catch (python_error& e) {
                if (!is_instance_of(e.exc, "AttributeError")) throw;
                add_frame(e, "fields", 1232, "fields = getattr(class_or_instance, _FIELDS)", "getattr(class_or_instance, _FIELDS)");
                attribute_error = e.exc;
            }
            if (!attribute_error.obj) raise_unsupported("dataclasses.fields() of an object with a '__dataclass_fields__' attribute");
            value error = make_error("TypeError", "must be called with a dataclass type or instance");
            error.as<exception_object>().context = attribute_error;
            error.as<exception_object>().traceback.push_back(
                library_frame("fields", 1234, dataclasses_py, "raise TypeError('must be called with a dataclass type or instance')"));
            throw python_error{std::move(error)};
        }
        // tuple(f for f in fields.values() ...): a new tuple each time, of the same Field objects
        for (const auto& [cls, made] : dataclass_fields_made_)
            if (cls.obj.get() == dc) {
                charge_work(made.as<sequence_object>().items.size());
                return value::tuple(made.as<sequence_object>().items);
            }
        dataclasses_member("Field");
        std::vector<value> items;
        charge_work(dc->fields.size() * 4);
        for (const auto& f : dc->fields) {
            auto field = make_ref<instance_object>();
            field->cls = static_ref_cast<class_object>(dataclass_field_class_.obj);
            field->attributes.set("name", value::string(f.name));
            field->attributes.set("default", f.default_value.is_unbound() ? dataclass_missing_ : f.default_value);
            field->attributes.set("default_factory", f.default_factory.is_unbound() ? dataclass_missing_ : f.default_factory);
            field->attributes.set("init", value::boolean(f.init));
            field->attributes.set("repr", value::boolean(f.repr));
            field->attributes.set("hash", f.hash_option < 0 ? value::none() : value::boolean(f.hash_option > 0));
            field->attributes.set("compare", value::boolean(f.compare));
            field->attributes.set("kw_only", value::boolean(false));
            items.push_back(value::of(value_kind::instance, field));
        }
        // The dataclass is held with its tuple: the pointer compared above is never one of a class gone
        value made = value::tuple(std::move(items));
        dataclass_fields_made_.emplace_back(value::of(value_kind::class_type, ref<class_object>(const_cast<class_object*>(dc))), made);
        return value::tuple(made.as<sequence_object>().items);
    }

    if (name == "replace") {
        // replace(obj, /, **changes)
        if (args.empty()) raise_error("TypeError", "replace() missing 1 required positional argument: 'obj'");
        if (args.size() > 1) raise_error("TypeError", "replace() takes 1 positional argument but " + std::to_string(args.size()) + " were given");
        const value obj = args[0];
        const class_object* dc = dataclass_of_instance(obj);
        if (!dc)
            raise_from_library("TypeError", "replace() should be called on dataclass instances",
                               {library_frame("replace", 1462, dataclasses_py, "raise TypeError(\"replace() should be called on dataclass instances\")")});
        std::vector<std::pair<std::string, value>> changes = std::move(kwargs);
        kwargs.clear();
        const auto fields = dc->fields;
        charge_work(fields.size() * (changes.size() + 1));
        for (const auto& f : fields) {
            const bool given = std::any_of(changes.begin(), changes.end(), [&](const auto& c) { return c.first == f.name; });
            if (!f.init) {
                if (given)
                    raise_from_library("ValueError", "field " + f.name + " is declared with init=False, it cannot be specified with replace()",
                                       {library_frame("replace", 1475, dataclasses_py, "raise ValueError(f'field {f.name} is declared with '")});
                continue;
            }
            if (given) continue;
            try {
                changes.emplace_back(f.name, load_attribute(obj, f.name));
            } catch (python_error& e) {
                add_frame(e, "replace", 1484, "changes[f.name] = getattr(obj, f.name)", "getattr(obj, f.name)");
                throw;
            }
        }
        try {
            return call_sync(value::of(value_kind::class_type, obj.as<instance_object>().cls), {}, std::move(changes));
        } catch (python_error& e) {
            add_frame(e, "replace", 1491, "return obj.__class__(**changes)", "obj.__class__(**changes)");
            throw;
        }
    }

    if (name != "asdict" && name != "astuple") raise_unsupported("dataclasses." + name);
    const bool as_dict = name == "asdict";
    const inner_lines& at = as_dict ? asdict_lines : astuple_lines;
    // asdict(obj, *, dict_factory=dict), astuple(obj, *, tuple_factory=tuple)
    const value plain_factory = load_builtin(as_dict ? "dict" : "tuple");
    auto signature = python_signature(at.outer, {"obj", as_dict ? "dict_factory" : "tuple_factory"}, {});
    signature->code->param_count = 1;
    signature->code->keyword_only = 1;
    signature->code->keyword_only_has_default = {true};
    signature->kw_defaults = {plain_factory};
    std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
    args.clear();
    kwargs.clear();
    const value obj = bound[0];
    const value factory = bound[1].obj == plain_factory.obj ? value::unbound() : bound[1];
    if (!dataclass_of_instance(obj)) raise_from_library("TypeError", std::string(at.outer) + "() should be called on dataclass instances",
                                                        {library_frame(at.outer, at.outer_raise, dataclasses_py, at.outer_raise_text)});
    // CPython's frames: asdict's, then one per dataclass met and two per container (its comprehension's);
    // where they would reach the recursion limit CPython raises RecursionError, which is refused here.
    const exec_context* caller = sync_context_ ? sync_context_ : running_;
    const std::size_t base_depth = caller ? call_depth(*caller) : 0;
    auto check_depth = [&](std::size_t frames) {
        check_native_stack();
        if (base_depth + frames + 8 >= config_.max_call_depth)
            raise_unsupported(std::string("dataclasses.") + at.outer + "() of values nested about as deep as the recursion limit (RecursionError)");
    };
    auto convert = [&](auto& self, const value& v, std::size_t frames) -> value {
        check_depth(frames);
        charge_work(1);
        if (const class_object* dc = dataclass_of_instance(v)) {
            const auto fields = dc->fields;
            std::vector<value> results;
            for (const auto& f : fields) {
                value attribute;
                try {
                    attribute = load_attribute(v, f.name);
                } catch (python_error& e) {
                    add_frame(e, at.inner, at.getattr_line, at.getattr_text, "getattr(obj, f.name)");
                    throw;
                }
                value converted;
                try {
                    converted = self(self, attribute, frames + 1);
                } catch (python_error& e) {
                    add_frame(e, at.inner, at.getattr_line, at.getattr_text, at.getattr_call);
                    throw;
                }
                results.push_back(as_dict ? value::tuple({value::string(f.name), std::move(converted)}) : std::move(converted));
            }
            if (factory.is_unbound()) {
                if (!as_dict) return value::tuple(std::move(results));
                value d = make_dict();
                for (auto& pair : results) {
                    const auto& items = pair.as<sequence_object>().items;
                    store_subscript(d, items[0], items[1]);
                }
                return d;
            }
            try {
                return call_sync(factory, {value::list(std::move(results))});
            } catch (python_error& e) {
                add_frame(e, at.inner, at.factory_line, at.factory_text, at.factory_call);
                throw;
            }
        }
        if (const named_tuple_object* nt = named_tuple_of(v)) {
            // type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
            const value cls = value::of(value_kind::class_type, nt->cls);
            std::vector<value> items;
            for (std::size_t k = 0; k < nt->items.size(); ++k) {
                try {
                    items.push_back(self(self, nt->items[k], frames + 2));
                } catch (python_error& e) {
                    add_frame(e, "<listcomp>", at.named_tuple_line, at.named_tuple_text, at.item_call);
                    add_frame(e, at.inner, at.named_tuple_line, at.named_tuple_text, at.named_tuple_list);
                    throw;
                }
            }
            try {
                return call_sync(cls, std::move(items));
            } catch (python_error& e) {
                add_frame(e, at.inner, at.named_tuple_line, at.named_tuple_text, at.named_tuple_call);
                throw;
            }
        }
        if (v.is(value_kind::list) || v.is(value_kind::tuple)) {
            // type(obj)(_asdict_inner(v, dict_factory) for v in obj): the list read as its iterator reads it
            const auto& source = v.as<sequence_object>().items;
            std::vector<value> items;
            for (std::size_t k = 0; k < source.size(); ++k) {
                const value item = source[k];
                try {
                    value converted = self(self, item, frames + 2);
                    check_growth(items, 1);
                    items.push_back(std::move(converted));
                } catch (python_error& e) {
                    add_frame(e, "<genexpr>", at.sequence_line, at.sequence_text, at.item_call);
                    add_frame(e, at.inner, at.sequence_line, at.sequence_text, at.sequence_call);
                    throw;
                }
            }
            return v.is(value_kind::list) ? value::list(std::move(items)) : value::tuple(std::move(items));
        }
        if (v.is(value_kind::dict)) {
            const auto& d = v.as<dict_object>();
            if (d.is_counter) raise_unsupported(std::string("dataclasses.") + at.outer + "() of a Counter");
            if (d.default_factory)
                // defaultdict(<generator>): its first argument must be the factory
                raise_from_library("TypeError", "first argument must be callable or None",
                                   {library_frame(at.inner, at.dict_line, dataclasses_py, at.dict_text, at.dict_call)});
            // A snapshot of the pairs: nothing the conversion runs can change a dict it walks (no
            // program code runs on a dict's keys and values but their own __hash__ and __eq__)
            std::vector<std::pair<value, value>> pairs;
            for (const auto& entry : d.entries)
                if (!entry.key.is_unbound()) pairs.emplace_back(entry.key, entry.item);
            charge_work(pairs.size());
            value result = make_dict();
            result.as<dict_object>().is_ordered = d.is_ordered;  // OrderedDict(<generator>), its pairs added as dict's
            for (const auto& [key, item] : pairs) {
                value new_key, new_item;
                try {
                    new_key = self(self, key, frames + 2);
                } catch (python_error& e) {
                    add_frame(e, "<genexpr>", at.dict_line, at.dict_text, at.key_call);
                    add_frame(e, at.inner, at.dict_line, at.dict_text, at.dict_call);
                    throw;
                }
                try {
                    new_item = self(self, item, frames + 2);
                } catch (python_error& e) {
                    add_frame(e, "<genexpr>", at.dict_value_line, at.dict_value_text, at.item_call);
                    add_frame(e, at.inner, at.dict_line, at.dict_text, at.dict_call);
                    throw;
                }
                try {
                    store_subscript(result, new_key, std::move(new_item));
                } catch (python_error& e) {
                    add_frame(e, at.inner, at.dict_line, at.dict_text, at.dict_call);
                    throw;
                }
            }
            return result;
        }
        // copy.deepcopy(obj)
        if (deepcopy_keeps(v)) return v;
        if (is_set_kind(v)) {
            // set(list(obj)), frozenset(list(obj)) of what deepcopy keeps
            std::vector<value> items = to_vector(v);
            for (const auto& item : items)
                if (!deepcopy_keeps(item)) raise_unsupported("copy.deepcopy() of a " + type_name(v) + " holding a '" + type_name(item) + "'");
            return call_sync(load_builtin(v.is(value_kind::set) ? "set" : "frozenset"), {value::list(std::move(items))});
        }
        raise_unsupported(std::string("dataclasses.") + at.outer + "() of a value it would copy.deepcopy (a '" + type_name(v) + "')");
    };
    try {
        return convert(convert, obj, 2);
    } catch (python_error& e) {
        add_frame(e, at.outer, at.outer_return, at.outer_return_text, at.outer_return_call);
        throw;
    }
}

} // namespace loopscope::engine
