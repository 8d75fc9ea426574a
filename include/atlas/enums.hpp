// atlas: the request's enums and their wire strings.
#ifndef ATLAS_ENUMS_HPP
#define ATLAS_ENUMS_HPP

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace atlas {

/// One wire value of an enum: the string sent, and what it means.
struct enum_value {
    std::string_view wire;
    std::string_view meaning;
    std::string_view also_written = {}; // other words people write for it, space-separated: hints only
};

/// `campaignType`: the channel family.
enum class campaign_type : std::uint8_t { non_phone, phone };
BOOST_DESCRIBE_ENUM(campaign_type, non_phone, phone)

/// `CallType`: the phone direction.
enum class call_type : std::uint8_t { inbound, outbound };
BOOST_DESCRIBE_ENUM(call_type, inbound, outbound)

/// Response `AIAssistantProvider`: "atlas", or null when another runtime powers the campaign.
enum class ai_assistant_provider : std::uint8_t { atlas };
BOOST_DESCRIBE_ENUM(ai_assistant_provider, atlas)

// The wire tables: entry i is the wire value of the enumerator whose underlying value is i.
inline constexpr enum_value campaign_type_values[] = {
    {"0", "non-phone (voice bubble or Messages/SMS)", "web widget chat text"},
    {"1", "phone (inbound or outbound)", "call calls telephone"},
};
inline constexpr enum_value call_type_values[] = {
    {"1", "inbound", "incoming in receive"},
    {"2", "outbound", "outgoing out dial dialer"},
};
inline constexpr enum_value ai_assistant_provider_values[] = {
    {"atlas", "the Atlas runtime"},
};

constexpr std::span<const enum_value> wire_values(campaign_type) noexcept { return campaign_type_values; }
constexpr std::span<const enum_value> wire_values(call_type) noexcept { return call_type_values; }
constexpr std::span<const enum_value> wire_values(ai_assistant_provider) noexcept
{
    return ai_assistant_provider_values;
}

/// True for the enums that have a wire table (found by ADL through `wire_values`).
template <class E>
concept closed_enum = std::is_enum_v<E> && requires(E e) {
    { wire_values(e) } -> std::same_as<std::span<const enum_value>>;
};

/// The wire string of a closed enum's value.
template <closed_enum E>
constexpr std::string_view to_wire(E e) noexcept
{
    auto values = wire_values(E{});
    auto index = static_cast<std::size_t>(e);
    return index < values.size() ? values[index].wire : std::string_view{};
}

/// The enumerator whose wire string is `wire`, if any (case-exact).
template <closed_enum E>
constexpr std::optional<E> from_wire(std::string_view wire) noexcept
{
    auto values = wire_values(E{});
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i].wire == wire)
            return static_cast<E>(i);
    return std::nullopt;
}

/// An enum whose values the seed does not publish (`Position`, `Status`, `FirstMessageMode`,
/// `EnrichmentInfoProvider`): any non-empty string passes until the caller registers the
/// allowed set in the validation options.
struct open_enum {
    std::string value;

    friend bool operator==(const open_enum&, const open_enum&) = default;
};

} // namespace atlas

#endif
