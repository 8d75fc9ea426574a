// atlas: out-of-line definitions for validate_typed.hpp.
#ifndef ATLAS_IMPL_VALIDATE_TYPED_HPP
#define ATLAS_IMPL_VALIDATE_TYPED_HPP

#include <atlas/detail/checker.hpp>
#include <atlas/detail/model.hpp>
#include <atlas/impl/rule_context.hpp>
#include <atlas/validate_typed.hpp>
#include <atlas/impl/validate.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <string>

namespace atlas::detail {

template <class T>
void fill_slot(field_slot& s, const field<T>& f)
{
    if (f.absent())
        return;
    if (f.is_null()) {
        s.type = json_type::null;
        return;
    }
    const T& v = f.value();
    if constexpr (std::is_same_v<T, std::string>) {
        s.type = json_type::string;
        s.raw = s.value = v;
    } else if constexpr (std::is_same_v<T, open_enum>) {
        s.type = json_type::string;
        s.raw = s.value = v.value;
    } else if constexpr (closed_enum<T>) {
        s.type = json_type::string;
        s.raw = s.value = to_wire(v);
    } else if constexpr (std::is_same_v<T, bool>) {
        s.type = json_type::boolean;
        s.boolean = v;
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        s.type = json_type::number;
        s.decoded = std::to_string(v); // the literal, for messages
        s.raw = s.decoded;
        s.integer_literal = s.fits_int64 = true;
        s.int_value = v;
    }
}

template <class Model>
report validate_model(const Model& model, payload_kind kind, const options& opts) noexcept
{
    report out;
    try {
        constexpr auto fields = fields_of<Model>;
        std::array<field_slot, fields.size()> slots;
        std::size_t index = 0;
        boost::mp11::mp_for_each<model_members<Model>>([&](auto D) { fill_slot(slots[index++], model.*D.pointer); });
        workspace ws;
        checker c(kind, fields, slots, opts, out, {}, false, ws);
        if constexpr (requires { model.extra; }) {
            for (const auto& member : model.extra) {
                const std::string_view key(member.key().data(), member.key().size());
                if (field_index(fields, key) != fields.size())
                    continue; // written under the member's name instead (see convert.hpp)
                std::string path;
                append_pointer_token(path, key);
                if constexpr (std::is_same_v<Model, update_campaign_request>)
                    emit_unknown_field(c, key, std::move(path), npos, request_field_names, response_field_names);
                else
                    emit_unknown_field(c, key, std::move(path), npos, response_field_names, request_field_names);
            }
        }
        run_rules(c);
        if constexpr (!std::is_same_v<Model, campaign_call>)
            run_user_rules(c, &model);
        finish_report(out, c);
    } catch (...) {
        report_out_of_memory(out);
    }
    return out;
}

} // namespace atlas::detail

namespace atlas {

ATLAS_DECL report validate(const update_campaign_request& request, const options& opts) noexcept
{
    return detail::validate_model(request, detail::payload_kind::request, opts);
}

ATLAS_DECL report validate(const update_campaign_request& request) noexcept
{
    return validate(request, detail::default_options());
}

ATLAS_DECL report validate(const campaign_response& response, const options& opts) noexcept
{
    return detail::validate_model(response, detail::payload_kind::response, opts);
}

ATLAS_DECL report validate(const campaign_response& response) noexcept
{
    return validate(response, detail::default_options());
}

ATLAS_DECL report validate(const campaign_call& call, const options& opts) noexcept
{
    return detail::validate_model(call, detail::payload_kind::call, opts);
}

ATLAS_DECL report validate(const campaign_call& call) noexcept
{
    return validate(call, detail::default_options());
}

} // namespace atlas

#endif
