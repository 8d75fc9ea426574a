/* atlas: the C ABI, for SDKs in other languages (Python ctypes, Go cgo, Rust, Node, ...).
 *
 *   char* report = atlas_validate_request(text, length, NULL);
 *   ... parse the JSON report: {"valid":...,"errors":...,"warnings":...,"diagnostics":[...]} ...
 *   atlas_free(report);
 *
 * Every function is extern "C", reentrant and thread-safe; no C++ exception crosses this boundary
 * and nothing is ever printed. Reports are the JSON of CONTRACT.md (atlas::report::to_json), one
 * line, UTF-8, NUL-terminated, malloc'd: release them with atlas_free.
 *
 * options_json: NULL (the defaults) or a JSON object with any of (atlas::read_options, the same as
 * the CLI's --config file)
 *   {"profile": "strict",                                   "default", "strict" or "server-compatible"
 *    "strict": true,                                        unknown request fields are errors
 *    "allowed_values": {"Position": ["bottom-right"]},      the values of an open enum
 *    "rules": {"sms.pair": "off", "field.null": "error"},   a rule's level by id
 *    "templates": [{"id": "tpl_x", "channel": "outbound", "language": "en"}],   the template catalog
 *    "max_input_bytes": 1000000, "max_depth": 64, "max_string_bytes": 65536,
 *    "max_diagnostics": 100}                                limits (positive integers)
 * allowed_values takes the open enums only: Position, Status, FirstMessageMode, EnrichmentInfoProvider.
 * The levels of json.syntax, json.encoding, json.root and json.limit cannot be changed (text that cannot
 * be read is never valid): setting one to "off" or "warning" is such a wrong option.
 * Options that are not such an object (not JSON, an unknown key, a wrong type) are not a crash and
 * not a NULL: the payload is not checked and the report is invalid with exactly one error, rule
 * "json.syntax", path "", no line or column, and a message that starts with "options: ".
 */
#ifndef ATLAS_H
#define ATLAS_H

#include <stddef.h>

#if defined(_WIN32) && defined(ATLAS_C_BUILD)
#  define ATLAS_C_API __declspec(dllexport)
#elif defined(_WIN32)
#  define ATLAS_C_API __declspec(dllimport)
#elif defined(__GNUC__)
#  define ATLAS_C_API __attribute__((visibility("default")))
#else
#  define ATLAS_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Validates the JSON text of an "Update full campaign" request body: `length` bytes at `text`
 * (need not be NUL-terminated; NUL bytes in it are read as such). Returns the report; never NULL:
 * when memory runs out it is a report whose one error is "out of memory" (rule "json.limit").
 * NULL text with a non-zero length is a report with one "json.syntax" error; NULL with length 0
 * is the empty text (also not JSON). */
ATLAS_C_API char* atlas_validate_request(const char* text, size_t length, const char* options_json);

/* The same for a "Campaign updated" response body. */
ATLAS_C_API char* atlas_validate_response(const char* text, size_t length, const char* options_json);

/* Validates the rest of the call: the path id and the api-key header (NUL-terminated; NULL is read
 * as the empty string). The api-key never appears in the report. Never NULL, as above. */
ATLAS_C_API char* atlas_validate_call(const char* id, const char* api_key, const char* options_json);

/* The same with lengths, for callers whose strings may hold a NUL byte (Python, Go, Rust): a NUL is a
 * control character, so "abc\0/def" is an error, not "abc". NULL with length 0 is the empty string; NULL
 * with a non-zero length is read as the empty string too (and so is an error for the id). */
ATLAS_C_API char* atlas_validate_call_n(const char* id, size_t id_length, const char* api_key, size_t api_key_length,
    const char* options_json);

/* Releases a string returned by this API (a report or the catalog). NULL is allowed. */
ATLAS_C_API void atlas_free(char* text);

/* The library's version, "major.minor.patch"; a static string: do not free it. */
ATLAS_C_API const char* atlas_version(void);

/* The IANA tz database release the time zone names come from, e.g. "2026f"; static. */
ATLAS_C_API const char* atlas_tzdata_version(void);

/* The rule catalog as a JSON array, one object per rule in the order they run:
 * {"id":"json.syntax","severity":"error","scope":"text","reads":"the text","description":"..."}
 * (as `atlas-validate --list-rules --format json`). Free it with atlas_free; NULL only when out of memory. */
ATLAS_C_API char* atlas_rule_catalog(void);

#ifdef __cplusplus
}
#endif

#endif
