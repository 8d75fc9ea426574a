// Fuzz target: any bytes as a request and as a response, with default and with tight options.
#include "fuzz_common.hpp"

#include <atlas/validate.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace atlas;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::optional<fuzz::json_node> doc = fuzz::parse_tree(text);

    const options defaults;
    const report request = validate_request(text);
    fuzz::check_text_report(request, {text, request_fields, &doc, &defaults});
    fuzz::check_text_report(validate_response(text), {text, response_fields, &doc, &defaults});

    // Validation is a function of its input: a second run gives the same report.
    fuzz::check(validate_request(text).to_json() == request.to_json(), "validation is deterministic");

    // Strict mode, a low depth limit, registered open-enum values and a short report: each only adds errors
    // (or drops entries into report.truncated), so a payload valid under them is valid under the defaults.
    options tight;
    tight.strict = true;
    tight.max_depth = 3;
    tight.max_diagnostics = 4;
    tight.max_input_bytes = 2048;
    tight.max_string_bytes = 64;
    tight.allow("Position", {"bottom-right", "bottom-left"});
    const report strict = validate_request(text, tight);
    fuzz::check_text_report(strict, {text, request_fields, &doc, &tight});
    fuzz::check(!strict.valid() || request.valid(), "a payload valid under tight options is valid under defaults");
    return 0;
}
