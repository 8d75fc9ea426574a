// atlas: options as data -- named profiles, options read from JSON (the CLI's --config), and the
// template catalog read from JSON.
//
//   {"profile": "strict", "allowed_values": {"Position": ["bottom-right", "bottom-left"]},
//    "rules": {"sms.pair": "off", "field.null": "error"},
//    "templates": [{"id": "tpl_outbound_en_01", "channel": "outbound", "language": "en"}],
//    "max_input_bytes": 1048576, "max_depth": 64, "max_string_bytes": 65536, "max_diagnostics": 100}
#ifndef ATLAS_CONFIG_HPP
#define ATLAS_CONFIG_HPP

#include <atlas/detail/config.hpp>
#include <atlas/options.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// The names profile() knows.
inline constexpr std::string_view profile_names[] = {"default", "strict", "server-compatible"};

/// A named set of options: "default"; "strict" (unknown request fields and every warning are
/// errors: for linting in CI); "server-compatible" (only what the server rejects: every warning
/// rule is off). Empty for any other name.
ATLAS_DECL std::optional<options> profile(std::string_view name);

/// Reads options from JSON text on top of `out` ("profile" first, then the other keys).
/// Returns "" when it could, else one sentence saying what is wrong (out is then unchanged).
ATLAS_DECL std::string read_options(std::string_view json_text, options& out);

/// Reads a template catalog: a JSON array (or {"templates": [...]}) of {"id", "channel", "language"}
/// with channel "inbound", "outbound", "web" (voice bubble) or "messages", the seed's words. An id given twice is
/// refused (which channel would hold would depend on the order); a template of out with an id the catalog gives is
/// replaced. A refused catalog leaves out unchanged.
ATLAS_DECL std::string read_template_catalog(std::string_view json_text, std::vector<template_info>& out);

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/config.hpp>
#endif

#endif
