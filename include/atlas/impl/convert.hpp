// atlas: out-of-line definitions for convert.hpp.
#ifndef ATLAS_IMPL_CONVERT_HPP
#define ATLAS_IMPL_CONVERT_HPP

#include <atlas/convert.hpp>
#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/model.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/options.hpp>

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/system/system_error.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace atlas {
namespace detail {

[[noreturn]] inline void throw_conversion_error(boost::json::error code, std::string_view member, std::string_view what)
{
    std::string message = "atlas: member \"";
    message.append(member).append("\": ").append(what);
    throw boost::system::system_error(make_error_code(code), message);
}

inline void read_value(const boost::json::value& v, std::string& out, std::string_view member)
{
    if (!v.is_string())
        throw_conversion_error(boost::json::error::not_string, member, "expected a string");
    out.assign(v.get_string().data(), v.get_string().size());
}

inline void read_value(const boost::json::value& v, bool& out, std::string_view member)
{
    if (!v.is_bool())
        throw_conversion_error(boost::json::error::not_bool, member, "expected true or false");
    out = v.get_bool();
}

inline void read_value(const boost::json::value& v, std::int64_t& out, std::string_view member)
{
    if (v.is_int64())
        out = v.get_int64();
    else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        out = static_cast<std::int64_t>(v.get_uint64());
    else
        throw_conversion_error(v.is_number() ? boost::json::error::not_exact : boost::json::error::not_number, member, "expected an integer within int64");
}

inline void read_value(const boost::json::value& v, open_enum& out, std::string_view member)
{
    read_value(v, out.value, member);
}

template <closed_enum E>
void read_value(const boost::json::value& v, E& out, std::string_view member)
{
    if (!v.is_string())
        throw_conversion_error(boost::json::error::not_string, member, "expected a string");
    auto e = from_wire<E>(std::string_view(v.get_string().data(), v.get_string().size()));
    if (!e)
        throw_conversion_error(boost::json::error::unknown_name, member, "not one of the enum's wire values");
    out = *e;
}

/// What keeps `v` from being written as JSON, found without recursion: arrays and objects nested more than `limit`
/// deep (Boost.JSON's recursive copy would overflow the stack), a NaN or infinite number (its serializer writes
/// `NaN` and `Infinity`, which no JSON reader takes), or a string or key that is not UTF-8 (it writes the bytes as
/// they are, and JSON text is UTF-8: RFC 8259 section 8.1). convert_error{} when there is nothing.
inline convert_error unwritable_in(const boost::json::value& v, std::size_t limit)
{
    struct level {
        const boost::json::value* value;
        std::size_t depth;
    };
    std::vector<level> pending{{&v, 0}};
    while (!pending.empty()) {
        const level at = pending.back();
        pending.pop_back();
        if (const double* number = at.value->if_double(); number && !std::isfinite(*number))
            return convert_error::not_finite;
        if (const boost::json::string* text = at.value->if_string(); text && !is_utf8(*text))
            return convert_error::not_utf8;
        if (!at.value->is_array() && !at.value->is_object())
            continue;
        if (at.depth + 1 > limit)
            return convert_error::too_deep;
        if (const auto* array = at.value->if_array())
            for (const boost::json::value& element : *array)
                pending.push_back({&element, at.depth + 1});
        else
            for (const auto& member : at.value->get_object()) {
                if (!is_utf8(member.key()))
                    return convert_error::not_utf8;
                pending.push_back({&member.value(), at.depth + 1});
            }
    }
    return {};
}

/// Writes every non-absent member under its wire name, then the unknown members kept in `extra`.
template <class T>
void write_model(boost::json::value& out, const T& in)
{
    constexpr auto fields = fields_of<T>;
    boost::json::object& object = out.emplace_object();
    object.reserve(fields.size() + in.extra.size());
    std::size_t index = 0;
    boost::mp11::mp_for_each<model_members<T>>([&](auto D) {
        const auto& member = in.*D.pointer;
        const std::string_view wire = fields[index++].name;
        if (member.is_null())
            object[wire] = nullptr;
        else if (member.has_value()) {
            boost::json::value& written = object[wire] = boost::json::value_from(member.value(), object.storage());
            if (const boost::json::string* text = written.if_string(); text && !is_utf8(*text))
                throw boost::system::system_error(make_error_code(convert_error::not_utf8),
                    "atlas: member " + quote_value(wire));
        }
    });
    for (const auto& kv : in.extra)
        if (field_index(fields, kv.key()) == fields.size()) { // a known name in extra never overrides a member
            convert_error fault = is_utf8(kv.key()) ? convert_error{} : convert_error::not_utf8;
            if (fault == convert_error{})
                fault = unwritable_in(kv.value(), to_json_max_depth);
            if (fault != convert_error{})
                throw boost::system::system_error(make_error_code(fault),
                    "atlas: extra[" + quote_value(std::string_view(kv.key())) + "]");
            object.emplace(kv.key(), kv.value());
        }
}

template <class T>
T read_model(const boost::json::value& in)
{
    constexpr auto fields = fields_of<T>;
    const boost::json::object* object = in.if_object();
    if (!object)
        throw boost::system::system_error(make_error_code(boost::json::error::not_object),
            "atlas: the payload must be a JSON object");
    T out;
    std::size_t index = 0;
    boost::mp11::mp_for_each<model_members<T>>([&](auto D) {
        auto& member = out.*D.pointer;
        const std::string_view wire = fields[index++].name;
        auto it = object->find(wire);
        if (it == object->end())
            return;
        if (it->value().is_null()) {
            member = nullptr;
            return;
        }
        typename std::remove_cvref_t<decltype(member)>::value_type value{};
        read_value(it->value(), value, wire);
        member = std::move(value);
    });
    for (const auto& kv : *object)
        if (field_index(fields, kv.key()) == fields.size())
            out.extra.emplace(kv.key(), kv.value());
    return out;
}

} // namespace detail

ATLAS_DECL void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const update_campaign_request& in)
{
    detail::write_model(out, in);
}
ATLAS_DECL update_campaign_request tag_invoke(boost::json::value_to_tag<update_campaign_request>,
    const boost::json::value& in)
{
    return detail::read_model<update_campaign_request>(in);
}
ATLAS_DECL void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const campaign_response& in)
{
    detail::write_model(out, in);
}
ATLAS_DECL campaign_response tag_invoke(boost::json::value_to_tag<campaign_response>, const boost::json::value& in)
{
    return detail::read_model<campaign_response>(in);
}

