#pragma once

// itertools as CPython 3.11's Modules/itertoolsmodule.c behaves: lazy iterators over other iterators,
// each draw charged as any iterator's is.

#include "value.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace loopscope::engine {

enum class itertools_kind : std::uint8_t {
    count, repeat, cycle, accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice, starmap,
    zip_longest, pairwise, product, permutations, combinations, combinations_with_replacement,
    groupby, grouper,  // groupby and the _grouper iterators it gives
    tee, tee_data,     // tee()'s iterators (_tee) and the links of items they share (teedataobject)
};

// One iterator of the module. iterator_object's `source` is the iterator drawn from (chain: the
// iterables still to come), `function` the callable, `inners` the iterators zip_longest draws from.
struct itertools_object : iterator_object {
    itertools_kind what = itertools_kind::count;
    value current;  // count: the next number; repeat: the object; accumulate: the total (unbound: none
                    // yet); pairwise: the previous item (unbound: none yet); chain: the active iterator;
                    // compress: the selectors; zip_longest: the fill value
    value step;     // count: the step; accumulate: the initial value still to give (unbound: none)
    std::int64_t remaining = -1;  // repeat: how many more (-1: forever); zip_longest: iterators still active
    std::int64_t next_index = 0, stop = -1, skip = 1, drawn = 0;  // islice: CPython's next, stop, step, cnt
    std::vector<value> saved;           // cycle: what the first pass drew; the combinatorics: the pool
    std::vector<std::size_t> indices, cycles, pool_sizes;  // the combinatorics' state (product: per pool)
    std::size_t r = 0;                  // the combinatorics: the result's length
    bool first = true;                  // cycle: in the first pass; the combinatorics: nothing given yet
    bool stopped = false;               // dropwhile: done dropping; takewhile and the combinatorics: over
    // groupby and _grouper: inners[0] the groupby's state, an itertools_object of kind groupby never given
    // to the program: its `source` the iterator, `function` the key function (None), `current` tgtkey,
    // `step` currkey, saved[0] currvalue (unbound: NULL), next_index the number of its current grouper
    // (0: none), `drawn` the groupers made. A _grouper's `current` is its tgtkey, next_index its number.
    // tee: as itertoolsmodule.c, a _tee holds a link (inners[0], of kind tee_data, never given to the
    // program) and its index in it (next_index); a link holds the iterator (`source`), up to 57 items
    // drawn from it (`saved`), the next link (`current`; unbound: not made yet) and whether a draw is
    // under way (`stopped`: tdo->running). A link goes when no _tee holds it or the one before it, so the
    // items are kept until every copy has passed them.
    std::string repr_text() const override;
    // What a run's end clears so that a cycle through the iterator is let go.
    void drop_references();
};

// "itertools.count", the name type() shows.
std::string itertools_type_name(const itertools_object& it);
// Is `name` an itertools name the engine models (count, chain, …; "chain.from_iterable" too)?
bool itertools_has(std::string_view name);
// The builtin id of itertools' types (builtins.cpp), for natives that make one (Counter.elements)
int itertools_builtin_id();

} // namespace loopscope::engine
