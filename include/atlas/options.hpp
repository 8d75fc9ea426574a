// atlas: what a caller can tune about validation, and how it extends the rules.
#ifndef ATLAS_OPTIONS_HPP
#define ATLAS_OPTIONS_HPP

#include <atlas/channel.hpp>
#include <atlas/detail/config.hpp>
#include <atlas/diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

class rule_context;

/// What a rule's findings become: dropped, warnings or errors (overrides the catalog's severity).
enum class rule_level : std::uint8_t { off, warning, error };

/// One starter template of the catalog: the channel and language it was written for.
struct template_info {
    std::string id;
    campaign_channel channel = campaign_channel::outbound_phone;
    std::string language;
};

/// A rule of the caller's own: a callable over the typed payload that reports under its own id.
struct user_rule {
    std::string id;          // e.g. "acme.business-name"; shown in reports like any rule id
    atlas::severity severity = severity::error;
    std::string description; // one line, for the caller's own catalog
    std::function<void(const rule_context&)> check;
};

struct options {
    /// Unknown request fields are errors instead of warnings.
    bool strict = false;

    /// Allowed values of the open enums (Position, Status, FirstMessageMode, EnrichmentInfoProvider),
    /// by wire field name. A field with a registered set rejects anything else with a did-you-mean.
    std::map<std::string, std::vector<std::string>, std::less<>> allowed_values;

    /// Per rule id: turn a rule off, or change its severity (built-in and user rules alike). The rules of
    /// text that cannot be read and of the call (atlas::level_is_fixed) stay errors whatever this says.
    std::map<std::string, rule_level, std::less<>> rule_levels;

    /// The template catalog; when it is not empty, TemplateId must be one of it and its channel
    /// must be the payload's (rules template.known and template.channel).
    std::vector<template_info> templates;

    /// Rules of the caller's own, run after the built-in ones (request and response alike).
    std::vector<user_rule> user_rules;

    // Limits: exceeding one is an error diagnostic, never an exception or a crash.
    std::size_t max_input_bytes = 64u << 20;  // 64 MiB
    std::size_t max_depth = 64;               // nesting of arrays and objects, also inside JSON-in-string fields
    std::size_t max_string_bytes = 16u << 20; // 16 MiB: any string or key, as written between its quotes
    std::size_t max_diagnostics = 1000;       // then one "N more" entry

    // The three builders are defined out of line (impl/options.hpp): inline, their map and vector
    // insertions were instantiated in every translation unit that includes this header, used or not.

    /// Registers the allowed values of an open enum field.
    ATLAS_DECL options& allow(std::string_view field, std::initializer_list<std::string_view> values);

    /// Turns a rule off or changes its severity, by id.
    ATLAS_DECL options& set(std::string_view rule_id, rule_level level);

    /// Adds a rule of the caller's own. Throws std::invalid_argument for an empty id, the id of a built-in rule
    /// (see rules.hpp) or an empty check: mistakes in the calling code, not in a payload.
    ATLAS_DECL options& add_rule(std::string id, atlas::severity severity, std::string description,
        std::function<void(const rule_context&)> check);
};

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/options.hpp>
#endif

#endif