ATLAS_DECL void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const open_enum& in)
{
    out = boost::json::string(in.value);
}
ATLAS_DECL open_enum tag_invoke(boost::json::value_to_tag<open_enum>, const boost::json::value& in)
{
    open_enum out;
    detail::read_value(in, out, "enum");
    return out;
}

namespace detail {
/// Boost.JSON's own limit is 32 levels; a payload the validator passes (up to options' max_depth, 64) must parse.
inline boost::json::parse_options typed_parse_options()
{
    boost::json::parse_options opts;
    opts.max_depth = options{}.max_depth;
    return opts;
}
} // namespace detail

namespace detail {
class convert_category_impl final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "atlas.convert"; }
    std::string message(int code) const override
    {
        switch (static_cast<convert_error>(code)) {
        case convert_error::repeated_key: return "a key appears more than once in one object";
        case convert_error::too_deep:
            return "a value nests arrays and objects deeper than atlas::to_json_max_depth (" +
                   std::to_string(to_json_max_depth) + ")";
        case convert_error::not_finite: return "a number is NaN or infinite, which JSON cannot write";
        case convert_error::not_utf8: return "a string or key is not valid UTF-8, which JSON text must be";
        }
        return "unknown atlas.convert error";
    }
};
} // namespace detail

ATLAS_DECL const boost::system::error_category& convert_category() noexcept
{
    static const detail::convert_category_impl category;
    return category;
}

