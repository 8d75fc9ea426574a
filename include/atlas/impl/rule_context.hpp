// atlas: out-of-line definitions for rule_context.hpp, and running the user rules.
#ifndef ATLAS_IMPL_RULE_CONTEXT_HPP
#define ATLAS_IMPL_RULE_CONTEXT_HPP

#include <atlas/detail/checker.hpp>
#include <atlas/detail/model.hpp>
#include <atlas/impl/checks.hpp>
#include <atlas/request.hpp>
#include <atlas/response.hpp>
#include <atlas/rule_context.hpp>

#include <boost/mp11/algorithm.hpp>

namespace atlas {

ATLAS_DECL std::optional<campaign_channel> rule_context::channel() const noexcept
{
    if (checker_.kind() != detail::payload_kind::request || !checker_.usable(checker_.index_of("campaignType")))
        return std::nullopt;
    return detail::known_channel(checker_);
}

ATLAS_DECL bool rule_context::failed(std::string_view field) const noexcept
{
    return checker_.failed(checker_.index_of(field));
}

ATLAS_DECL std::optional<rule_context::place> rule_context::place_of(std::string_view field) const
{
    const std::size_t i = checker_.index_of(field);
    if (!checker_.from_text() || i >= checker_.fields().size() || checker_.slot(i).value_offset == detail::npos)
        return std::nullopt;
    const auto p = detail::position_tracker(checker_.text()).at(checker_.slot(i).value_offset);
    return place{p.line, p.column};
}

ATLAS_DECL void rule_context::report(std::string_view field, std::string message, std::string hint) const
{
    const rule_level level = checker_.level_of(rule_.id, rule_.severity);
    if (level == rule_level::off)
        return;
    std::string path;
    std::size_t offset = checker_.root_offset;
    if (!field.empty() && field.front() == '/') {
        // Already a pointer: placed at the field its first token names. A '~' that starts no escape (RFC 6901 has
        // ~0 and ~1 only) is taken for the character itself, so the report's path is always a valid pointer.
        for (std::size_t k = 0; k < field.size(); ++k) {
            path += field[k];
            if (field[k] == '~' && (k + 1 == field.size() || (field[k + 1] != '0' && field[k + 1] != '1')))
                path += '0';
        }
        const std::string_view first = field.substr(1, field.find('/', 1) - 1);
        std::string name;
        for (std::size_t k = 0; k < first.size(); ++k) { // RFC 6901: ~1 is '/', ~0 is '~'
            const bool escape = first[k] == '~' && k + 1 < first.size() && (first[k + 1] == '0' || first[k + 1] == '1');
            name += escape ? (first[++k] == '1' ? '/' : '~') : first[k];
        }
        if (const std::size_t i = checker_.index_of(name); i < checker_.fields().size())
            offset = checker_.place_of(i);
    } else if (!field.empty()) {
        detail::append_pointer_token(path, field);
        if (const std::size_t i = checker_.index_of(field); i < checker_.fields().size())
            offset = checker_.place_of(i);
    }
    if (message.empty()) // a report always says something (and an empty message marks one only counted)
        message = "the rule " + detail::quote_value(rule_.id) + " reports this";
    checker_.emit_as(rule_.id, level == rule_level::error ? severity::error : severity::warning, std::move(path),
        offset, std::move(message), std::move(hint));
}

namespace detail {

/// The typed view of what was read from text: values of the right type; wrong types stay absent.
template <class T>
void read_slot(const field_slot& s, field<T>& f)
{
    if (s.type == json_type::null) {
        f = nullptr;
        return;
    }
    if constexpr (std::is_same_v<T, std::string>) {
        if (s.type == json_type::string)
            f = std::string(s.value);
    } else if constexpr (std::is_same_v<T, open_enum>) {
        if (s.type == json_type::string)
            f = open_enum{std::string(s.value)};
    } else if constexpr (closed_enum<T>) {
        if (s.type == json_type::string)
            if (auto e = from_wire<T>(s.value))
                f = *e;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (s.type == json_type::boolean)
            f = s.boolean;
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        if (s.type == json_type::number && s.integer_literal && s.fits_int64)
            f = s.int_value;
    }
}

template <class Model>
Model typed_view(const checker& c)
{
    Model model;
    std::size_t index = 0;
    boost::mp11::mp_for_each<model_members<Model>>([&](auto D) { read_slot(c.slot(index++), model.*D.pointer); });
    return model;
}

/// Runs the caller's rules over the typed payload (built from the slots when none is given).
template <class Model>
void run_user_rules(checker& c, const Model* given)
{
    if (c.opts().user_rules.empty())
        return;
    Model built;
    if (!given) {
        built = typed_view<Model>(c);
        given = &built;
    }
    const update_campaign_request* request = nullptr;
    const campaign_response* response = nullptr;
    if constexpr (std::is_same_v<Model, update_campaign_request>)
        request = given;
    else if constexpr (std::is_same_v<Model, campaign_response>)
        response = given;
    for (const user_rule& r : c.opts().user_rules)
        if (r.check && c.level_of(r.id, r.severity) != rule_level::off) {
            // A user rule that throws is reported, not propagated: validation never throws. Out of memory too is
            // the rule's failure, the report so far kept; only if reporting it needs memory that is not there
            // either does the whole validation end as out of memory.
            try {
                r.check(rule_context(c, r, request, response));
            } catch (const std::bad_alloc&) {
                c.emit_as(r.id, severity::error, "", c.root_offset,
                    "the rule " + quote_value(r.id) + " failed: out of memory");
            } catch (...) {
                c.emit_as(r.id, severity::error, "", c.root_offset, "the rule " + quote_value(r.id) + " failed");
            }
        }
}

} // namespace detail
} // namespace atlas

#endif
