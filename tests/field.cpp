#include <atlas/field.hpp>

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

TEST_SUITE("field")
{
    TEST_CASE("a default field is absent, neither null nor holding a value")
    {
        atlas::field<int> f;
        CHECK(f.absent());
        CHECK_FALSE(f.is_null());
        CHECK_FALSE(f.has_value());
        CHECK(f.state() == atlas::presence::absent);
        CHECK(f.value_or(7) == 7);
    }

    TEST_CASE("assigning null and then a value moves through the three states")
    {
        atlas::field<std::string> f;
        f = nullptr;
        CHECK(f.is_null());
        CHECK_FALSE(f.absent());
        f = std::string("x");
        CHECK(f.has_value());
        CHECK(*f == "x");
        CHECK(f->size() == 1);
        f.reset();
        CHECK(f.absent());
    }

    TEST_CASE("a boolean field refuses a pointer, which would convert to true")
    {
        // req.IsActive = "false" compiled and set true.
        static_assert(!std::is_assignable_v<atlas::field<bool>&, const char*>);
        static_assert(!std::is_constructible_v<atlas::field<bool>, const char*>);
        static_assert(!std::is_assignable_v<atlas::field<bool>&, int*>);
        static_assert(std::is_assignable_v<atlas::field<bool>&, bool>);
        static_assert(std::is_assignable_v<atlas::field<bool>&, std::nullptr_t>);
        static_assert(std::is_assignable_v<atlas::field<std::string>&, const char*>); // other fields take C strings
        atlas::field<bool> active;
        active = false;
        CHECK(active.has_value());
        CHECK_FALSE(*active);
        active = nullptr;
        CHECK(active.is_null());
    }

    TEST_CASE("fields compare by state first, then by value")
    {
        atlas::field<int> absent, null = nullptr, zero = 0, one = 1;
        CHECK(absent != null);
        CHECK(null != zero);
        CHECK(zero != one);
        CHECK(zero == atlas::field<int>(0));
        CHECK(null == atlas::field<int>(nullptr));
    }
}
