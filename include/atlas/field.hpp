// atlas: a field that can be absent, null, or hold a value.
#ifndef ATLAS_FIELD_HPP
#define ATLAS_FIELD_HPP

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

namespace atlas {

namespace detail {
/// Whether a U given for a field<T> of a number or a boolean would arrive as another value: a boolean takes only a
/// bool, never a number, pointer, string literal, function or enum; an integer takes integers that it holds all of
/// (not bool, a floating-point number, or std::uint64_t / std::size_t, whose large values would wrap: cast them).
template <class T, class U>
consteval bool refuse_conversion() noexcept
{
    if constexpr (!std::is_arithmetic_v<T> || std::is_same_v<T, U>)
        return false;
    else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> && std::is_enum_v<U>) {
        if constexpr (std::is_convertible_v<U, std::underlying_type_t<U>>) // an unscoped enum: as its integer type
            return refuse_conversion<T, std::underlying_type_t<U>>();
        else
            return true;
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> && std::is_integral_v<U> &&
                       !std::is_same_v<U, bool>)
        return std::is_signed_v<U> ? std::numeric_limits<U>::digits > std::numeric_limits<T>::digits
                                   : std::numeric_limits<U>::digits >= std::numeric_limits<T>::digits + 1 - std::is_signed_v<T>;
    else
        return std::is_arithmetic_v<U> || std::is_pointer_v<U> || std::is_array_v<U> || std::is_function_v<U> ||
               std::is_member_pointer_v<U> || std::is_enum_v<U>;
}
template <class T, class U>
inline constexpr bool changes_value = refuse_conversion<T, U>();
} // namespace detail

/// The three states a JSON member can be in. They differ on the wire ("omit" is not "null"),
/// so the model keeps them apart and writes back exactly what it read.
enum class presence : std::uint8_t { absent, null, value };

/// A member of a payload: absent (not in the object), null, or a value of type T.
template <class T>
class field {
public:
    using value_type = T;

    constexpr field() = default;
    constexpr field(T v) : state_(presence::value), value_(std::move(v)) {}
    constexpr field(std::nullptr_t) noexcept : state_(presence::null) {}

    constexpr field& operator=(T v)
    {
        value_ = std::move(v);
        state_ = presence::value;
        return *this;
    }
    // A conversion that changes the value is refused at compile time: req.IsActive = "false" would set true (and a
    // C string turn a voice bubble into an SMS campaign through MessagesCampaign), DailyCallLimit = 1.5 would be 1,
    // IsActive = 2 true. See detail::changes_value.
    template <class U>
        requires detail::changes_value<T, std::remove_cvref_t<U>>
    field(U&&) = delete;
    template <class U>
        requires detail::changes_value<T, std::remove_cvref_t<U>>
    field& operator=(U&&) = delete;

    constexpr field& operator=(std::nullptr_t) noexcept
    {
        value_ = T{};
        state_ = presence::null;
        return *this;
    }
    /// Back to absent: the member will not be written.
    constexpr void reset() noexcept(noexcept(T{}))
    {
        value_ = T{};
        state_ = presence::absent;
    }

    constexpr presence state() const noexcept { return state_; }
    constexpr bool absent() const noexcept { return state_ == presence::absent; }
    constexpr bool is_null() const noexcept { return state_ == presence::null; }
    constexpr bool has_value() const noexcept { return state_ == presence::value; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    /// The value; only meaningful when has_value().
    constexpr const T& value() const& noexcept
    {
        assert(has_value());
        return value_;
    }
    constexpr T& value() & noexcept
    {
        assert(has_value());
        return value_;
    }
    constexpr const T& operator*() const& noexcept { return value(); }
    constexpr T& operator*() & noexcept { return value(); }
    constexpr const T* operator->() const noexcept { return &value(); }
    constexpr T* operator->() noexcept { return &value(); }

    template <class U>
    constexpr T value_or(U&& fallback) const&
    {
        return has_value() ? value_ : static_cast<T>(std::forward<U>(fallback));
    }

    friend constexpr bool operator==(const field& a, const field& b)
    {
        return a.state_ == b.state_ && (a.state_ != presence::value || a.value_ == b.value_);
    }

private:
    presence state_ = presence::absent;
    T value_{};
};

/// True for atlas::field<T>.
template <class T>
inline constexpr bool is_field_v = false;
template <class T>
inline constexpr bool is_field_v<field<T>> = true;

} // namespace atlas

#endif
