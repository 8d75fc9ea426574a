// atlas: out-of-line definitions for config.hpp.
#ifndef ATLAS_IMPL_CONFIG_HPP
#define ATLAS_IMPL_CONFIG_HPP

#include <atlas/config.hpp>
#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/mask.hpp>
#include <atlas/detail/suggest.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/fields.hpp>
#include <atlas/rules.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace atlas {

ATLAS_DECL std::optional<options> profile(std::string_view name)
{
    options o;
    if (name == "default")
        return o;
    if (name == "strict") {
        // Unknown request fields become errors through `strict`; a response's stay warnings (servers add fields).
        o.strict = true;
        for (const rule_info& r : rules)
            if (r.severity == severity::warning && r.scope != rule_scope::report && r.key != rule::field_unknown)
                o.set(r.id, rule_level::error);
        return o;
    }
    if (name == "server-compatible") {
        for (const rule_info& r : rules)
            if (r.severity == severity::warning && r.scope != rule_scope::report)
                o.set(r.id, rule_level::off);
        return o;
    }
    return std::nullopt;
}

namespace detail {

/// The fields allowed_values can register: the open enums of the request and the response.
inline std::vector<std::string_view> open_enum_fields()
{
    std::vector<std::string_view> names;
    for (std::span<const field_info> table :
        {std::span<const field_info>(request_fields), std::span<const field_info>(response_fields)})
        for (const field_info& f : table)
            if (f.kind == value_kind::open_enum && std::find(names.begin(), names.end(), f.name) == names.end())
                names.push_back(f.name);
    return names;
}

inline bool read_size(const boost::json::value& v, std::size_t& out)
{
    if (v.is_int64() && v.get_int64() > 0) {
        out = static_cast<std::size_t>(v.get_int64());
        return true;
    }
    if (v.is_uint64() && v.get_uint64() > 0) {
        out = static_cast<std::size_t>(v.get_uint64());
        return true;
    }
    return false;
}

inline std::string read_templates(const boost::json::value& v, std::vector<template_info>& out)
{
    const boost::json::array* list = v.if_array();
    if (!list)
        return "the template catalog must be an array of {\"id\", \"channel\", \"language\"}";
    static constexpr std::string_view channel_words[] = {"inbound", "outbound", "web", "messages"};
    static constexpr campaign_channel channels_of[] = {campaign_channel::inbound_phone,
        campaign_channel::outbound_phone, campaign_channel::voice_bubble, campaign_channel::messages};
    static constexpr std::string_view keys[] = {"id", "channel", "language"};
    // One id, one template in a catalog: with two, which channel template.channel holds the payload to would be an
    // accident of order. A template of an earlier catalog (or config) is replaced by this one's of the same id.
    std::unordered_map<std::string, std::size_t> index_of_id;
    std::vector<template_info> read;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const boost::json::object* t = (*list)[i].if_object();
        const std::string where = "template " + std::to_string(i);
        if (!t)
            return where + " must be an object";
        for (const auto& kv : *t)
            if (std::find(std::begin(keys), std::end(keys), std::string_view(kv.key())) == std::end(keys))
                return where + ": " + unknown_name("key", kv.key(), keys);
        const auto* id = t->if_contains("id");
        const auto* channel = t->if_contains("channel");
        const auto* language = t->if_contains("language");
        if (!id || !id->is_string() || id->get_string().empty())
            return where + " needs an \"id\" string";
        if (!channel || !channel->is_string())
            return where + " needs a \"channel\": \"inbound\", \"outbound\", \"web\" or \"messages\"";
        const std::string_view word(channel->get_string());
        const auto found = std::find(std::begin(channel_words), std::end(channel_words), word);
        if (found == std::end(channel_words)) {
            // The contract's own names for the two non-phone channels.
            for (const auto& [name, meant] : {std::pair<std::string_view, std::string_view>{"voice bubble", "web"},
                     {"voice-bubble", "web"}, {"voice_bubble", "web"}, {"bubble", "web"}, {"sms", "messages"}})
                if (iequals_ascii(word, name))
                    return where + ": unknown channel " + quote_value(word) + ": did you mean " + quote_value(meant) + "?";
            return where + ": " + unknown_name("channel", word, channel_words);
        }
        if (language && !language->is_string())
            return where + ": \"language\" must be a string";
        if (const auto [at, added] = index_of_id.emplace(std::string(id->get_string()), i); !added)
            return where + " repeats the id " + quote_value(id->get_string()) + " of template " +
                   std::to_string(at->second) + ": give each template one entry";
        read.push_back({std::string(id->get_string()), channels_of[found - std::begin(channel_words)],
            language ? std::string(language->get_string()) : std::string()});
    }
    // Only a catalog read whole changes out: each template replaces the one of its id, or is added.
    std::unordered_map<std::string, std::size_t> index_in_out;
    for (std::size_t k = 0; k < out.size(); ++k)
        index_in_out.emplace(out[k].id, k);
    for (template_info& t : read)
        if (const auto same = index_in_out.find(t.id); same != index_in_out.end())
            out[same->second] = std::move(t);
        else
            out.push_back(std::move(t));
    return {};
}

