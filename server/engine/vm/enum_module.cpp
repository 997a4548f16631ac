// enum.Enum and enum.auto as CPython 3.11's enum.py makes them: a class statement whose base is Enum
// turns its plain attributes into members (instances of the class, each with a name and a value;
// an equal value is an alias of the first), Color(value) and Color['NAME'] find them, iterating or
// len() of the class sees the members in definition order, and reprs are `<Color.RED: 1>`.
// What 3.11's patch releases do differently (auto() after a value that is not an int, `in` with a
// value that is not a member) and the functional API, mixins (IntEnum, StrEnum, Flag) and the
// sunder hooks (_missing_, _generate_next_value_ …) are refused.

#include "classes.hpp"
#include "runtime.hpp"

#include <loopscope/engine/memory.hpp>

namespace loopscope::engine {

namespace {

ref<class_object> make_module_class(const char* name)
{
    memory_scope process_wide(nullptr);  // made once for the process, charged to no run
    auto c = make_ref<class_object>();
    c->name = c->qualname = name;
    c->module = "enum";
    c->mro.push_back(c.get());
    note_class_namespace_change();
    return c;
}

bool is_dunder_name(const std::string& n) { return n.size() > 4 && n.compare(0, 2, "__") == 0 && n.compare(n.size() - 2, 2, "__") == 0; }

bool is_sunder_name(const std::string& n)
{
    return n.size() > 2 && n.front() == '_' && n.back() == '_' && n[1] != '_' && n[n.size() - 2] != '_';
}

// A member's `_value_` or `_name_`; a program may have deleted it (CPython's AttributeError then).
const value& member_attribute(const value& member, const char* name)
{
    const auto& inst = member.as<instance_object>();
    if (const value* v = inst.attributes.find(name)) return *v;
    raise_error("AttributeError", "'" + inst.cls->name + "' object has no attribute '" + name + "'");
}

// What enum.py leaves as a class attribute (a descriptor: functions, properties, staticmethods …)
bool is_descriptor(const value& v)
{
    return v.is(value_kind::function) || v.is(value_kind::descriptor) || v.is(value_kind::builtin) || v.is(value_kind::method);
}

} // namespace

const ref<class_object>& enum_base_class()
{
    thread_local const ref<class_object> base = make_module_class("Enum");
    return base;
}

const ref<class_object>& enum_auto_class()
{
    thread_local const ref<class_object> automatic = make_module_class("auto");
    return automatic;
}

bool runtime::is_enum_class(const class_object& cls) { return &cls != enum_base_class().get() && cls.is_subclass_of(*enum_base_class()); }

// The end of an Enum subclass's body (EnumType.__new__): its members made from its attributes.
void runtime::check_enum_bases(const class_object& cls)
{
    for (const auto& base : cls.bases) {
        if (!base->enumeration || base->enumeration->members.empty()) continue;
        value exc = make_error("TypeError", "<enum '" + cls.name + "'> cannot extend <enum '" + base->name + "'>");
        auto& traceback = exc.as<exception_object>().traceback;
        constexpr const char* file = "/usr/lib/python3.11/enum.py";
        traceback.push_back(library_frame("_check_for_existing_members_", 940, file, "raise TypeError("));
        traceback.push_back(library_frame("__prepare__", 476, file, "metacls._check_for_existing_members_(cls, bases)"));
        throw python_error{std::move(exc)};
    }
}

void runtime::finish_enum(const ref<class_object>& cls)
{
    for (const char* hook : {"__new__", "__init__", "_missing_", "_generate_next_value_", "_ignore_", "_order_", "__init_subclass__"})
        if (cls->attributes.find(hook)) raise_unsupported(std::string("'") + hook + "' in an Enum class");
    auto data = std::make_shared<enum_data>();
    std::int64_t last_int = 0;
    bool only_ints = true;
    for (auto& [name, v] : cls->attributes.entries) {
        charge_work(1);
        if (is_dunder_name(name) || is_sunder_name(name) || is_descriptor(v)) continue;
        if (name.size() > 2 && name[0] == '_' && name.find("__") != std::string::npos) continue;  // _Color__private
        value member_value = v;
        if (v.is(value_kind::instance) && v.as<instance_object>().cls == enum_auto_class()) {
            // auto(): CPython 3.11's _generate_next_value_ for ints; its patch releases differ after other values
            if (!only_ints) raise_unsupported("auto() after a member value that is not an int");
            member_value = value::integer(last_int + 1);
        }
        if (member_value.is(value_kind::integer) && !member_value.obj) last_int = std::max(last_int, member_value.i);
        else only_ints = false;
        value member;
        for (const auto& m : data->members)
            if (equals(member_attribute(m, "_value_"), member_value)) {
                member = m;  // an alias of the first member with an equal value
                break;
            }
        if (!member.obj) {
            auto inst = make_ref<instance_object>();
            inst->cls = cls;
            inst->attributes.set("_value_", member_value);
            inst->attributes.set("_name_", value::string(name));
            member = value::of(value_kind::instance, inst);
            data->members.push_back(member);
        }
        data->names.emplace_back(name, member);
        v = member;
        note_class_namespace_change();  // the class attribute is the member now
    }
    cls->enumeration = std::move(data);
}

// Color(value): the member with that value
value runtime::enum_call(const class_object& cls, const std::vector<value>& args, const std::vector<std::pair<std::string, value>>& kwargs)
{
    if (!cls.enumeration) raise_unsupported("calling an Enum class without members (the functional API)");
    if (args.size() != 1 || !kwargs.empty()) raise_unsupported("calling an Enum class with other than one value (the functional API)");
    const value& wanted = args[0];
    if (wanted.is(value_kind::instance) && wanted.as<instance_object>().cls.get() == &cls) return wanted;
    for (const auto& m : cls.enumeration->members) {
        charge_work(1);
        if (equals(member_attribute(m, "_value_"), wanted)) return m;
    }
    raise_error("ValueError", repr(wanted) + " is not a valid " + cls.qualname);
}

// Color['RED']
value runtime::enum_item(const class_object& cls, const value& key)
{
    if (cls.enumeration && key.is(value_kind::string))
        for (const auto& [name, member] : cls.enumeration->names) {
            charge_work(1);
            if (name == key.as<string_object>().s) return member;
        }
    if (cls.enumeration && !key.is(value_kind::string)) raise_unsupported("an Enum class subscripted by a " + type_name(key));
    raise_key_error(key);
}

// member in Color
bool runtime::enum_contains(const class_object& cls, const value& v)
{
    if (!(v.is(value_kind::instance) && v.as<instance_object>().cls->enumeration))
        raise_unsupported("'in' an Enum class with a value that is not a member (CPython 3.11's releases differ)");
    return v.as<instance_object>().cls.get() == &cls;
}

// repr() and str() of a member whose class defines neither
std::string runtime::enum_member_text(const value& member, bool as_repr)
{
    const auto& inst = member.as<instance_object>();
    const value& member_name = member_attribute(member, "_name_");
    const std::string name = inst.cls->name + "." + (member_name.is(value_kind::string) ? member_name.as<string_object>().s : str(member_name));
    if (!as_repr) return name;
    return "<" + name + ": " + repr(member_attribute(member, "_value_")) + ">";
}

} // namespace loopscope::engine
