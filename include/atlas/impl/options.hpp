// atlas: out-of-line definitions for options.hpp.
#ifndef ATLAS_IMPL_OPTIONS_HPP
#define ATLAS_IMPL_OPTIONS_HPP

#include <atlas/options.hpp>
#include <atlas/rules.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace atlas {

ATLAS_DECL options& options::allow(std::string_view field, std::initializer_list<std::string_view> values)
{
    auto& set = allowed_values[std::string(field)];
    // As a config's allowed_values merges: a value registered already would be listed twice in every message, and
    // "" can never pass (field.empty comes first).
    for (std::string_view v : values)
        if (!v.empty() && std::find(set.begin(), set.end(), v) == set.end())
            set.emplace_back(v);
    return *this;
}

ATLAS_DECL options& options::set(std::string_view rule_id, rule_level level)
{
    rule_levels[std::string(rule_id)] = level;
    return *this;
}

ATLAS_DECL options& options::add_rule(std::string id, atlas::severity severity, std::string description,
    std::function<void(const rule_context&)> check)
{
    // Mistakes in the caller's code, said where they are made: a rule without an id, or under a built-in rule's
    // (whose level it would take, and whose findings it would pass for), or without a check would otherwise be
    // a report that quietly lacks the rule.
    if (id.empty())
        throw std::invalid_argument("atlas::options::add_rule: the rule has no id");
    if (find_rule(id) != nullptr)
        throw std::invalid_argument("atlas::options::add_rule: \"" + id + "\" is the id of a built-in rule");
    if (!check)
        throw std::invalid_argument("atlas::options::add_rule: the rule \"" + id + "\" has no check");
    user_rules.push_back({std::move(id), severity, std::move(description), std::move(check)});
    return *this;
}

} // namespace atlas

#endif
