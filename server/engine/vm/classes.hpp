#pragma once

// The object model of a program's own classes: class objects with their namespace and CPython's
// method resolution order, their instances, bound methods and super().
#include "value.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::engine {

// An Enum subclass's members, in definition order, and every member name (aliases too) with its member
struct enum_data {
    std::vector<value> members;
    std::vector<std::pair<std::string, value>> names;
};

// How many times any class's namespace on this thread has changed (an attribute set or deleted on a
// class, a class made, an MRO computed): what a code object's attribute cache entry was filled at
// (code_object::attribute_cache), as CPython's type version tags, but one count for all classes.
inline thread_local std::uint64_t class_namespace_changes = 1;

// A class's namespace: an attribute_table whose every change counts in class_namespace_changes.
// Code that changes `entries` in place must count it itself (note_class_namespace_change()).
inline void note_class_namespace_change() { ++class_namespace_changes; }
struct class_namespace : attribute_table {
    class_namespace() { note_class_namespace_change(); }
    class_namespace(const class_namespace& other) : attribute_table(other) { note_class_namespace_change(); }
    class_namespace& operator=(const attribute_table& other)
    {
        note_class_namespace_change();
        attribute_table::operator=(other);
        return *this;
    }
    class_namespace& operator=(const class_namespace& other) { return *this = static_cast<const attribute_table&>(other); }
    void set(const std::string& name, value v)
    {
        note_class_namespace_change();
        attribute_table::set(name, std::move(v));
    }
    bool remove(std::string_view name)
    {
        note_class_namespace_change();
        return attribute_table::remove(name);
    }
    void clear()
    {
        note_class_namespace_change();
        attribute_table::clear();
    }
};

struct class_object : object {
    std::string name;
    std::string qualname;
    std::string module = "__main__";
    std::vector<ref<class_object>> bases;  // as written; `object` is left out
    // This class first; `object` is implied last. The bases keep the others alive.
    std::vector<class_object*> mro;
    class_namespace attributes;
    bool is_object = false;  // the builtin `object`
    // Which of asyncio's primitives its instances are (asyncio/primitives.cpp), once asked: -1 not yet
    std::int8_t primitive_kind = -1;
    std::vector<std::string> annotations;  // the names its body annotated, in order
    value doc;  // __doc__: its body's docstring or None, its own (never inherited)
    // A dataclass: its fields, its bases' first (dataclasses.fields order)
    struct field_spec {
        std::string name;
        value default_value = value::unbound();
        value default_factory = value::unbound();  // field(default_factory=...), whatever it is (None too)
        // field(repr=, compare=, init=, hash=): hash's None is resolved to compare's value
        bool repr = true, compare = true, init = true, hash = true;
        std::int8_t hash_option = -1;  // field(hash=) as given: -1 None, 0 False, 1 True (Field.hash)
    };
    std::vector<field_spec> fields;
    bool is_dataclass = false;
    bool frozen = false;  // @dataclass(frozen=True): its own __setattr__/__delattr__ raise FrozenInstanceError
    // The frozen dataclass whose generated __setattr__ this class's instances meet first along the MRO
    // (itself, or a base's); nullptr: attributes are set as for any instance
    const class_object* frozen_setattr = nullptr;
    // An exception class's body is built as a class; finish_class makes the exception type from it.
    ref<exception_type_object> exception_base;
    std::shared_ptr<enum_data> enumeration;  // a subclass of enum.Enum (enum_module.cpp)
    // A class collections.namedtuple() made, or a typing.NamedTuple class (named_tuples.cpp); its
    // subclasses find it along their MRO (named_tuple_spec_of)
    std::shared_ptr<struct named_tuple_spec> named_tuple;
    bool from_typing_named_tuple = false;  // `class P(NamedTuple)`: made a named tuple class when finished
    std::string repr_text() const override
    {
        if (enumeration || (module == "enum" && name == "Enum")) return "<enum '" + name + "'>";  // EnumType.__repr__
        return "<class '" + (module == "builtins" ? name : module + "." + qualname) + "'>";
    }
    // The attribute found first along the MRO (nullptr: none).
    const value* lookup(std::string_view attribute) const;
    bool is_subclass_of(const class_object& other) const;
};

// The builtin `object`: every class's last base.
const ref<class_object>& object_class();
// enum.Enum and enum.auto (enum_module.cpp)
const ref<class_object>& enum_base_class();
const ref<class_object>& enum_auto_class();

// CPython's C3 linearization of `cls` and its bases (this class first, `object` left out); false
// when there is none ("Cannot create a consistent method resolution order"), with the classes in
// conflict named in `conflict`.
bool compute_mro(class_object& cls, std::string& conflict);

