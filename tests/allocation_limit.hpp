// The test program's allocation failure (tests/main.cpp replaces operator new): the next `allocations_left`
// allocations of this thread succeed, the one after throws std::bad_alloc, and those after it succeed again.
#ifndef ATLAS_TESTS_ALLOCATION_LIMIT_HPP
#define ATLAS_TESTS_ALLOCATION_LIMIT_HPP

#include <algorithm>
#include <cstddef>

namespace atlas_test {
inline constexpr std::size_t no_allocation_limit = static_cast<std::size_t>(-1);
extern thread_local std::size_t allocations_left;
extern thread_local std::size_t largest_allocation; // the largest size this thread asked operator new for

// The largest allocation made within its lifetime.
struct largest_allocation_since {
    largest_allocation_since() : before(largest_allocation) { largest_allocation = 0; }
    std::size_t bytes() const { return largest_allocation; }
    ~largest_allocation_since() { largest_allocation = std::max(before, largest_allocation); }
    std::size_t before;
    largest_allocation_since(const largest_allocation_since&) = delete;
    largest_allocation_since& operator=(const largest_allocation_since&) = delete;
};

// Makes the allocation after the next n fail, within its lifetime; allocations() counts those made so far.
struct allocation_limit {
    explicit allocation_limit(std::size_t n) : start(n) { allocations_left = n; }
    std::size_t allocations() const { return allocations_left == no_allocation_limit ? start + 1 : start - allocations_left; }
    std::size_t start;
    ~allocation_limit() { allocations_left = no_allocation_limit; }
    allocation_limit(const allocation_limit&) = delete;
    allocation_limit& operator=(const allocation_limit&) = delete;
};
} // namespace atlas_test

#endif
