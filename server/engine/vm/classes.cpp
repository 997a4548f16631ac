#include "classes.hpp"

#include "work_meter.hpp"

#include <algorithm>

namespace loopscope::engine {

const ref<class_object>& object_class()
{
    thread_local const ref<class_object> object = [] {
        auto c = make_ref<class_object>();
        c->name = c->qualname = "object";
        c->module = "builtins";
        c->is_object = true;
        return c;
    }();
    return object;
}

const value* class_object::lookup(std::string_view attribute) const
{
    // A hierarchy thousands deep makes one attribute read that much work
    if (mro.size() > 16) charge_work(mro.size());
    for (const auto& c : mro)
        if (const value* v = c->attributes.find(attribute)) return v;
    return nullptr;
}

bool class_object::is_subclass_of(const class_object& other) const
{
    if (other.is_object) return true;
    return std::find(mro.begin(), mro.end(), &other) != mro.end();
}

bool compute_mro(class_object& cls, std::string& conflict)
{
    note_class_namespace_change();  // lookups through cls find other attributes now
    cls.primitive_kind = -1;  // asked again of the new MRO
    // Each class holds its whole MRO: a chain of n classes holds n * n / 2 entries in all, which the
    // memory bound meets long before the time it takes.
    if (cls.bases.size() == 1) {
        reserve_memory((cls.bases[0]->mro.size() + 1) * sizeof(class_object*));
        std::vector<class_object*> result{&cls};
        result.insert(result.end(), cls.bases[0]->mro.begin(), cls.bases[0]->mro.end());
        cls.mro = std::move(result);
        return true;
    }
    // merge(L[B1], ..., L[Bn], [B1, ..., Bn]): take the first head that is in no list's tail.
    std::vector<std::vector<class_object*>> lists;
    for (const auto& b : cls.bases) lists.push_back(b->mro);
    std::vector<class_object*> direct;
    for (const auto& b : cls.bases) direct.push_back(b.get());
    lists.push_back(std::move(direct));
    std::vector<class_object*> result{&cls};
    while (true) {
        lists.erase(std::remove_if(lists.begin(), lists.end(), [](const auto& l) { return l.empty(); }), lists.end());
        if (lists.empty()) break;
        class_object* chosen = nullptr;
        std::size_t left = 0;
        for (const auto& l : lists) left += l.size();
        reserve_memory(left * sizeof(class_object*));
        for (const auto& l : lists) {
            charge_work(left);  // the head is looked for in every list's tail
            class_object* head = l.front();
            const bool in_a_tail = std::any_of(lists.begin(), lists.end(),
                                               [head](const auto& other) { return std::find(other.begin() + 1, other.end(), head) != other.end(); });
            if (!in_a_tail) {
                chosen = head;
                break;
            }
        }
        if (!chosen) {
            // The heads left, as CPython names them
            std::vector<class_object*> heads;
            for (const auto& l : lists)
                if (std::find(heads.begin(), heads.end(), l.front()) == heads.end()) heads.push_back(l.front());
            for (std::size_t k = 0; k < heads.size(); ++k) conflict += (k ? ", " : "") + heads[k]->name;
            return false;
        }
        result.push_back(chosen);
        for (auto& l : lists)
            if (l.front() == chosen) l.erase(l.begin());
    }
    cls.mro = std::move(result);
    return true;
}

const value* exception_method(const exception_type_object& type, std::string_view name)
{
    for (const exception_type_object* t = &type; t; t = t->base.get())
        if (t->methods)
            if (const value* v = t->methods->attributes.find(name)) return v;
    return nullptr;
}


std::string super_object::repr_text() const
{
    auto cls = class_of(self);
    return "<super: <class '" + after->name + "'>, <" + (self.is(value_kind::class_type) ? "type" : cls->name) + " object>>";
}

const named_tuple_spec* named_tuple_spec_of(const class_object& cls)
{
    for (const class_object* c : cls.mro)
        if (c->named_tuple) return c->named_tuple.get();
    return nullptr;
}

ref<class_object> class_of(const value& v)
{
    if (v.is(value_kind::instance)) return v.as<instance_object>().cls;
    if (auto* nt = named_tuple_of(v)) return nt->cls;
    if (v.is(value_kind::class_type)) return static_ref_cast<class_object>(v.obj);
    return nullptr;
}

} // namespace loopscope::engine
