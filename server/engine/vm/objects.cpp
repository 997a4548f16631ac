// A program's classes at run time: building them, their instances' attributes, calling a class,
// bound methods, super(), and the special methods that repr() and str() call.
#include "runtime.hpp"

#include "classes.hpp"
#include "json_module.hpp"
#include "cpython_names.hpp"
#include "dicts.hpp"
#include "integers.hpp"
#include "code.hpp"

#include <algorithm>

namespace loopscope::engine {

ref<class_object> runtime::make_class(const std::string& name, const std::string& qualname, const std::vector<value>& bases)
{
    auto cls = make_ref<class_object>();
    cls->name = name;
    cls->qualname = qualname;
    if (bases.size() == 1 && bases[0].is(value_kind::exception_type)) {
        // An exception class (the compiler saw to it that this is its one base)
        if (bases[0].obj.get() == json_decode_error_type().get()) raise_unsupported("a subclass of json.JSONDecodeError");
        cls->exception_base = static_ref_cast<exception_type_object>(bases[0].obj);
        cls->mro.push_back(cls.get());
        note_class_namespace_change();
        remember_container(cls);
        return cls;
    }
    for (const auto& b : bases) {
        // class P(NamedTuple): a named tuple class made of its annotations when its body is done
        if (b.is(value_kind::builtin) && b.as<builtin_object>().id == typing_named_tuple_id()) {
            if (bases.size() > 1) raise_unsupported("a typing.NamedTuple class with other bases");
            cls->from_typing_named_tuple = true;
            continue;
        }
        if (!b.is(value_kind::class_type)) {
            // A builtin type (dict, list, int), an exception class beside another base, or no class at all.
            if (b.is(value_kind::builtin) || b.is(value_kind::exception_type) || b.is(value_kind::type_name))
                raise_unsupported("a class deriving from '" + (b.is(value_kind::builtin) ? b.as<builtin_object>().name : repr(b)) + "'");
            raise_unsupported("a class whose base is not a class (" + type_name(b) + ")");
        }
        auto base = static_ref_cast<class_object>(b.obj);
        for (const auto& other : cls->bases)
            if (other == base) raise_error("TypeError", "duplicate base class " + base->name);
        if (base->is_object) {
            if (bases.size() > 1) raise_unsupported("'object' beside other bases");
            continue;
        }
        cls->bases.push_back(std::move(base));
    }
    note_class_namespace_change();
    cls->mro.push_back(cls.get());  // until finish_class computes it: the body's own functions look here
    // Its namespace holds its methods, which hold it back (super()): the run's end breaks the cycle.
    remember_container(cls);
    return cls;
}

value runtime::make_exception_class(const ref<class_object>& body)
{
    auto t = make_ref<exception_type_object>();
    t->name = body->name;
    // asyncio's library's (asyncio.queues.QueueEmpty) are named by their module, as builtin ones are
    t->in_main = body->module == "__main__";
    t->qualified = t->in_main ? body->qualname : body->module + "." + body->qualname;
    t->base = body->exception_base;
    if (!body->attributes.entries.empty() || !body->doc.is(value_kind::none)) t->methods = body;  // the docstring too
    return value::of(value_kind::exception_type, t);
}

value bind_to(const value& function, const value& self)
{
    if (function.is(value_kind::descriptor)) {
        // Read through an instance or its class: a staticmethod is its function, a classmethod binds the class
        const auto& d = function.as<descriptor_object>();
        if (d.what == descriptor_object::kind::static_method) return d.function;
        if (d.what == descriptor_object::kind::class_method) {
            auto m = make_ref<method_object>();
            m->self = self.is(value_kind::instance) ? value::of(value_kind::class_type, self.as<instance_object>().cls)
                      : named_tuple_of(self)      ? value::of(value_kind::class_type, named_tuple_of(self)->cls)
                                                  : self;
            m->function = d.function;
            return value::of(value_kind::method, m);
        }
        return function;
    }
    // The helper @contextmanager returns is a Python function in CPython: it binds as one
    const bool helper = function.is(value_kind::builtin) && (function.as<builtin_object>().id == contextlib_builtin_id(contextlib_role::helper) ||
                                                             function.as<builtin_object>().id == contextlib_builtin_id(contextlib_role::async_helper));
    const bool generated = function.is(value_kind::builtin) && function.as<builtin_object>().id == named_tuple_method_id();  // _asdict, __repr__
    if (!helper && !generated && !function.is(value_kind::function) && !function.is(value_kind::lru_cache) && !is_any_dataclass_method(function))
        return function;
    auto m = make_ref<method_object>();
    m->self = self;
    m->function = function;
    return value::of(value_kind::method, m);
}

namespace {

bool is_property(const value& v)
{
    return v.is(value_kind::descriptor) && v.as<descriptor_object>().what == descriptor_object::kind::property;
}

// A class's __doc__: its own docstring or None (CPython's type_new puts one in every class's namespace).
value class_doc(const class_object& cls)
{
    // An enum's and a dataclass's are made by their machinery (a dataclass's from its signature's text)
    if (cls.is_object || cls.enumeration || (cls.is_dataclass && cls.doc.is(value_kind::none)))
        raise_unsupported("the '__doc__' of " + std::string(cls.is_object ? "object" : cls.enumeration ? "an enum" : "a dataclass without a docstring"));
    return cls.doc;
}

} // namespace

value runtime::property_get(const value& property, const value& self)
{
    const auto& d = property.as<descriptor_object>();
    if (d.function.is(value_kind::none))
        raise_error("AttributeError", (d.name.empty() ? std::string("property") : "property '" + d.name + "'") + " of '" + type_name(self) + "' object has no getter");
    const value getter = d.function;
    return call_sync(getter, {self});
}

// An attribute of an instance, a class, a bound method or super(); `found` false when it has none
// (the caller raises CPython's AttributeError).
value runtime::class_attribute(const value& obj, const std::string& name, bool& found)
{
    found = true;
    switch (obj.kind) {
    case value_kind::instance: {
        const auto& inst = obj.as<instance_object>();
        // A property comes before the instance's own attributes (a data descriptor)
        const value* in_class = inst.cls->lookup(name);
        if (in_class && is_property(*in_class)) return property_get(*in_class, obj);
        if (const value* v = inst.attributes.find(name)) return *v;
        if (in_class) return bind_to(*in_class, obj);
        if (inst.cls->enumeration && (name == "name" || name == "value")) return *inst.attributes.find(name == "name" ? "_name_" : "_value_");
        if (name == "__module__") return value::string(inst.cls->module);
        if (name == "__doc__") return class_doc(*inst.cls);
        break;
    }
    case value_kind::class_type: {
        const auto& cls = obj.as<class_object>();
        if (const value* v = cls.lookup(name)) {
            if (v->is(value_kind::descriptor) && v->as<descriptor_object>().what == descriptor_object::kind::tuple_getter)
                raise_unsupported("a named tuple's field read from its class (a _tuplegetter)");
            // A named tuple's generated method read from its class is a plain function
            if (v->is(value_kind::builtin) && v->as<builtin_object>().id == named_tuple_method_id()) return *v;
            return v->is(value_kind::function) ? *v : bind_to(*v, obj);
        }
        // tuple's own methods through a named tuple class (P.count): the engine has no unbound builtin methods
        if (named_tuple_spec_of(cls) && name != "__name__" && name != "__qualname__" && name != "__module__" && name != "__doc__" &&
            cpython_type_has("tuple", name))
            raise_unsupported("'" + cls.name + "." + name + "' (tuple's method read from a named tuple class)");
        if (name == "__name__") return value::string(cls.name);
        if (name == "__qualname__") return value::string(cls.qualname);
        if (name == "__module__") return value::string(cls.module);
        if (name == "__doc__") return class_doc(cls);
        break;
    }
    case value_kind::method: {
        const auto& m = obj.as<method_object>();
        if (name == "__self__") return m.self;
        if (name == "__func__" && (m.function.is(value_kind::function) || m.function.is(value_kind::builtin))) return m.function;
        if (m.function.is(value_kind::builtin) && (name == "__name__" || name == "__qualname__" || name == "__doc__" || name == "__module__" || name == "__wrapped__"))
            return load_attribute(m.function, name);
        // What the method's type lacks comes from its function: __name__, __doc__, f.x, __wrapped__
        if (m.function.is(value_kind::function)) {
            const auto& fn = m.function.as<function_object>();
            if (name == "__name__" || name == "__qualname__" || name == "__doc__" || name == "__module__" ||
                (fn.ns && fn.ns->attributes.find(name)))
                return load_attribute(m.function, name);
        }
        break;
    }
    case value_kind::super_proxy: {
        const auto& s = obj.as<super_object>();
        if (s.self.is(value_kind::exception)) {
            // Along the exception classes after the one whose body defined the method
            bool after = false;
            for (const exception_type_object* t = s.self.as<exception_object>().type.get(); t; t = t->base.get()) {
                if (after && t->methods)
                    if (const value* v = t->methods->attributes.find(name)) return bind_to(*v, s.self);
                after = after || t->methods.get() == s.after.get();
            }
            if (name == "__init__") {
                auto m = make_ref<method_object>();
                m->self = s.self;
                return value::of(value_kind::method, m);
            }
            if (name == "__str__" || name == "__repr__") return base_exception_text_method(s.self, name == "__repr__");
            break;
        }
        const auto start = class_of(s.self);
        bool after = false;
        for (const auto& c : start->mro) {
            if (after)
                if (const value* v = c->attributes.find(name)) {
                    if (is_property(*v) && s.self.is(value_kind::instance)) return property_get(*v, s.self);
                    return bind_to(*v, s.self);
                }
            after = after || c == s.after.get();
        }
        // object.__repr__: <module.Class object at 0x...>
        if (name == "__repr__" && s.self.is(value_kind::instance)) return object_repr_method(s.self);
        // object.__init__, which takes nothing more than the instance
        if (name == "__init__" && s.self.is(value_kind::instance)) {
            auto m = make_ref<method_object>();
            m->self = s.self;
            return value::of(value_kind::method, m);
        }
        break;
    }
    default: break;
    }
    found = false;
    return {};
}

void runtime::store_attribute(const value& obj, const std::string& name, value v)
{
    // defaultdict's one writable attribute (a member of its C struct)
    if (obj.is(value_kind::dict) && name == "default_factory" && obj.as<dict_object>().default_factory) {
        note_nesting(obj, v);
        *obj.as<dict_object>().default_factory = std::move(v);
        return;
    }
    if (named_tuple_of(obj)) {
        store_named_tuple_attribute(obj, name, std::move(v), false);
        return;
    }
    // A Counter is an instance of a Python class: it has a __dict__ the engine does not model
    if (obj.is(value_kind::dict) && obj.as<dict_object>().is_counter) raise_unsupported("setting an attribute of a Counter");
    // so is an OrderedDict (odict's tp_dictoffset)
    if (obj.is(value_kind::dict) && obj.as<dict_object>().is_ordered) raise_unsupported("setting an attribute of an OrderedDict");
    switch (obj.kind) {
    case value_kind::instance: {
        auto& inst = obj.as<instance_object>();
        if (inst.cls->is_object) raise_error("AttributeError", "'object' object has no attribute '" + name + "'");
        // Field has __slots__, which the engine does not model
        if (is_dataclass_field_object(obj)) raise_unsupported("setting an attribute of a dataclasses.Field");
        // CPython changes the instance's class; kept as a plain attribute it would go on printing as the old one.
        if (name == "__class__") raise_unsupported("setting the attribute '__class__' of an instance");
        if (inst.cls->frozen_setattr) check_frozen(inst, name, false);
        if (const value* p = inst.cls->lookup(name); p && is_property(*p)) {
            const auto& d = p->as<descriptor_object>();
            if (d.setter.is(value_kind::none))
                raise_error("AttributeError", (d.name.empty() ? std::string("property") : "property '" + d.name + "'") + " of '" + inst.cls->name + "' object has no setter");
            const value setter = d.setter;
            call_sync(setter, {obj, std::move(v)});
            return;
        }
        note_nesting(obj, v);
        if (!inst.dict_copy.expired()) update_instance_dict(inst, name, &v);
        inst.attributes.set(name, std::move(v));
        return;
    }
    case value_kind::lru_cache:
        // A C type with a __dict__: every name is plain data there
        note_nesting(obj, v);
        obj.as<lru_cache_object>().attributes.set(name, std::move(v));
        return;
    case value_kind::function: {
        auto& fn = obj.as<function_object>();
        if (name == "__name__" || name == "__qualname__") {
            if (!v.is(value_kind::string)) raise_error("TypeError", name + " must be set to a string object");
            (name == "__name__" ? fn.writable_namespace().name : fn.writable_namespace().qualname) = v.as<string_object>().s;
            return;
        }
        note_nesting(obj, v);
        if (name == "__doc__") fn.writable_namespace().doc = std::move(v);
        else if (name == "__module__") fn.writable_namespace().module = std::move(v);
        else if (is_dunder(name) && cpython_type_has("function", name)) raise_unsupported("setting the attribute '" + name + "' of a function");
        else fn.writable_namespace().attributes.set(name, std::move(v));
        return;
    }
    case value_kind::class_type: {
        auto& cls = obj.as<class_object>();
        if (cls.is_object) raise_error("TypeError", "cannot set '" + name + "' attribute of immutable type 'object'");
        if (name == "__name__" || name == "__qualname__") {
            if (!v.is(value_kind::string))
                raise_error("TypeError", "can only assign string to " + cls.name + "." + name + ", not '" + type_name(v) + "'");
            (name == "__name__" ? cls.name : cls.qualname) = v.as<string_object>().s;
            return;
        }
        if (name == "__doc__" && !cls.enumeration && !cls.is_dataclass) {
            note_nesting(obj, v);
            cls.doc = std::move(v);
            return;
        }
        if (name == "__module__" && v.is(value_kind::string) && !cls.enumeration && !cls.is_dataclass) {
            cls.module = v.as<string_object>().s;
            return;
        }
        if (is_dunder(name) && name != "__wrapped__") raise_unsupported("setting the special attribute '" + name + "' of a class");
        if (cls.enumeration)
            for (const auto& member : cls.enumeration->names)
                if (member.first == name) raise_error("AttributeError", "cannot reassign member '" + name + "'");
        note_nesting(obj, v);
        cls.attributes.set(name, std::move(v));
        return;
    }
    case value_kind::none:
    case value_kind::boolean:
    case value_kind::integer:
    case value_kind::floating:
    case value_kind::string:
    case value_kind::list:
    case value_kind::tuple:
    case value_kind::dict:
    case value_kind::set:
    case value_kind::frozenset:
    case value_kind::deque:
    case value_kind::range: {
        // Builtin types have no instance attributes of their own.
        const std::string t = type_name(obj);
        if (cpython_type_has(t, name)) raise_unsupported("setting the attribute '" + name + "' of a " + t + " object");
        raise_error("AttributeError", "'" + t + "' object has no attribute '" + name + "'");
    }
    case value_kind::exception: {
        // Exceptions have a __dict__: any attribute but those BaseException defines
        // (a SystemExit's code: the engine reads it from args)
        if (cpython_type_has("BaseException", name) || name == "filename" || name == "errno" || name == "strerror" ||
            (name == "code" && is_instance_of(obj, "SystemExit")))
            raise_unsupported("setting the attribute '" + name + "' of an exception");
        note_nesting(obj, v);
        obj.as<exception_object>().attributes.set(name, std::move(v));
        return;
    }
    case value_kind::slice:
        // Its members are read-only; it has no __dict__
        if (name == "start" || name == "stop" || name == "step") raise_error("AttributeError", "readonly attribute");
        if (cpython_type_has("slice", name)) raise_unsupported("setting the attribute '" + name + "' of a slice object");
        raise_error("AttributeError", "'slice' object has no attribute '" + name + "'");
    default: raise_unsupported("setting an attribute of a " + type_name(obj) + " object");
    }
}

bool runtime::has_instance_dict(const value& v)
{
    if (!v.is(value_kind::instance)) return false;
    const auto& cls = *v.as<instance_object>().cls;
    if (cls.is_object || cls.enumeration) return false;
    // The program's classes, and logging's (written in Python with CPython's attributes: a formatter
    // formats a record's __dict__)
    for (const class_object* c : cls.mro)
        if (c->module != "__main__" && c->module != "logging") return false;
    return true;
}

value runtime::instance_dict(const value& obj)
{
    auto& inst = obj.as<instance_object>();
    if (ref<object> held = inst.dict_copy.lock()) return value::of(value_kind::dict, std::move(held));
    charge_work(inst.attributes.entries.size());
    value d = make_dict();
    auto& dict = as_dict(d);
    const key_equality eq = dict_equality();
    for (const auto& [name, item] : inst.attributes.entries) {
        value key = value::string(name);
        note_nesting(d, item);
        dict.set(key, python_hash(key), item, eq);
    }
    dict.is_instance_dict = true;
    inst.dict_copy = d.obj;
    return d;
}

// An attribute set (`v`) or deleted (null) while the program holds the instance's dict: the dict
// changes as CPython's __dict__ would (a new name last, a name set again in its place)
void runtime::update_instance_dict(instance_object& inst, const std::string& name, const value* v)
{
    ref<object> held = inst.dict_copy.lock();
    if (!held) return;
    auto& dict = static_cast<dict_object&>(*held);
    value key = value::string(name);
    const std::int64_t hash = python_hash(key);
    dict.is_instance_dict = false;
    if (v) {
        note_nesting(value::of(value_kind::dict, held), *v);
        dict.set(std::move(key), hash, *v, dict_equality());
    } else {
        dict.remove(key, hash, dict_equality());
    }
    dict.is_instance_dict = true;
}

void runtime::delete_attribute(const value& obj, const std::string& name)
{
    if (named_tuple_of(obj)) {
        store_named_tuple_attribute(obj, name, value{}, true);
        return;
    }
    if (is_dataclass_field_object(obj)) raise_unsupported("deleting an attribute of a dataclasses.Field");
    if (obj.is(value_kind::instance) && !obj.as<instance_object>().cls->is_object) {
        const auto& cls = *obj.as<instance_object>().cls;
        if (cls.frozen_setattr) check_frozen(obj.as<instance_object>(), name, true);
        if (const value* p = cls.lookup(name); p && is_property(*p)) {
            const auto& d = p->as<descriptor_object>();
            if (d.deleter.is(value_kind::none)) raise_error("AttributeError", (d.name.empty() ? std::string("property") : "property '" + d.name + "'") + " of '" + cls.name + "' object has no deleter");
            const value deleter = d.deleter;
            call_sync(deleter, {obj});
            return;
        }
        if (!obj.as<instance_object>().attributes.remove(name))
            raise_error("AttributeError", "'" + type_name(obj) + "' object has no attribute '" + name + "'");
        if (!obj.as<instance_object>().dict_copy.expired()) update_instance_dict(obj.as<instance_object>(), name, nullptr);
        return;
    }
    if (obj.is(value_kind::function)) {
        auto& fn = obj.as<function_object>();
        if (name == "__name__" || name == "__qualname__") raise_error("TypeError", name + " must be set to a string object");
        if (name == "__doc__") {
            fn.writable_namespace().doc = value::none();
            return;
        }
        if (is_dunder(name) && cpython_type_has("function", name)) raise_unsupported("deleting the attribute '" + name + "' of a function");
        if (!fn.ns || !fn.ns->attributes.remove(name)) raise_error("AttributeError", "'function' object has no attribute '" + name + "'");
        return;
    }
    if (obj.is(value_kind::class_type) && !obj.as<class_object>().is_object) {
        if (!obj.as<class_object>().attributes.remove(name))
            raise_error("AttributeError", "type object '" + obj.as<class_object>().name + "' has no attribute '" + name + "'");
        return;
    }
    raise_unsupported("deleting an attribute of a " + type_name(obj) + " object");
}

value runtime::construct(exec_context& ctx, const ref<class_object>& cls, std::vector<value> args,
                         std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame)
{
    pushed_frame = false;
    if (cls == enum_base_class()) raise_unsupported("calling Enum (the functional API)");
    if (is_enum_class(*cls)) return enum_call(*cls, args, kwargs);
    if (named_tuple_spec_of(*cls)) return construct_named_tuple(cls, std::move(args), std::move(kwargs));
    auto inst = make_ref<instance_object>();
    inst->cls = cls;
    value self = value::of(value_kind::instance, inst);
    const value* init = cls->lookup("__init__");
    if (!init) {
        if (!args.empty() || !kwargs.empty()) raise_error("TypeError", cls->name + "() takes no arguments");
        return self;
    }
    return run_init(ctx, std::move(self), *init, std::move(args), std::move(kwargs), pushed_frame);
}

value runtime::run_init(exec_context& ctx, value self, const value& init, std::vector<value> args,
                        std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame)
{
    if (!init.is(value_kind::function)) raise_unsupported("an __init__ that is not a function");
    args.insert(args.begin(), self);
    const value init_function = init;
    // Calling the class is a C call (type.__call__): a level of recursion for as long as __init__ runs
    if (call_depth(ctx) >= config_.max_call_depth) raise_error("RecursionError", "maximum recursion depth exceeded while calling a Python object");
    struct type_call_level {
        exec_context& ctx;
        bool& pushed;
        type_call_level(exec_context& c, bool& p) : ctx(c), pushed(p) { ++ctx.c_calls; }
        ~type_call_level()
        {
            if (pushed) ctx.frames.back()->through_c_call = true;  // its frame's end takes the level back
            else --ctx.c_calls;
        }
    };
    value result;
    {
        type_call_level level(ctx, pushed_frame);
        result = call_value(ctx, init_function, std::move(args), std::move(kwargs), pushed_frame);
    }
    if (pushed_frame) {
        ctx.frames.back()->constructing = std::move(self);
        return {};
    }
    // An async def __init__ made a coroutine
    raise_error("TypeError", "__init__() should return None, not '" + type_name(result) + "'");
}

bool runtime::right_operand_first(const value& a, const value& b, std::string_view reflected)
{
    // When the right operand's class is a subclass of the left's that overrides the reflected method
    if (!a.is(value_kind::instance) || !b.is(value_kind::instance)) return false;
    const auto& ca = *a.as<instance_object>().cls;
    const auto& cb = *b.as<instance_object>().cls;
    const value* mine = cb.lookup(reflected);
    return &ca != &cb && cb.is_subclass_of(ca) && mine && mine != ca.lookup(reflected);
}

value runtime::make_super(exec_context& ctx, std::vector<value>& args)
{
    auto s = make_ref<super_object>();
    if (args.size() == 2) {
        if (!args[0].is(value_kind::class_type)) raise_error("TypeError", "super() argument 1 must be a type, not " + type_name(args[0]));
        s->after = static_ref_cast<class_object>(args[0].obj);
        s->self = args[1];
    } else if (args.empty()) {
        // super(): the class whose body defined the running function, and its first argument.
        const frame& f = *ctx.frames.back();
        if (f.code->param_count == 0 || f.locals.empty()) raise_error("RuntimeError", "super(): no arguments");
        if (!f.defining_class) raise_error("RuntimeError", "super(): __class__ cell not found");
        const value& first = f.locals[0].is(value_kind::cell) ? f.locals[0].as<cell_object>().content : f.locals[0];
        if (first.is_unbound()) raise_error("RuntimeError", "super(): arg[0] deleted");
        s->after = f.defining_class;
        s->self = first;
    } else {
        raise_unsupported("super() with one argument");
    }
    if (s->self.is(value_kind::exception)) {
        if (!exception_method(*s->self.as<exception_object>().type, "__init__") && !s->after->exception_base)
            raise_error("TypeError", "super(type, obj): obj must be an instance or subtype of type");
        return value::of(value_kind::super_proxy, s);
    }
    const auto cls = class_of(s->self);
    if (!cls || !cls->is_subclass_of(*s->after))
        raise_error("TypeError", "super(type, obj): obj must be an instance or subtype of type");
    return value::of(value_kind::super_proxy, s);
}

std::string runtime::instance_text(const value& v, bool as_repr)
{
    const auto& cls = *v.as<instance_object>().cls;
    const char* which = "__repr__";
    const value* method = as_repr ? nullptr : cls.lookup("__str__");
    if (method) which = "__str__";
    else if (cls.enumeration && !as_repr) return enum_member_text(v, false);  // Enum.__str__
    else method = cls.lookup("__repr__");
    if (!method && cls.enumeration) return enum_member_text(v, true);
    // None of its own, or not one event text may run
    if (!method || (quiet_repr_scope::active() && !method->is(value_kind::builtin))) return object_repr_text(v);
    if (!method->is(value_kind::function) && !method->is(value_kind::builtin))
        raise_unsupported(std::string("a ") + which + " that is not a function");
    const value function = *method;
    value text = call_sync(function, {v}, {}, 0);  // PyObject_Repr/PyObject_Str has counted its level (repr_guard)
    // str() that falls back to __repr__ still names __str__, as CPython's object.__str__ does
    if (!text.is(value_kind::string))
        raise_error("TypeError", std::string(as_repr ? "__repr__" : "__str__") + " returned non-string (type " + type_name(text) + ")");
    return text.as<string_object>().s;
}

} // namespace loopscope::engine

