#pragma once

// The pointer a run's objects are held by: an intrusive reference count in the object itself, not
// atomic. A run's objects live on one thread (the thread its driver runs on), so the count needs no
// lock prefix: copying a value costs an increment, not an atomic read-modify-write on a separate
// control block (std::shared_ptr's, which glibc makes atomic in every program). What two threads may
// share (the library's compiled modules, the code cache) is kept per thread (library.cpp,
// code_cache.cpp), never as objects reached from two threads.
//
// The object is destroyed when its last `ref` goes, as with shared_ptr; `weak_ref` sees that through a
// small block the object makes the first time it is weakly referenced, which outlives it while a
// weak_ref holds it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

namespace loopscope::engine {

class counted;

namespace detail {
struct weak_block {
    counted* target;
    std::uint32_t holders;  // the weak_refs to it, and the object while it lives
};
} // namespace detail

// What every object carries for its holders: its count, and its weak block once it has one
class counted {
public:
    counted() = default;
    counted(const counted&) = delete;
    counted& operator=(const counted&) = delete;

protected:
    ~counted()
    {
        if (weak_) {
            weak_->target = nullptr;
            if (--weak_->holders == 0) delete weak_;
        }
    }

private:
    template <class T> friend class ref;
    template <class T> friend class weak_ref;
    mutable std::uint32_t refs_ = 0;
    mutable detail::weak_block* weak_ = nullptr;
};

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
    weak_ref(const ref<U>& r) : block_(block_of(r.get()))
    {
    }
    weak_ref(const weak_ref& other) noexcept : block_(other.block_)
    {
        if (block_) ++block_->holders;
    }
    weak_ref(weak_ref&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
    ~weak_ref() { let_go(); }
    weak_ref& operator=(const weak_ref& other) noexcept
    {
        if (other.block_) ++other.block_->holders;
        let_go();
        block_ = other.block_;
        return *this;
    }
    weak_ref& operator=(weak_ref&& other) noexcept
    {
        if (this != &other) {
            let_go();
            block_ = other.block_;
            other.block_ = nullptr;
        }
        return *this;
    }
    template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
    weak_ref& operator=(const ref<U>& r)
    {
        auto* b = block_of(r.get());
        let_go();
        block_ = b;
        return *this;
    }

    // Dead from the moment its last ref went, even while its destructor runs
    bool expired() const noexcept { return !block_ || !block_->target || block_->target->refs_ == 0; }
    ref<T> lock() const noexcept { return expired() ? ref<T>() : ref<T>(static_cast<T*>(block_->target)); }
    void reset() noexcept
    {
        let_go();
        block_ = nullptr;
    }
    // Whether this is a weak reference to that object (alive)
    bool refers_to(const counted* p) const noexcept { return p && block_ && block_->target == p; }

private:
    static detail::weak_block* block_of(T* p)
    {
        if (!p) return nullptr;
        counted* c = p;
        if (!c->weak_) c->weak_ = new detail::weak_block{c, 1};
        ++c->weak_->holders;
        return c->weak_;
    }
    void let_go() noexcept
    {
        if (block_ && --block_->holders == 0) delete block_;
    }

    detail::weak_block* block_ = nullptr;
};

} // namespace loopscope::engine

template <class T> struct std::hash<loopscope::engine::ref<T>> {
    std::size_t operator()(const loopscope::engine::ref<T>& r) const noexcept { return std::hash<T*>()(r.get()); }
};
