// atlas internals: binding the described structs to their field tables.
#ifndef ATLAS_DETAIL_MODEL_HPP
#define ATLAS_DETAIL_MODEL_HPP

#include <atlas/enums.hpp>
#include <atlas/field.hpp>
#include <atlas/field_info.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace atlas {

/// The field table that describes a model struct; specialised next to each struct.
template <class T>
inline constexpr std::span<const field_info> fields_of{};

namespace detail {

/// The reflected members of a model, its bases' first (the response's table-storage keys).
template <class T>
using model_members =
    boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

template <class P>
struct member_pointer_value;
template <class C, class M>
struct member_pointer_value<M C::*> {
    using type = M;
};

/// The type of the member a Boost.Describe descriptor names.
template <class D>
using member_type = typename member_pointer_value<std::remove_cv_t<decltype(D::pointer)>>::type;

/// Member names are the wire names, with '.' and '-' (not allowed in identifiers) spelled '_'.
constexpr bool member_name_matches(std::string_view member, std::string_view wire) noexcept
{
    if (member.size() != wire.size())
        return false;
    for (std::size_t i = 0; i < wire.size(); ++i) {
        char expected = (wire[i] == '.' || wire[i] == '-') ? '_' : wire[i];
        if (member[i] != expected)
            return false;
    }
    return true;
}

/// Whether a member's C++ type can hold what the field table says the seed sends.
template <class Field>
constexpr bool type_matches(const field_info& info) noexcept
{
    using T = typename Field::value_type;
    if constexpr (std::is_same_v<T, std::string>)
        return (info.type == seed_type::string || info.type == seed_type::datetime) &&
               info.kind != value_kind::closed_enum && info.kind != value_kind::open_enum &&
               info.kind != value_kind::boolean && info.kind != value_kind::integer;
    else if constexpr (std::is_same_v<T, bool>)
        return info.type == seed_type::boolean && info.kind == value_kind::boolean;
    else if constexpr (std::is_same_v<T, std::int64_t>)
        return info.type == seed_type::integer && info.kind == value_kind::integer;
    else if constexpr (std::is_same_v<T, open_enum>)
        return info.type == seed_type::enumeration && info.kind == value_kind::open_enum;
    else if constexpr (closed_enum<T>)
        return (info.type == seed_type::enumeration || info.type == seed_type::enumeration_or_null) &&
               info.kind == value_kind::closed_enum && info.values.data() == wire_values(T{}).data();
    else
        return false;
}

/// True when the struct's reflected members are exactly its field table: same count, same order,
/// names that match, types that fit. Checked by static_assert next to each model.
template <class T>
consteval bool model_matches_fields()
{
    constexpr auto fields = fields_of<T>;
    if (boost::mp11::mp_size<model_members<T>>::value != fields.size())
        return false;
    bool ok = true;
    std::size_t i = 0;
    boost::mp11::mp_for_each<model_members<T>>([&](auto D) {
        using F = member_type<decltype(D)>;
        ok = ok && is_field_v<F> && member_name_matches(D.name, fields[i].name) && type_matches<F>(fields[i]);
        ++i;
    });
    return ok;
}

} // namespace detail
} // namespace atlas

#endif
