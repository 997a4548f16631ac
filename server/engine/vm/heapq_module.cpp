// heapq's C functions (CPython's Modules/_heapqmodule.c): heappush, heappop, heapify, heapreplace and
// heappushpop on a program's list, by `<` as CPython compares (a program's __lt__ too), with the same
// swaps in the same order, so that the heap is the same list CPython makes, and CPython's errors: a
// comparison that changes the list's size is "list changed size during iteration".
#include "runtime.hpp"

#include <string>
#include <utility>
#include <vector>

namespace loopscope::engine {

namespace {

std::vector<value>& heap_items(const value& heap) { return heap.as<sequence_object>().items; }

} // namespace

// heap[pos] < other, where the list may change under the comparison (a program's __lt__)
bool runtime::heap_less(const value& a, const value& b)
{
    charge_work(4);
    return truthy(compare(static_cast<std::int32_t>(compare_op::lt), a, b));
}

// _siftdown: the item at pos moves up towards startpos while it is less than its parent
void runtime::heap_sift_down(const value& heap, std::size_t startpos, std::size_t pos)
{
    const std::size_t size = heap_items(heap).size();
    if (pos >= size) raise_error("IndexError", "index out of range");
    while (pos > startpos) {
        const std::size_t parentpos = (pos - 1) >> 1;
        const value newitem = heap_items(heap)[pos], parent = heap_items(heap)[parentpos];
        const bool less = heap_less(newitem, parent);
        if (size != heap_items(heap).size()) raise_error("RuntimeError", "list changed size during iteration");
        if (!less) break;
        auto& items = heap_items(heap);
        std::swap(items[parentpos], items[pos]);
        pos = parentpos;
    }
}

// _siftup: the smaller child moves up until a leaf is reached, then the item sifts down from there
void runtime::heap_sift_up(const value& heap, std::size_t pos)
{
    const std::size_t endpos = heap_items(heap).size();
    const std::size_t startpos = pos;
    if (pos >= endpos) raise_error("IndexError", "index out of range");
    const std::size_t limit = endpos >> 1;
    while (pos < limit) {
        std::size_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            const value a = heap_items(heap)[childpos], b = heap_items(heap)[childpos + 1];
            const bool less = heap_less(a, b);
            if (!less) ++childpos;
            if (endpos != heap_items(heap).size()) raise_error("RuntimeError", "list changed size during iteration");
        }
        auto& items = heap_items(heap);
        std::swap(items[childpos], items[pos]);
        pos = childpos;
    }
    heap_sift_down(heap, startpos, pos);
}

value runtime::call_heapq(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (!kwargs.empty()) raise_error("TypeError", "_heapq." + name + "() takes no keyword arguments");
    const bool one = name == "heappop" || name == "heapify";
    if (one && args.size() != 1)
        raise_error("TypeError", "_heapq." + name + "() takes exactly one argument (" + std::to_string(args.size()) + " given)");
    if (!one && args.size() != 2) raise_error("TypeError", name + " expected 2 arguments, got " + std::to_string(args.size()));
    const value& heap = args[0];
    if (!heap.is(value_kind::list))
        raise_error("TypeError", name + (one ? "() argument must be list, not " : "() argument 1 must be list, not ") +
                                     (heap.is(value_kind::none) ? std::string("None") : type_name(heap)));  // _PyArg_BadArgument's words
    auto& items = heap_items(heap);
    if (name == "heappush") {
        check_items(items.size() + 1);
        items.push_back(args[1]);
        heap_sift_down(heap, 0, heap_items(heap).size() - 1);
        return value::none();
    }
    if (name == "heappop") {
        if (items.empty()) raise_error("IndexError", "index out of range");
        value last = std::move(items.back());
        items.pop_back();
        if (items.empty()) return last;
        value top = std::move(items[0]);
        items[0] = std::move(last);
        heap_sift_up(heap, 0);
        return top;
    }
    if (name == "heapreplace") {
        if (items.empty()) raise_error("IndexError", "index out of range");
        value top = std::move(items[0]);
        items[0] = args[1];
        heap_sift_up(heap, 0);
        return top;
    }
    if (name == "heappushpop") {
        if (items.empty()) return args[1];
        const value first = items[0];
        if (!heap_less(first, args[1])) return args[1];
        auto& now = heap_items(heap);
        if (now.empty()) raise_error("IndexError", "index out of range");
        value top = std::move(now[0]);
        now[0] = args[1];
        heap_sift_up(heap, 0);
        return top;
    }
    // heapify: each parent from the last one up to the root sifted into place (CPython's cache-friendly
    // order for long lists makes the same list: each sift touches its own subtree only)
    for (std::size_t i = items.size() >> 1; i-- > 0;) heap_sift_up(heap, i);
    return value::none();
}

} // namespace loopscope::engine