// What namedtuple() knows of its class: the fields in order, the typename its generated methods are
// named after (Point.__new__), its defaults (the last fields')
struct named_tuple_spec {
    std::string typename_;
    std::vector<std::string> fields;
    std::vector<value> defaults;  // for the last defaults.size() fields
    // The generated __new__(_cls, field, ...)'s signature, made at the first call and kept: binding
    // Point(1, 2) is then no new code object of the fields' names per call
    mutable ref<function_object> new_signature;
};

// The named tuple class of a class, or of one along its MRO; nullptr if none
const named_tuple_spec* named_tuple_spec_of(const class_object& cls);

// An instance of a named tuple class: a tuple (value_kind::tuple, every tuple operation its own) that
// knows its class; a subclass without __slots__ gives it a __dict__ too
struct named_tuple_object : sequence_object {
    ref<class_object> cls;
    std::unique_ptr<attribute_table> attributes;
    named_tuple_object(std::vector<value> fields, ref<class_object> c) : sequence_object(std::move(fields)), cls(std::move(c)) {}
};

// The named tuple object a tuple value is, or nullptr for a plain tuple
inline named_tuple_object* named_tuple_of(const value& v)
{
    return v.is(value_kind::tuple) ? dynamic_cast<named_tuple_object*>(v.obj.get()) : nullptr;
}

struct instance_object : object {
    ref<class_object> cls;
    attribute_table attributes;
    // The dict vars(obj) or obj.__dict__ gave, while the program holds it: a copy of `attributes`
    // (dict_object::is_instance_dict) that setting and deleting attributes keep up to date
    weak_ref<object> dict_copy;
    std::uint64_t primitive_id = 0;  // one of asyncio's primitives the events announced (primitives.cpp)
};

// object.__repr__ of an instance: <__main__.Point object at 0x…> (value.cpp)
std::string object_repr_text(const value& v);

// A function bound to an instance (or a class, for a classmethod): calling it passes `self` first.
struct method_object : object {
    value self;
    value function;
};

// super(): attribute lookup along type(self)'s MRO after `after`.
struct super_object : object {
    ref<class_object> after;
    value self;
    std::string repr_text() const override;
};

// staticmethod(f), classmethod(f), property(fget, fset, fdel): what a class attribute does when it
// is read (or, for a property, set or deleted) through an instance or the class.
struct descriptor_object : object {
    // dataclass_field: dataclasses.field(); `function` holds its default_factory, `setter` its default
    // tuple_getter: a named tuple's field (_tuplegetter), its index in `function` (an int)
    enum class kind : std::uint8_t { static_method, class_method, property, dataclass_field, tuple_getter };
    kind what = kind::property;
    value function;  // the function wrapped; a property's getter
    value setter, deleter;
    std::string name;  // a property's attribute name, given when its class is made (__set_name__)
};

// A method a program's exception class (or one it derives from) defines; nullptr if none does.
const value* exception_method(const exception_type_object& type, std::string_view name);

// The builtin ids of the named tuples' generated methods and of typing.NamedTuple (builtins.cpp)
int named_tuple_method_id();
int typing_named_tuple_id();

// The natives a dataclass's generated methods are (builtins.cpp): __repr__, __eq__, __lt__, __le__,
// __gt__, __ge__, __hash__ (-1 for another name). A comparison answers NotImplemented to an instance of
// another class (rich_compare).
int dataclass_method_id(std::string_view name);
bool is_dataclass_method(const value& v, std::string_view name);
bool is_any_dataclass_method(const value& v);
bool is_dataclass_comparison(const value& v);
// The builtin id of dataclasses' functions and Field's refused parts (dataclasses_module.cpp tells them apart by name)
int dataclasses_builtin_id();
// dataclass()'s options, as bits (a bound dataclass builtin keeps them in its `self`)
struct dataclass_options {
    static constexpr unsigned init = 1, repr = 2, eq = 4, order = 8, unsafe_hash = 16, frozen = 32;
    static constexpr unsigned defaults = init | repr | eq;
};
// dataclasses.FrozenInstanceError (an AttributeError), one for all runs
const ref<exception_type_object>& frozen_instance_error_type();

// A class attribute read through `self` (an instance, a named tuple, the class): a function becomes a
// bound method, a classmethod binds the class, a staticmethod is its function (objects.cpp)
value bind_to(const value& function, const value& self);

// The class of an instance or the class itself, for super() and reprs.
ref<class_object> class_of(const value& v);

} // namespace loopscope::engine