inline std::string read_template_catalog_unmasked(std::string_view json_text, std::vector<template_info>& out)
{
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(json_text, ec);
    if (ec)
        return "the template catalog is not JSON: " + ec.message();
    if (const std::string key = detail::repeated_key(json_text); !key.empty())
        return "the template catalog repeats the key " + detail::quote_value(key) + " in one object";
    if (const auto* o = v.if_object(); o && o->contains("templates"))
        return detail::read_templates(o->at("templates"), out);
    return detail::read_templates(v, out);
}

inline std::string read_options_unmasked(std::string_view json_text, options& target)
{
    options out = target; // changed whole or not at all: a refused file leaves the options as they were
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(json_text, ec);
    if (ec)
        return "the options are not JSON: " + ec.message();
    if (const std::string key = detail::repeated_key(json_text); !key.empty())
        return "the options repeat the key " + detail::quote_value(key) + " in one object";
    const boost::json::object* o = v.if_object();
    if (!o)
        return "the options must be a JSON object";
    static constexpr std::string_view keys[] = {"profile", "strict", "allowed_values", "rules", "templates",
        "max_input_bytes", "max_depth", "max_string_bytes", "max_diagnostics"};
    for (const auto& kv : *o)
        if (std::find(std::begin(keys), std::end(keys), std::string_view(kv.key())) == std::end(keys))
            return detail::unknown_name("option", kv.key(), keys);
    if (const auto* p = o->if_contains("profile")) {
        if (!p->is_string())
            return "\"profile\" must be a string";
        auto named = profile(std::string_view(p->get_string()));
        if (!named)
            return detail::unknown_name("profile", std::string_view(p->get_string()), profile_names);
        // The profile starts over for everything a file can set; the user rules, which only code can add, stay.
        named->user_rules = std::move(out.user_rules);
        out = std::move(*named);
    }
    if (const auto* s = o->if_contains("strict")) {
        if (!s->is_bool())
            return "\"strict\" must be true or false";
        out.strict = s->get_bool();
    }
    if (const auto* a = o->if_contains("allowed_values")) {
        if (!a->is_object())
            return "\"allowed_values\" must be an object of field name to an array of strings";
        for (const auto& kv : a->get_object()) {
            const std::string_view field(kv.key());
            const std::vector<std::string_view> open = detail::open_enum_fields();
            if (std::find(open.begin(), open.end(), field) == open.end()) {
                std::string names;
                for (std::string_view n : open)
                    names += (names.empty() ? "" : ", ") + std::string(n);
                std::string s = "allowed_values takes the open enums only (" + names + "), not " +
                                detail::quote_value(field);
                if (const auto suggestion = detail::best_suggestion(field, open); !suggestion.empty())
                    s += ": did you mean " + detail::quote_value(suggestion) + "?";
                return s;
            }
            const boost::json::array* values = kv.value().if_array();
            if (!values)
                return "allowed_values of " + detail::quote_value(field) + " must be an array of strings";
            auto& set = out.allowed_values[std::string(field)];
            // "" can never pass (field.empty comes first), and a value twice in one list would be listed twice in
            // every message: both are mistakes in the file, said here rather than silently kept. A value an earlier
            // config registered is simply registered already.
            std::unordered_set<std::string> seen;
            const std::unordered_set<std::string> registered(set.begin(), set.end());
            for (const auto& value : *values) {
                if (!value.is_string())
                    return "allowed_values of " + detail::quote_value(field) + " must be an array of strings";
                const std::string_view text(value.get_string());
                if (text.empty())
                    return "allowed_values of " + detail::quote_value(field) +
                           " holds \"\", which field.empty always rejects";
                if (!seen.emplace(text).second)
                    return "allowed_values of " + detail::quote_value(field) + " lists " + detail::quote_value(text) +
                           " twice";
                if (!registered.contains(std::string(text)))
                    set.emplace_back(text);
            }
        }
    }
    if (const auto* r = o->if_contains("rules")) {
        if (!r->is_object())
            return "\"rules\" must be an object of rule id to \"off\", \"warning\" or \"error\"";
        std::array<std::string_view, std::size(rules)> ids{};
        for (std::size_t i = 0; i < ids.size(); ++i)
            ids[i] = rules[i].id;
        for (const auto& kv : r->get_object()) {
            const std::string_view id(kv.key());
            const bool user_rule = std::any_of(out.user_rules.begin(), out.user_rules.end(),
                [&](const atlas::user_rule& u) { return u.id == id; });
            if (!find_rule(id) && !user_rule)
                return detail::unknown_name("rule", id, ids);
            const std::string_view level = kv.value().is_string() ? std::string_view(kv.value().get_string()) : "";
            if (const rule_info* built_in = find_rule(id); built_in && level_is_fixed(built_in->key) && level != "error")
                return "the level of rule " + detail::quote_value(id) + " cannot be changed: " +
                       (built_in->scope == rule_scope::call
                               ? "the call's id and api-key go into the HTTP request as they are"
                        : built_in->key == rule::input_unreadable
                               ? "an input the tool could not read cannot be checked at all"
                               : "text that cannot be read as a JSON object cannot be checked at all");
            if (id == info(rule::report_truncated).id)
                return "rule \"report.truncated\" has no level of its own: it is an error when an error was left out, "
                       "else a warning";
            if (level == "off")
                out.set(id, rule_level::off);
            else if (level == "warning")
                out.set(id, rule_level::warning);
            else if (level == "error")
                out.set(id, rule_level::error);
            else
                return "the level of rule " + detail::quote_value(id) + " must be \"off\", \"warning\" or \"error\"";
        }
    }
    if (const auto* t = o->if_contains("templates"))
        if (std::string e = detail::read_templates(*t, out.templates); !e.empty())
            return e;
    for (auto [key, target_size] : {std::pair{"max_input_bytes", &out.max_input_bytes},
             std::pair{"max_depth", &out.max_depth}, std::pair{"max_string_bytes", &out.max_string_bytes},
             std::pair{"max_diagnostics", &out.max_diagnostics}})
        if (const auto* n = o->if_contains(key); n && !detail::read_size(*n, *target_size))
            return "\"" + std::string(key) + "\" must be a positive integer";
    target = std::move(out);
    return {};
}

// What a file's own keys and values echo in a refusal is masked as a report's messages are: the CLI prints it, and
// the C ABI returns it as a report.
inline std::string masked_problem(std::string problem)
{
    mask_api_key_assignments_in(problem);
    return problem;
}

} // namespace detail

ATLAS_DECL std::string read_template_catalog(std::string_view json_text, std::vector<template_info>& out)
{
    return detail::masked_problem(detail::read_template_catalog_unmasked(json_text, out));
}

ATLAS_DECL std::string read_options(std::string_view json_text, options& target)
{
    return detail::masked_problem(detail::read_options_unmasked(json_text, target));
}

} // namespace atlas

#endif
