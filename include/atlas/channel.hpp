// atlas: the four channels a campaign belongs to.
#ifndef ATLAS_CHANNEL_HPP
#define ATLAS_CHANNEL_HPP

#include <cstdint>
#include <string_view>

namespace atlas {

/// Every request body belongs to exactly one channel, derived from
/// campaignType, CallType and MessagesCampaign (see CONTRACT.md, "The channel").
enum class campaign_channel : std::uint8_t {
    inbound_phone = 1,
    outbound_phone = 2,
    voice_bubble = 4,
    messages = 8,
};

/// A set of channels, as a bit mask; used for "which channels a field has an effect on".
class channel_set {
public:
    constexpr channel_set() noexcept = default;
    constexpr channel_set(campaign_channel c) noexcept : bits_(static_cast<std::uint8_t>(c)) {}

    constexpr bool contains(campaign_channel c) const noexcept
    {
        return (bits_ & static_cast<std::uint8_t>(c)) != 0;
    }
    constexpr bool empty() const noexcept { return bits_ == 0; }
    constexpr std::uint8_t bits() const noexcept { return bits_; }

    friend constexpr channel_set operator|(channel_set a, channel_set b) noexcept
    {
        channel_set r;
        r.bits_ = static_cast<std::uint8_t>(a.bits_ | b.bits_);
        return r;
    }
    friend constexpr bool operator==(channel_set, channel_set) noexcept = default;

private:
    std::uint8_t bits_ = 0;
};

constexpr channel_set operator|(campaign_channel a, campaign_channel b) noexcept
{
    return channel_set(a) | channel_set(b);
}

namespace channels {
inline constexpr channel_set phone = campaign_channel::inbound_phone | campaign_channel::outbound_phone;
inline constexpr channel_set outbound_only = campaign_channel::outbound_phone;
inline constexpr channel_set inbound_only = campaign_channel::inbound_phone;
inline constexpr channel_set all = phone | campaign_channel::voice_bubble | campaign_channel::messages;
} // namespace channels

/// "inbound phone", "outbound phone", "voice bubble", "messages (SMS)".
constexpr std::string_view to_string(campaign_channel c) noexcept
{
    switch (c) {
    case campaign_channel::inbound_phone: return "inbound phone";
    case campaign_channel::outbound_phone: return "outbound phone";
    case campaign_channel::voice_bubble: return "voice bubble";
    case campaign_channel::messages: return "messages (SMS)";
    }
    return "unknown";
}

} // namespace atlas

#endif
