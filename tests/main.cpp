#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "allocation_limit.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

// Every allocation of the test program goes through here, so a test can make the N-th one fail (allocation_limit.hpp).
namespace atlas_test {
thread_local std::size_t allocations_left = no_allocation_limit;
thread_local std::size_t largest_allocation = 0;
}

void* operator new(std::size_t size)
{
    if (atlas_test::allocations_left != atlas_test::no_allocation_limit) {
        if (atlas_test::allocations_left == 0) {
            atlas_test::allocations_left = atlas_test::no_allocation_limit; // one failure: the next may succeed
            throw std::bad_alloc();
        }
        --atlas_test::allocations_left;
    }
    atlas_test::largest_allocation = std::max(atlas_test::largest_allocation, size);
    if (void* p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}

void* operator new[](std::size_t size) { return operator new(size); }
// The nothrow forms too (std::stable_sort's buffer): every allocation must meet the free() below, or a sanitizer
// build sees its own operator new freed by ours.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    try {
        return operator new(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return operator new(size, std::nothrow); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
