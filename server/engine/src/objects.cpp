// A program's classes at run time: building them, their instances' attributes, calling a class,
// bound methods, super(), and the special methods that repr() and str() call.
#include "runtime.hpp"

#include "classes.hpp"
#include "cpython_names.hpp"

namespace loopscope::engine {

std::shared_ptr<class_object> runtime::make_class(const std::string& name, const std::string& qualname, const std::vector<value>& bases)
{
    auto cls = std::make_shared<class_object>();
    cls->name = name;
    cls->qualname = qualname;
    for (const auto& b : bases) {
        if (!b.is(value_kind::class_type)) {
            // A builtin type (dict, list, int), an exception class beside another base, or no class at all.
            if (b.is(value_kind::builtin) || b.is(value_kind::exception_type) || b.is(value_kind::type_name))
                raise_unsupported("a class deriving from '" + (b.is(value_kind::builtin) ? b.as<builtin_object>().name : repr(b)) + "'");
            raise_unsupported("a class whose base is not a class (" + type_name(b) + ")");
        }
        auto base = std::static_pointer_cast<class_object>(b.obj);
        for (const auto& other : cls->bases)
            if (other == base) raise_error("TypeError", "duplicate base class " + base->name);
        if (base->is_object) {
            if (bases.size() > 1) raise_unsupported("'object' beside other bases");
            continue;
        }
        cls->bases.push_back(std::move(base));
    }
    cls->mro.push_back(cls.get());  // until finish_class computes it: the body's own functions look here
    // Its namespace holds its methods, which hold it back (super()): the run's end breaks the cycle.
    nested_containers_.push_back(std::weak_ptr<object>(cls));
    return cls;
}

value runtime::make_exception_class(const std::string& qualname, const value& base)
{
    if (!base.is(value_kind::exception_type)) raise_unsupported("an exception class whose base is " + repr(base));
    auto t = std::make_shared<exception_type_object>();
    t->name = qualname.substr(qualname.rfind('.') + 1);
    t->qualified = qualname;
    t->in_main = true;
    t->base = std::static_pointer_cast<exception_type_object>(base.obj);
    return value::of(value_kind::exception_type, t);
}

namespace {

value bind(const value& function, const value& self)
{
    if (!function.is(value_kind::function)) return function;
    auto m = std::make_shared<method_object>();
    m->self = self;
    m->function = function;
    return value::of(value_kind::method, m);
}

} // namespace

// An attribute of an instance, a class, a bound method or super(); `found` false when it has none
// (the caller raises CPython's AttributeError).
value runtime::class_attribute(const value& obj, const std::string& name, bool& found)
{
    found = true;
    switch (obj.kind) {
    case value_kind::instance: {
        const auto& inst = obj.as<instance_object>();
        if (const value* v = inst.attributes.find(name)) return *v;
        if (const value* v = inst.cls->lookup(name)) return bind(*v, obj);
        if (name == "__class__") return value::of(value_kind::class_type, inst.cls);
        break;
    }
    case value_kind::class_type: {
        const auto& cls = obj.as<class_object>();
        if (const value* v = cls.lookup(name)) return *v;
        if (name == "__name__") return value::string(cls.name);
        if (name == "__qualname__") return value::string(cls.qualname);
        if (name == "__module__") return value::string(cls.module);
        break;
    }
    case value_kind::method: {
        const auto& m = obj.as<method_object>();
        if (name == "__self__") return m.self;
        if (name == "__func__" && m.function.is(value_kind::function)) return m.function;
        if (name == "__name__" && m.function.is(value_kind::function)) return value::string(m.function.as<function_object>().code->name);
        break;
    }
    case value_kind::super_proxy: {
        const auto& s = obj.as<super_object>();
        const auto start = class_of(s.self);
        bool after = false;
        for (const auto& c : start->mro) {
            if (after)
                if (const value* v = c->attributes.find(name)) return bind(*v, s.self);
            after = after || c == s.after.get();
        }
        // object.__init__, which takes nothing more than the instance
        if (name == "__init__" && s.self.is(value_kind::instance)) {
            auto m = std::make_shared<method_object>();
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
    switch (obj.kind) {
    case value_kind::instance: {
        auto& inst = obj.as<instance_object>();
        if (inst.cls->is_object) raise_error("AttributeError", "'object' object has no attribute '" + name + "'");
        // CPython changes the instance's class; kept as a plain attribute it would go on printing as the old one.
        if (name == "__class__") raise_unsupported("setting the attribute '__class__' of an instance");
        note_nesting(obj, v);
        inst.attributes.set(name, std::move(v));
        return;
    }
    case value_kind::class_type: {
        auto& cls = obj.as<class_object>();
        if (cls.is_object) raise_error("TypeError", "cannot set '" + name + "' attribute of immutable type 'object'");
        if (name.size() > 4 && name.rfind("__", 0) == 0) raise_unsupported("setting the special attribute '" + name + "' of a class");
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
    case value_kind::range: {
        // Builtin types have no instance attributes of their own.
        const std::string t = type_name(obj);
        if (cpython_type_has(t, name)) raise_unsupported("setting the attribute '" + name + "' of a " + t + " object");
        raise_error("AttributeError", "'" + t + "' object has no attribute '" + name + "'");
    }
    default: raise_unsupported("setting an attribute of a " + type_name(obj) + " object");
    }
}

void runtime::delete_attribute(const value& obj, const std::string& name)
{
    if (obj.is(value_kind::instance) && !obj.as<instance_object>().cls->is_object) {
        if (!obj.as<instance_object>().attributes.remove(name))
            raise_error("AttributeError", "'" + type_name(obj) + "' object has no attribute '" + name + "'");
        return;
    }
    if (obj.is(value_kind::class_type) && !obj.as<class_object>().is_object) {
        if (!obj.as<class_object>().attributes.remove(name))
            raise_error("AttributeError", "type object '" + obj.as<class_object>().name + "' has no attribute '" + name + "'");
        return;
    }
    raise_unsupported("deleting an attribute of a " + type_name(obj) + " object");
}

value runtime::construct(exec_context& ctx, const std::shared_ptr<class_object>& cls, std::vector<value> args,
                         std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame)
{
    pushed_frame = false;
    auto inst = std::make_shared<instance_object>();
    inst->cls = cls;
    value self = value::of(value_kind::instance, inst);
    const value* init = cls->lookup("__init__");
    if (!init) {
        if (!args.empty() || !kwargs.empty()) raise_error("TypeError", cls->name + "() takes no arguments");
        return self;
    }
    if (!init->is(value_kind::function)) raise_unsupported("an __init__ that is not a function");
    args.insert(args.begin(), self);
    const value init_function = *init;
    value result = call_value(ctx, init_function, std::move(args), std::move(kwargs), pushed_frame);
    if (pushed_frame) {
        ctx.frames.back()->constructing = std::move(self);
        return {};
    }
    // An async def __init__ made a coroutine
    raise_error("TypeError", "__init__() should return None, not '" + type_name(result) + "'");
}

value runtime::make_super(exec_context& ctx, std::vector<value>& args)
{
    auto s = std::make_shared<super_object>();
    if (args.size() == 2) {
        if (!args[0].is(value_kind::class_type)) raise_error("TypeError", "super() argument 1 must be a type, not " + type_name(args[0]));
        s->after = std::static_pointer_cast<class_object>(args[0].obj);
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
    else method = cls.lookup("__repr__");
    if (!method)
        return "<" + (cls.module == "builtins" ? cls.name : cls.module + "." + cls.qualname) + " object at " + object_address(v.obj.get()) + ">";
    if (!method->is(value_kind::function)) raise_unsupported(std::string("a ") + which + " that is not a function");
    const value function = *method;
    value text = call_sync(function, {v});
    // str() that falls back to __repr__ still names __str__, as CPython's object.__str__ does
    if (!text.is(value_kind::string))
        raise_error("TypeError", std::string(as_repr ? "__repr__" : "__str__") + " returned non-string (type " + type_name(text) + ")");
    return text.as<string_object>().s;
}

} // namespace loopscope::engine