namespace loopscope::engine {

bool runtime::exception_text(const value& v, bool as_repr, std::string& out)
{
    // The nearest of the program's classes that defines it; a builtin class between them and
    // BaseException defines neither (its str and repr are BaseException's)
    const char* which = as_repr ? "__repr__" : "__str__";
    const value* method = nullptr;
    for (auto t = v.as<exception_object>().type; t && !method; t = t->base)
        if (t->methods) method = t->methods->lookup(which);
    // None of its own, or not one an event's text may run
    if (!method || quiet_repr_scope::active()) return false;
    if (!method->is(value_kind::function)) raise_unsupported(std::string("a ") + which + " that is not a function");
    const value function = *method;
    value text = call_sync(function, {v}, {}, 0);
    if (!text.is(value_kind::string)) raise_error("TypeError", std::string(which) + " returned non-string (type " + type_name(text) + ")");
    out = text.as<string_object>().s;
    return true;
}

bool runtime::call_special(const value& obj, const char* name, std::vector<value> args, value& result)
{
    if (!obj.is(value_kind::instance)) return false;
    const value* method = obj.as<instance_object>().cls->lookup(name);
    if (!method) return false;
    if (!method->is(value_kind::function) && !method->is(value_kind::builtin))
        raise_unsupported(std::string("a ") + name + " that is not a function");
    const value function = *method;
    args.insert(args.begin(), obj);
    result = call_sync(function, std::move(args));
    return true;
}

std::optional<value> runtime::bound_special(const value& obj, const char* name)
{
    if (obj.is(value_kind::context_manager)) return context_manager_special(obj, name);
    if (!obj.is(value_kind::instance)) return std::nullopt;
    const value* method = obj.as<instance_object>().cls->lookup(name);
    if (!method) return std::nullopt;
    if (!method->is(value_kind::function)) raise_unsupported(std::string("a ") + name + " that is not a function");
    return bind_to(*method, obj);
}

std::optional<value> runtime::rich_compare(compare_op op, const value& a, const value& b)
{
    static const char* const names[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    static const compare_op reflected[] = {compare_op::eq, compare_op::ne, compare_op::gt, compare_op::ge, compare_op::lt, compare_op::le};
    const auto k = static_cast<std::size_t>(op);
    // __ne__ is object's: the inverse of __eq__
    if (op == compare_op::ne) {
        auto eq = rich_compare(compare_op::eq, a, b);
        if (!eq) return std::nullopt;
        return value::boolean(!truthy(*eq));
    }
    const char* name = names[k];
    const char* reflected_name = names[static_cast<std::size_t>(reflected[k])];
    auto defines = [](const value& v, const char* n) {
        return v.is(value_kind::instance) ? v.as<instance_object>().cls->lookup(n) : nullptr;
    };
    const bool right_first = right_operand_first(a, b, reflected_name);
    value result;
    // A dataclass's __eq__, __lt__ ... answer NotImplemented to another class's instance
    auto side = [&](const value& x, const char* n, const value& y) {
        if (const value* m = defines(x, n); m && is_dataclass_comparison(*m) && class_of(x) != class_of(y)) return false;
        return call_special(x, n, {y}, result);
    };
    if (right_first && side(b, reflected_name, a)) return result;
    if (side(a, name, b)) return result;
    if (!right_first && side(b, reflected_name, a)) return result;
    return std::nullopt;
}

std::int64_t runtime::instance_hash(const value& v)
{
    const auto& cls = *v.as<instance_object>().cls;
    const value* hash = cls.lookup("__hash__");
    if (!hash && cls.enumeration) return python_hash(*v.as<instance_object>().attributes.find("_name_"));  // Enum.__hash__
    if (!hash) {
        // A class that defines __eq__ and not __hash__ has __hash__ = None
        if (cls.lookup("__eq__")) raise_error("TypeError", "unhashable type: '" + cls.name + "'");
        const auto address = reinterpret_cast<std::uintptr_t>(v.obj.get());
        return static_cast<std::int64_t>((address >> 4) | (address << 60));
    }
    if (hash->is(value_kind::none)) raise_error("TypeError", "unhashable type: '" + cls.name + "'");
    value result;
    call_special(v, "__hash__", {}, result);
    if (!is_int(result)) raise_error("TypeError", "__hash__ method should return an integer");
    // As slot_tp_hash: an int that fits a Py_ssize_t is the hash itself, a bigger one is reduced as
    // int's hash reduces it; -1 is reserved for errors and becomes -2
    const auto fits = small_int(result);
    std::int64_t h = fits ? *fits : python_hash(result);
    return h == -1 ? -2 : h;
}

std::int64_t runtime::length_of_instance(const value& v)
{
    value n;
    if (!call_special(v, "__len__", {}, n)) raise_error("TypeError", "object of type '" + type_name(v) + "' has no len()");
    if (!is_int(n)) raise_error("TypeError", "'" + type_name(n) + "' object cannot be interpreted as an integer");
    if (int_is_negative(n)) raise_error("ValueError", "__len__() should return >= 0");
    auto small = small_int(n);
    if (!small) raise_error("OverflowError", "cannot fit 'int' into an index-sized integer");
    return *small;
}

bool runtime::instance_truth(const value& v)
{
    value b;
    if (call_special(v, "__bool__", {}, b)) {
        if (!b.is(value_kind::boolean)) raise_error("TypeError", "__bool__ should return bool, returned " + type_name(b));
        return b.b;
    }
    if (v.as<instance_object>().cls->lookup("__len__")) return length_of_instance(v) != 0;
    return true;
}

} // namespace loopscope::engine

namespace loopscope::engine {

namespace {

constexpr const char* dataclasses_py = "/usr/lib/python3.11/dataclasses.py";

// An error dataclasses.py raises while it makes the class: `inner` its frames below _process_class
// (innermost first), then _process_class at `line`, wrap, and for a bare @dataclass, dataclass().
[[noreturn]] void raise_in_process_class(const std::string& type, const std::string& message, bool bare, std::int32_t line,
                                         const char* source, std::string_view expression = {}, std::vector<traceback_entry> inner = {})
{
    value exc = make_error(type, message);
    auto& traceback = exc.as<exception_object>().traceback;
    for (auto& entry : inner) traceback.push_back(std::move(entry));
    traceback.push_back(library_frame("_process_class", line, dataclasses_py, source, expression));
    traceback.push_back(library_frame("wrap", 1210, dataclasses_py, "return _process_class(cls, init, repr, eq, order, unsafe_hash,",
                                      "_process_class(cls, init, repr, eq, order, unsafe_hash,"));
    if (bare) traceback.push_back(library_frame("dataclass", 1220, dataclasses_py, "return wrap(cls)", "wrap(cls)"));
    throw python_error{std::move(exc)};
}

// The nearest dataclass along a class's MRO (getattr(b, __dataclass_params__) in dataclasses.py)
const class_object* nearest_dataclass(const class_object& cls)
{
    for (const auto* c : cls.mro)
        if (c->is_dataclass) return c;
    return nullptr;
}

// _get_field's test for a mutable default: its class's __hash__ is None (a list, dict, set or deque; an
// instance of a class with __eq__ and no __hash__, such as a plain dataclass)
bool unhashable_default(const value& v)
{
    if (v.is(value_kind::list) || v.is(value_kind::dict) || v.is(value_kind::set) || v.is(value_kind::deque)) return true;
    if (!v.is(value_kind::instance)) return false;
    const auto& cls = *v.as<instance_object>().cls;
    if (cls.enumeration) return false;
    const value* hash = cls.lookup("__hash__");
    return hash ? hash->is(value_kind::none) : cls.lookup("__eq__") != nullptr;
}

} // namespace

value runtime::make_dataclass(const value& cls_value, unsigned options, bool bare)
{
    if (!cls_value.is(value_kind::class_type)) raise_unsupported("dataclass() of a " + type_name(cls_value));
    auto cls = static_ref_cast<class_object>(cls_value.obj);
    const bool frozen = options & dataclass_options::frozen, eq = options & dataclass_options::eq;
    // The bases' fields first (the furthest base first), then this class's annotations; a name
    // annotated again keeps its place and takes the new default.
    std::vector<class_object::field_spec> fields;
    std::unordered_map<std::string, std::size_t> field_index;  // as dataclasses.py's fields dict
    auto add = [this, &fields, &field_index](class_object::field_spec spec) {
        charge_work(1);
        auto [at, added] = field_index.try_emplace(spec.name, fields.size());
        if (!added) fields[at->second] = std::move(spec);
        else fields.push_back(std::move(spec));
    };
    bool has_dataclass_bases = false, any_frozen_base = false;
    for (auto it = cls->mro.rbegin(); it != cls->mro.rend(); ++it) {
        if (*it == cls.get()) continue;
        if (const class_object* d = nearest_dataclass(**it)) {
            has_dataclass_bases = true;
            any_frozen_base = any_frozen_base || d->frozen;
        }
        // getattr(b, __dataclass_fields__): a plain class has its nearest dataclass base's fields
        if (const class_object* d = nearest_dataclass(**it))
            for (const auto& f : d->fields) add(f);
    }
    for (const auto& name : cls->annotations) {
        class_object::field_spec spec;
        spec.name = name;
        if (const value* v = cls->attributes.find(name)) {
            if (v->is(value_kind::descriptor) && v->as<descriptor_object>().what == descriptor_object::kind::dataclass_field) {
                const auto& d = v->as<descriptor_object>();
                spec.default_value = d.setter;
                spec.default_factory = d.function;
                const std::int64_t flags = d.deleter.is(value_kind::integer) ? d.deleter.i : 7;
                spec.repr = flags & 1;
                spec.compare = flags & 2;
                spec.init = flags & 4;
                spec.hash = (flags & 8) ? (flags & 16) != 0 : spec.compare;
                spec.hash_option = static_cast<std::int8_t>((flags & 8) ? ((flags & 16) ? 1 : 0) : -1);
            } else {
                spec.default_value = *v;
            }
            if (unhashable_default(spec.default_value))
                raise_in_process_class("ValueError",
                                       "mutable default " +
                                           (spec.default_value.is(value_kind::instance) ? spec.default_value.as<instance_object>().cls->repr_text()
                                                                                         : "<class '" + type_name(spec.default_value) + "'>") +
                                           " for field " + name +
                                           " is not allowed: use default_factory",
                                       bare, 958, "cls_fields.append(_get_field(cls, name, type, kw_only))", "_get_field(cls, name, type, kw_only)",
                                       {library_frame("_get_field", 815, dataclasses_py, "raise ValueError(f'mutable default {type(f.default)} for field '")});
            // The class attribute is the default itself (or, for field(default_factory=...), none)
            if (spec.default_value.is_unbound()) cls->attributes.remove(name);
            else cls->attributes.set(name, spec.default_value);
        }
        add(std::move(spec));
    }
    if (has_dataclass_bases && any_frozen_base && !frozen)
        raise_in_process_class("TypeError", "cannot inherit non-frozen dataclass from a frozen one", bare, 988,
                               "raise TypeError('cannot inherit non-frozen dataclass from a '");
    if (has_dataclass_bases && !any_frozen_base && frozen)
        raise_in_process_class("TypeError", "cannot inherit frozen dataclass from a non-frozen one", bare, 993,
                               "raise TypeError('cannot inherit frozen dataclass from a '");
    if ((options & dataclass_options::order) && !eq)
        raise_in_process_class("ValueError", "eq must be true if order is true", bare, 1012, "raise ValueError('eq must be true if order is true')");
    // What the class itself defines (its __dict__), before anything is added; __hash__ = None set by
    // the class statement (a class with __eq__ and no __hash__) is not an explicit hash
    const bool defined_eq = cls->attributes.find("__eq__") != nullptr;
    const value* own_hash = cls->attributes.find("__hash__");
    const bool explicit_hash = own_hash && !(own_hash->is(value_kind::none) && defined_eq);
    if (options & dataclass_options::init) {
        bool seen_default = false;
        for (const auto& f : fields) {
            if (!f.init) continue;
            const bool has_default = !f.default_value.is_unbound() || !f.default_factory.is_unbound();
            if (seen_default && !has_default)
                raise_in_process_class("TypeError", "non-default argument '" + f.name + "' follows default argument", bare, 1027,
                                       "_init_fn(all_init_fields,", {},
                                       {library_frame("_init_fn", 545, dataclasses_py, "raise TypeError(f'non-default argument {f.name!r} '")});
            seen_default = seen_default || has_default;
        }
    }
    // __init__(self, field, ...): each init field's parameter stored on self, a default_factory's
    // field defaulting to a marker that the body replaces by a fresh factory() call; a field with
    // init=False set from its factory, or left to the class attribute. Each statement stands at its
    // line in the text dataclasses.py writes (`def __create_fn__`, `def __init__`, then the body).
    auto code = std::make_shared<code_object>();
    code->name = "__init__";
    code->qualname = cls->qualname + ".__init__";
    code->dataclass_generated = true;
    code->dataclass_frozen_init = frozen;
    code->first_line = 2;
    code->local_names.push_back("self");
    code->constants.push_back(value::none());
    value marker;
    auto fn = make_ref<function_object>();
    std::int32_t body_line = 3;
    std::size_t parameters = 0;
    for (std::size_t k = 0; k < fields.size(); ++k) {
        const auto& f = fields[k];
        code->names.push_back(f.name);
        const bool factory = !f.default_factory.is_unbound();
        if (!f.init && !factory) continue;  // the class attribute holds its default
        std::int32_t slot = 0;
        if (f.init) {
            slot = static_cast<std::int32_t>(++parameters);
            code->local_names.push_back(f.name);
        }
        if (factory && f.init) {
            if (!marker.obj) {
                auto m = make_ref<instance_object>();
                m->cls = object_class();
                marker = value::of(value_kind::instance, m);
            }
            code->constants.push_back(marker);
            code->constants.push_back(f.default_factory);
            const auto marker_index = static_cast<std::int32_t>(code->constants.size() - 2);
            code->instructions.push_back({opcode::load_local, slot, body_line});
            code->instructions.push_back({opcode::load_const, marker_index, body_line});
            code->instructions.push_back({opcode::compare, static_cast<std::int32_t>(compare_op::is), body_line});
            const auto after = static_cast<std::int32_t>(code->instructions.size() + 4);
            code->instructions.push_back({opcode::pop_jump_if_false, after, body_line});
            code->instructions.push_back({opcode::load_const, marker_index + 1, body_line});
            code->instructions.push_back({opcode::call, 0, body_line});
            code->instructions.push_back({opcode::store_local, slot, body_line});
            fn->defaults.push_back(marker);
            code->instructions.push_back({opcode::load_local, slot, body_line});
        } else if (factory) {
            code->constants.push_back(f.default_factory);
            code->instructions.push_back({opcode::load_const, static_cast<std::int32_t>(code->constants.size() - 1), body_line});
            code->instructions.push_back({opcode::call, 0, body_line});
        } else {
            if (!f.default_value.is_unbound()) fn->defaults.push_back(f.default_value);
            code->instructions.push_back({opcode::load_local, slot, body_line});
        }
        code->instructions.push_back({opcode::load_local, 0, body_line});
        code->instructions.push_back({opcode::store_attr, static_cast<std::int32_t>(k), body_line});
        ++body_line;
    }
    // self.__post_init__(), when the class has one (hasattr when the class is made)
    if (cls->lookup("__post_init__")) {
        code->names.push_back("__post_init__");
        code->instructions.push_back({opcode::load_local, 0, body_line});
        code->instructions.push_back({opcode::load_attr, static_cast<std::int32_t>(code->names.size() - 1), body_line});
        code->instructions.push_back({opcode::call, 0, body_line});
        code->instructions.push_back({opcode::pop_top, 0, body_line});
    }
    code->instructions.push_back({opcode::load_const, 0, body_line});
    code->instructions.push_back({opcode::set_return, 0, body_line});
    code->instructions.push_back({opcode::return_value, 0, body_line});
    code->param_count = parameters + 1;
    code->positional_defaults = fn->defaults.size();
    fn->code = code;
    fn->defining_class = cls;
    cls->fields = std::move(fields);
    cls->is_dataclass = true;
    // What the class defines itself stays
    auto generated = [this](const char* name) { return make_builtin(dataclass_method_id(name), name); };
    if ((options & dataclass_options::init) && !cls->attributes.find("__init__")) cls->attributes.set("__init__", value::of(value_kind::function, fn));
    if ((options & dataclass_options::repr) && !cls->attributes.find("__repr__")) cls->attributes.set("__repr__", generated("__repr__"));
    if (eq && !defined_eq) cls->attributes.set("__eq__", generated("__eq__"));
    if (options & dataclass_options::order)
        for (const char* name : {"__lt__", "__le__", "__gt__", "__ge__"}) {
            if (cls->attributes.find(name))
                raise_in_process_class("TypeError", std::string("Cannot overwrite attribute ") + name + " in class " + cls->name +
                                                        ". Consider using functools.total_ordering",
                                       bare, 1073, "raise TypeError(f'Cannot overwrite attribute {name} '");
            cls->attributes.set(name, generated(name));
        }
    if (frozen) {
        cls->frozen = true;
        cls->frozen_setattr = cls.get();
    }
    // dataclasses.py's _hash_action table: (unsafe_hash, eq, frozen, explicit __hash__)
    if (options & dataclass_options::unsafe_hash) {
        if (explicit_hash)
            raise_in_process_class("TypeError", "Cannot overwrite attribute __hash__ in class " + cls->name, bare, 1091,
                                   "cls.__hash__ = hash_action(cls, field_list, globals)", "hash_action(cls, field_list, globals)",
                                   {library_frame("_hash_exception", 851, dataclasses_py, "raise TypeError(f'Cannot overwrite attribute __hash__ '")});
        cls->attributes.set("__hash__", generated("__hash__"));
    } else if (eq && !explicit_hash) {
        if (frozen) cls->attributes.set("__hash__", generated("__hash__"));
        else cls->attributes.set("__hash__", value::none());
    }
    return cls_value;
}

void runtime::check_frozen(const instance_object& inst, const std::string& name, bool deleting)
{
    // object.__setattr__ in the __init__ dataclasses.py writes for a frozen class
    const exec_context* ctx = sync_context_ ? sync_context_ : running_;
    if (ctx && !ctx->frames.empty() && ctx->frames.back()->code->dataclass_frozen_init) return;
    const class_object& owner = *inst.cls->frozen_setattr;
    bool refused = inst.cls.get() == &owner;
    for (const auto& f : owner.fields) refused = refused || f.name == name;
    if (!refused) return;
    auto e = make_ref<exception_object>();
    e->type = frozen_instance_error_type();
    e->args.push_back(value::string(std::string(deleting ? "cannot delete field " : "cannot assign to field ") + repr(value::string(name))));
    e->traceback.push_back(library_frame(deleting ? "__delattr__" : "__setattr__", 4, "<string>", ""));
    throw python_error{value::of(value_kind::exception, e)};
}

namespace {

// The dataclass whose generated `method` this is: the first along self's MRO that has it as its own
// (CPython writes each from that class's fields)
const class_object& dataclass_of(const value& self, const char* method)
{
    for (const auto* c : class_of(self)->mro)
        if (const value* m = c->attributes.find(method); m && c->is_dataclass && is_dataclass_method(*m, method)) return *c;
    raise_unsupported("a dataclass method called on another object");
}

} // namespace

std::string runtime::dataclass_repr(const value& self)
{
    if (!self.is(value_kind::instance)) raise_unsupported("a dataclass method called on another object");
    // _recursive_repr: an instance met again inside its own repr is "..."
    thread_local std::vector<const object*> running;
    if (std::find(running.begin(), running.end(), self.obj.get()) != running.end()) return "...";
    running.push_back(self.obj.get());
    struct leave {
        ~leave() { running.pop_back(); }
    } on_exit;
    std::string out = class_of(self)->qualname + "(";
    bool first = true;
    for (const auto& f : dataclass_of(self, "__repr__").fields) {
        if (!f.repr) continue;
        if (!first) out += ", ";
        first = false;
        out += f.name + "=" + repr(load_attribute(self, f.name));
    }
    return out + ")";
}

bool runtime::dataclass_equal(const value& self, const value& other)
{
    if (!self.is(value_kind::instance)) raise_unsupported("a dataclass method called on another object");
    for (const auto& f : dataclass_of(self, "__eq__").fields) {
        if (!f.compare) continue;
        value x = load_attribute(self, f.name), y = load_attribute(other, f.name);
        const bool same_object = x.obj && x.obj == y.obj;  // as a tuple compares its items: identity first
        if (!same_object && !equals(x, y)) return false;
    }
    return true;
}

// __lt__ ... as dataclasses.py writes them: the compared fields of both as tuples, compared (the other
// class's instances are NotImplemented: rich_compare does not call this for them)
value runtime::dataclass_order(int method_id, const value& self, const value& other)
{
    if (!self.is(value_kind::instance)) raise_unsupported("a dataclass method called on another object");
    std::vector<value> mine, theirs;
    static const char* const names[] = {"__lt__", "__le__", "__gt__", "__ge__"};
    const int k = method_id - dataclass_method_id("__lt__");
    for (const auto& f : dataclass_of(self, names[k]).fields) {
        if (!f.compare) continue;
        mine.push_back(load_attribute(self, f.name));
        theirs.push_back(load_attribute(other, f.name));
    }
    static constexpr compare_op ops[] = {compare_op::lt, compare_op::le, compare_op::gt, compare_op::ge};
    return compare(static_cast<std::int32_t>(ops[k]), value::tuple(std::move(mine)), value::tuple(std::move(theirs)));
}

// __hash__: hash() of the tuple of the fields whose hash= is true (compare= when hash=None)
std::int64_t runtime::dataclass_hash(const value& self)
{
    if (!self.is(value_kind::instance)) raise_unsupported("a dataclass method called on another object");
    std::vector<value> items;
    for (const auto& f : dataclass_of(self, "__hash__").fields)
        if (f.hash) items.push_back(load_attribute(self, f.name));
    return python_hash(value::tuple(std::move(items)));
}

} // namespace loopscope::engine

namespace loopscope::engine {

std::optional<value> runtime::instance_binary(binary_op op, bool inplace, const value& a, const value& b)
{
    static const char* const stems[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"};
    const std::string stem = stems[static_cast<std::size_t>(op)];
    const std::string name = "__" + stem + "__", reflected = "__r" + stem + "__";
    value result;
    if (inplace && call_special(a, ("__i" + stem + "__").c_str(), {b}, result)) return result;
    const bool right_first = right_operand_first(a, b, reflected);
    // a's reflected method is not tried for a op b when both are of one class
    const bool same_class = a.is(value_kind::instance) && b.is(value_kind::instance) && a.as<instance_object>().cls == b.as<instance_object>().cls;
    if (right_first && call_special(b, reflected.c_str(), {a}, result)) return result;
    if (call_special(a, name.c_str(), {b}, result)) return result;
    if (!right_first && !same_class && call_special(b, reflected.c_str(), {a}, result)) return result;
    return std::nullopt;
}

} // namespace loopscope::engine