namespace detail {
/// What a number literal is worth, written as Boost.JSON 1.81 reads it right, when it would read it wrong; empty
/// otherwise. Boost.JSON reads an exponent into an int, so one past 2147483647 is a parse error
/// ("1e-99999999999999999999", worth 0), and multiplies the mantissa by the power, so zero times a power past a
/// double's range is NaN ("0e400"). The validator passes both, as the numbers they are: 0 (a double, as Boost.JSON
/// reads any literal with an exponent), and past a double's range, 1e400 (infinite, as it reads 1e99999).
inline std::string_view number_boost_reads(std::string_view literal)
{
    constexpr std::int64_t saturated = std::int64_t{1} << 50;
    const bool negative = !literal.empty() && literal.front() == '-';
    std::size_t i = negative ? 1 : 0;
    // The power of ten of the first nonzero digit of the mantissa; none when it is zero.
    std::optional<std::int64_t> leading_power;
    std::int64_t integer_digits = 0;
    for (; i < literal.size() && json_impl::is_digit(literal[i]); ++i, ++integer_digits)
        if (!leading_power && literal[i] != '0')
            leading_power = -integer_digits; // made relative to the point below
    if (leading_power)
        *leading_power += integer_digits - 1;
    if (i < literal.size() && literal[i] == '.')
        for (std::int64_t place = 1; ++i < literal.size() && json_impl::is_digit(literal[i]); ++place)
            if (!leading_power && literal[i] != '0')
                leading_power = -place;
    if (i == literal.size() || (literal[i] != 'e' && literal[i] != 'E'))
        return {};
    ++i;
    const bool negative_exponent = i < literal.size() && literal[i] == '-';
    if (i < literal.size() && (literal[i] == '-' || literal[i] == '+'))
        ++i;
    std::int64_t exponent = 0;
    for (; i < literal.size() && json_impl::is_digit(literal[i]); ++i)
        exponent = std::min(saturated, exponent * 10 + (literal[i] - '0'));
    if (negative_exponent)
        exponent = -exponent;
    if (exponent >= -308 && exponent <= 308) // a power of ten a double holds: read right
        return {};
    const std::string_view zero = negative ? "-0.0" : "0.0";
    if (!leading_power)
        return zero;
    const std::int64_t power = *leading_power + exponent;
    if (power < -400)
        return zero;
    if (power > 400)
        return negative ? "-1e400" : "1e400";
    return {}; // a long mantissa brings it back into range: the exponent fits Boost.JSON's int
}

/// The payload as Boost.JSON reads it, but a repeated key is refused: Boost.JSON keeps the last one silently, so
/// a payload the text path rejects (json.duplicate-key) became a valid struct. Number literals it would read
/// wrong are written first as what they are worth (number_boost_reads).
inline boost::json::value parse_payload(std::string_view json_text, std::string_view function)
{
    std::string rewritten;
    std::size_t copied = 0;
    const std::string key = repeated_key(json_text, [&](const json_token& number) {
        const std::string_view worth = number_boost_reads(number.raw);
        if (worth.empty())
            return;
        rewritten.append(json_text.substr(copied, number.offset - copied)).append(worth);
        copied = number.offset + number.length;
    });
    if (copied != 0)
        rewritten.append(json_text.substr(copied));
    boost::json::value v =
        boost::json::parse(copied != 0 ? std::string_view(rewritten) : json_text, {}, typed_parse_options());
    if (!key.empty())
        throw boost::system::system_error(make_error_code(convert_error::repeated_key),
            "atlas::" + std::string(function) + ", key " + quote_value(key));
    return v;
}
} // namespace detail

ATLAS_DECL update_campaign_request parse_request(std::string_view json_text)
{
    return boost::json::value_to<update_campaign_request>(detail::parse_payload(json_text, "parse_request"));
}
ATLAS_DECL campaign_response parse_response(std::string_view json_text)
{
    return boost::json::value_to<campaign_response>(detail::parse_payload(json_text, "parse_response"));
}
ATLAS_DECL std::string to_json(const update_campaign_request& request)
{
    return boost::json::serialize(boost::json::value_from(request));
}
ATLAS_DECL std::string to_json(const campaign_response& response)
{
    return boost::json::serialize(boost::json::value_from(response));
}

} // namespace atlas

#endif
