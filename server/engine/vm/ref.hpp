#pragma once

// The pointer a run's objects are held by: an intrusive reference count in the object itself, not
// atomic. A run's objects live on one thread (the thread its driver runs on), so the count needs no
// lock prefix: copying a value costs an increment, not an atomic read-modify-write on a separate
// control block (std::shared_ptr's, which glibc makes atomic in every program). What two threads may
// share (the library's compiled modules, the code cache) is kept per thread (library.cpp,
// code_cache.cpp), never as objects reached from two threads.
//
// The object is destroyed when its last `ref` goes, as with shared_ptr; its `weak_ref`s are linked in a
// list the object keeps, and each is told (emptied) when the object goes.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

namespace loopscope::engine {

class counted;

namespace detail {
// A weak reference's link in its object's list: the object lets every one of them know when it goes,
// so a weak reference costs no allocation (a shared_ptr's weak count lives in its control block; the
// engine makes a weak reference for every container that may close a cycle, and for each task)
struct weak_node {
    counted* target = nullptr;
    weak_node* prev = nullptr;
    weak_node* next = nullptr;
    void link(counted* t) noexcept;
    void unlink() noexcept;
    void take_place_of(weak_node& other) noexcept;
};
} // namespace detail

// What every object carries for its holders: its count, and the list of its weak references
class counted {
public:
    counted() = default;
    counted(const counted&) = delete;
    counted& operator=(const counted&) = delete;

protected:
    ~counted()
    {
        for (detail::weak_node* n = weak_head_; n;) {
            detail::weak_node* next = n->next;
            n->target = nullptr;
            n->prev = n->next = nullptr;
            n = next;
        }
    }

private:
    template <class T> friend class ref;
    template <class T> friend class weak_ref;
    friend struct detail::weak_node;
    mutable std::uint32_t refs_ = 0;
    mutable detail::weak_node* weak_head_ = nullptr;
};

namespace detail {
inline void weak_node::link(counted* t) noexcept
{
    target = t;
    prev = nullptr;
    next = t->weak_head_;
    if (next) next->prev = this;
    t->weak_head_ = this;
}
inline void weak_node::unlink() noexcept
{
    if (!target) return;
    if (prev) prev->next = next;
    else target->weak_head_ = next;
    if (next) next->prev = prev;
    target = nullptr;
    prev = next = nullptr;
}
inline void weak_node::take_place_of(weak_node& other) noexcept
{
    target = other.target;
    prev = other.prev;
    next = other.next;
    if (!target) return;
    if (prev) prev->next = this;
    else target->weak_head_ = this;
    if (next) next->prev = this;
    other.target = nullptr;
    other.prev = other.next = nullptr;
}
} // namespace detail

template <class T> class ref {
public:
    using element_type = T;

    constexpr ref() noexcept = default;
    constexpr ref(std::nullptr_t) noexcept {}
    // Takes a reference to an object made with `new` (make_ref), or to one already held elsewhere
    explicit ref(T* p) noexcept : p_(p) { retain(); }
    ref(const ref& other) noexcept : p_(other.p_) { retain(); }
    ref(ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    ref(const ref<U>& other) noexcept : p_(other.get())
    {
        retain();
    }
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    ref(ref<U>&& other) noexcept : p_(other.release())
    {
    }
    ~ref() { drop(); }

    ref& operator=(const ref& other) noexcept
    {
        T* old = p_;
        p_ = other.p_;
        retain();
        drop(old);
        return *this;
    }
    ref& operator=(ref&& other) noexcept
    {
        if (this != &other) {
            T* old = p_;
            p_ = other.p_;
            other.p_ = nullptr;
            drop(old);
        }
        return *this;
    }
    ref& operator=(std::nullptr_t) noexcept
    {
        reset();
        return *this;
    }

    void reset() noexcept
    {
        T* old = p_;
        p_ = nullptr;
        drop(old);
    }
    // Gives up the reference without dropping it (the caller owns it now)
    T* release() noexcept
    {
        T* p = p_;
        p_ = nullptr;
        return p;
    }

    T* get() const noexcept { return p_; }
    T& operator*() const noexcept { return *p_; }
    T* operator->() const noexcept { return p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    long use_count() const noexcept { return p_ ? static_cast<long>(static_cast<const counted*>(p_)->refs_) : 0; }

    template <class U> bool operator==(const ref<U>& other) const noexcept { return p_ == other.get(); }
    bool operator==(std::nullptr_t) const noexcept { return p_ == nullptr; }

    // A reference to a count the caller already holds (see release())
    static ref adopt(T* p) noexcept
    {
        ref r;
        r.p_ = p;
        return r;
    }

private:
    void retain() const noexcept
    {
        if (p_) ++static_cast<const counted*>(p_)->refs_;
    }
    static void drop(T* p) noexcept
    {
        if (p && --static_cast<const counted*>(p)->refs_ == 0) delete p;
    }
    void drop() noexcept { drop(p_); }

    T* p_ = nullptr;
};

template <class T, class... Args> ref<T> make_ref(Args&&... args)
{
    return ref<T>(new T(std::forward<Args>(args)...));
}

template <class T, class U> ref<T> static_ref_cast(const ref<U>& r) noexcept { return ref<T>(static_cast<T*>(r.get())); }
template <class T, class U> ref<T> static_ref_cast(ref<U>&& r) noexcept { return ref<T>::adopt(static_cast<T*>(r.release())); }
template <class T, class U> ref<T> dynamic_ref_cast(const ref<U>& r) noexcept { return ref<T>(dynamic_cast<T*>(r.get())); }

template <class T> class weak_ref {
public:
    weak_ref() noexcept = default;
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    weak_ref(const ref<U>& r) noexcept
    {
        if (r) node_.link(static_cast<T*>(r.get()));
    }
    weak_ref(const weak_ref& other) noexcept
    {
        if (other.node_.target) node_.link(other.node_.target);
    }
    weak_ref(weak_ref&& other) noexcept { node_.take_place_of(other.node_); }
    ~weak_ref() { node_.unlink(); }
    weak_ref& operator=(const weak_ref& other) noexcept
    {
        if (this != &other) {
            counted* t = other.node_.target;
            node_.unlink();
            if (t) node_.link(t);
        }
        return *this;
    }
    weak_ref& operator=(weak_ref&& other) noexcept
    {
        if (this != &other) {
            node_.unlink();
            node_.take_place_of(other.node_);
        }
        return *this;
    }
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    weak_ref& operator=(const ref<U>& r) noexcept
    {
        node_.unlink();
        if (r) node_.link(static_cast<T*>(r.get()));
        return *this;
    }

    // Dead from the moment its last ref went, even while its destructor runs
    bool expired() const noexcept { return !node_.target || node_.target->refs_ == 0; }
    ref<T> lock() const noexcept { return expired() ? ref<T>() : ref<T>(static_cast<T*>(node_.target)); }
    void reset() noexcept { node_.unlink(); }
    // Whether this is a weak reference to that object
    bool refers_to(const counted* p) const noexcept { return p && node_.target == p; }

private:
    detail::weak_node node_;
};

} // namespace loopscope::engine

template <class T> struct std::hash<loopscope::engine::ref<T>> {
    std::size_t operator()(const loopscope::engine::ref<T>& r) const noexcept { return std::hash<T*>()(r.get()); }
};
