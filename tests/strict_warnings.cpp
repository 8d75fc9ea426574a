// Built by tests/meson.build with every warning an error, -Wshadow, -Wconversion and -Wsign-conversion on top of
// warning_level=3: the flags an SDK's strict build turns on, which see the headers' code as their own. The
// umbrella header-only, with the calls that instantiate its templates: text, typed, conversion and schema.
#include <atlas/atlas.hpp>

#include <string>

std::string atlas_strict_warnings(const char* text)
{
    atlas::validator reused;
    const atlas::update_campaign_request request = atlas::parse_request(text);
    return atlas::validate_request(text).to_text(text) + reused.validate_response(text).to_json() +
           atlas::validate(request).to_json() + atlas::to_json(request) +
           atlas::json_schema<atlas::update_campaign_request>();
}
