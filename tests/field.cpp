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
    }

    TEST_CASE("a number or boolean field refuses a value that would arrive changed: a fraction, a bool, a wide unsigned")
    {
        // A probe: DailyCallLimit = 1.5 compiled and was written as 1, IsActive = 2 as true, DailyCallLimit = true as
        // 1; and a function's name converted to true (session 14).
        using limit = atlas::field<std::int64_t>;
        using flag = atlas::field<bool>;
        enum class colour { red };
        static_assert(!std::is_assignable_v<limit&, double>);
        static_assert(!std::is_assignable_v<limit&, float>);
        static_assert(!std::is_assignable_v<limit&, bool>);
        static_assert(!std::is_assignable_v<limit&, std::uint64_t>); // its large values would wrap: cast them
        static_assert(!std::is_constructible_v<limit, double>);
        static_assert(!std::is_assignable_v<flag&, int>);
        static_assert(!std::is_assignable_v<flag&, double>);
        static_assert(!std::is_assignable_v<flag&, const char(&)[6]>);
        static_assert(!std::is_assignable_v<flag&, void (*)()>);
        static_assert(!std::is_assignable_v<flag&, void()>);
        static_assert(!std::is_assignable_v<flag&, colour>);
        static_assert(!std::is_constructible_v<flag, int>);
        // What holds every value stays: integers of up to 64 bits with a sign, unsigned ones of up to 32.
        static_assert(std::is_assignable_v<limit&, int>);
        static_assert(std::is_assignable_v<limit&, long long>);
        static_assert(std::is_assignable_v<limit&, std::int64_t>);
        static_assert(std::is_assignable_v<limit&, unsigned>);
        static_assert(std::is_assignable_v<limit&, short>);
        enum { default_limit = 500 }; // an unscoped enum's constant, as its integer (review)
        static_assert(std::is_assignable_v<limit&, decltype(default_limit)>);
        static_assert(!std::is_assignable_v<flag&, decltype(default_limit)>);
        static_assert(std::is_constructible_v<limit, int>);
        static_assert(std::is_assignable_v<limit&, std::nullptr_t>);
        static_assert(std::is_assignable_v<atlas::field<std::string>&, std::string>);
        limit calls;
        calls = 500;
        CHECK(*calls == 500);
        calls = static_cast<std::int64_t>(std::uint64_t{3'000'000'000});
        CHECK(*calls == 3'000'000'000);
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

    TEST_CASE("a null field is false in a condition like an absent one and only a value is true")
    {
        const atlas::field<int> null_one(nullptr);
        const atlas::field<int> absent_one;
        const atlas::field<int> value_one(0);
        CHECK_FALSE(static_cast<bool>(null_one));
        CHECK_FALSE(static_cast<bool>(absent_one));
        CHECK(static_cast<bool>(value_one));
    }
}
