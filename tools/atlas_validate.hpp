// atlas-validate: the command line over atlas::validate_request / validate_response.
// main() is a thin wrapper around atlas::cli::run, which the tests call in-process.
#ifndef ATLAS_TOOLS_ATLAS_VALIDATE_HPP
#define ATLAS_TOOLS_ATLAS_VALIDATE_HPP

#include <atlas/config.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/detail/suggest.hpp>
#include <atlas/fields.hpp>
#include <atlas/rules.hpp>
#include <atlas/schema.hpp>
#include <atlas/timezone.hpp>
#include <atlas/validate.hpp>
#include <atlas/version.hpp>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iostream>
#include <limits>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace atlas::cli {

inline constexpr std::string_view usage =
    "usage: atlas-validate [--format text|json] [--response] [--strict] [--profile NAME] [--config FILE] FILE... | -\n"
    "       atlas-validate --list-rules [--format text|json|markdown]\n"
    "       atlas-validate --schema request|response [--strict] [--profile NAME] [--config FILE]\n"
    "       atlas-validate --version\n"
    "Validates Atlas \"Update full campaign\" request bodies (or, with --response, response bodies).\n"
    "  --format text|json  text: compiler-style diagnostics (default); json: one report per input, one line each\n"
    "  --response          the inputs are responses (\"Campaign updated\")\n"
    "  --strict            unknown request fields are errors\n"
    "  --profile NAME      default, strict (warnings are errors too) or server-compatible (warnings off)\n"
    "  --config FILE       options as JSON: profile, strict, allowed_values, rules (id: off|warning|error),\n"
    "                      templates (the template catalog), max_input_bytes, max_depth,\n"
    "                      max_string_bytes, max_diagnostics\n"
    "  --list-rules        print the rule catalog and exit (--format markdown: as the README's table)\n"
    "  --schema request|response  print the JSON Schema (Draft 2020-12) of a request or response body and exit\n"
    "  --version           print the versions of atlas and of its tz database\n"
    "  -                   read one payload from standard input (also read when no FILE is named and it is\n"
    "                      no terminal: atlas-validate < payload.json)\n"
    "Exit status: 0 every input is valid (warnings allowed), 1 some input is invalid, 2 usage or I/O error.\n";

enum class format { text, json, markdown };

/// What a rule reads, for the catalog: its fields by name, or "every field".
inline std::string rule_reads(const rule_info& r)
{
    if (r.kinds == detail::all_kinds)
        return "every field";
    std::vector<std::string_view> names;
    auto add = [&](std::string_view n) {
        if (std::find(names.begin(), names.end(), n) == names.end())
            names.push_back(n);
    };
    for (std::span<const field_info> table : {std::span<const field_info>(request_fields),
             std::span<const field_info>(response_fields)})
        for (const field_info& f : table)
            if (has_kind(r.kinds, f.kind))
                add(f.name);
    for (std::string_view n : r.reads)
        add(n);
    if (r.key == rule::field_required) // reads the required fields, but is not skipped when one failed
        for (const field_info& f : request_fields)
            if (f.required)
                add(f.name);
    if (names.empty())
        return r.scope == rule_scope::text ? "the text" : r.scope == rule_scope::report ? "the report" : "every field";
    std::string out;
    for (std::string_view n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

/// The rule catalog as text (one rule a line), a JSON array, or a Markdown table (the README's).
inline std::string rule_catalog(format f)
{
    std::string out;
    if (f == format::markdown) {
        out += "| rule | severity | applies to | reads | what it checks |\n|---|---|---|---|---|\n";
        for (const rule_info& r : rules)
            out += "| `" + std::string(r.id) + "` | " + std::string(to_string(r.severity)) + " | " +
                   std::string(to_string(r.scope)) + " | " + rule_reads(r) + " | " + std::string(r.description) +
                   " |\n";
        return out;
    }
    if (f == format::json) {
        out += '[';
        bool first = true;
        for (const rule_info& r : rules) {
            out += first ? "{" : ",{";
            first = false;
            out += "\"id\":\"" + std::string(r.id) + "\",\"severity\":\"" + std::string(to_string(r.severity)) +
                   "\",\"scope\":\"" + std::string(to_string(r.scope)) + "\",\"reads\":\"" + rule_reads(r) +
                   "\",\"description\":\"";
            detail::append_json_escaped(out, r.description);
            out += "\"}";
        }
        out += "]\n";
        return out;
    }
    for (const rule_info& r : rules) {
        std::string id(r.id);
        id.resize(std::max<std::size_t>(id.size(), 28), ' ');
        std::string level(to_string(r.severity));
        level.resize(8, ' ');
        out += id + " " + level + " " + std::string(r.description) + "\n";
    }
    return out;
}

/// Why a file could not be read or written, from errno just after the failure ("no such file or directory", "is a
/// directory", "no space left on device").
inline std::string failure_reason(int error, std::string_view unknown = "read error")
{
    if (error == 0)
        return std::string(unknown);
    std::string reason = std::generic_category().message(error);
    if (!reason.empty())
        reason[0] = detail::to_lower_ascii(reason[0]);
    return reason;
}

/// Reads at most `limit` + 1 bytes (one more than the validator accepts, so it can say the input is too large);
/// a limit of the largest size reads everything. An input larger than memory (endless standard input under a raised
/// limit) is a read failure with errno ENOMEM, not an abort.
inline bool read_input(std::istream& in, std::size_t limit, std::string& text)
{
    const std::size_t keep = limit == std::numeric_limits<std::size_t>::max() ? limit : limit + 1;
    text.clear();
    char buffer[1 << 16];
    try {
        while (text.size() < keep && in.read(buffer, sizeof buffer).gcount() > 0) {
            text.append(buffer, static_cast<std::size_t>(in.gcount()));
            if (!in)
                break;
        }
    } catch (const std::bad_alloc&) {
        std::string().swap(text);
        errno = ENOMEM;
        return false;
    }
    if (text.size() > keep)
        text.resize(keep);
    return !in.bad();
}

inline bool list_rules_requested(std::span<const std::string_view> args)
{
    return std::find(args.begin(), args.end(), std::string_view("--list-rules")) != args.end();
}

/// Runs the command line; args excludes the program name. Returns the exit status.
/// `input_is_terminal`: whether `in` is a person's terminal. When it is not (a pipe, a redirected file), naming no
/// file reads it, as `atlas-validate < payload.json` and `... | atlas-validate` expect; on a terminal it is a usage
/// error, not a wait for typing.
inline int run(std::span<const std::string_view> args, std::istream& in, std::ostream& out, std::ostream& err,
    bool color = false, bool input_is_terminal = true)
{
    format output = format::text;
    bool response = false, list_rules = false, show_version = false, show_help = false, strict = false;
    std::string_view schema; // "request" or "response": print that schema
    options opts;
    std::vector<std::string_view> inputs;
    std::vector<std::string_view> given; // the options named, without their values: checked against the mode below
    struct layer {
        enum kind_t { profile, config } kind;
        std::string_view value; // the profile's name or the config's file
    };
    std::vector<layer> layers;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == "-h")
            given.push_back("--help");
        else if (a.size() > 2 && a.starts_with("--"))
            given.push_back(a.substr(0, a.find('=')));
        // The value of "--name VALUE" or "--name=VALUE"; none when a is another option or the value is missing.
        std::optional<std::string_view> value;
        bool takes_value = false;
        for (const std::string_view name : {"--format", "--profile", "--config", "--schema"}) {
            if (a == name) {
                takes_value = true;
                if (i + 1 < args.size())
                    value = args[++i];
            } else if (a.size() > name.size() && a.starts_with(name) && a[name.size()] == '=') {
                takes_value = true;
                value = a.substr(name.size() + 1);
            }
            if (takes_value && !value) {
                err << "atlas-validate: " << name << " needs a value\n" << usage;
                return 2;
            }
            if (takes_value)
                break;
        }
        if (a == "--format" || a.starts_with("--format=")) {
            if (value == "text")
                output = format::text;
            else if (value == "json")
                output = format::json;
            else if (value == "markdown" && list_rules_requested(args))
                output = format::markdown;
            else {
                err << "atlas-validate: --format takes text or json (or markdown, with --list-rules)\n" << usage;
                return 2;
            }
        } else if (a == "--response")
            response = true;
        else if (a == "--strict")
            strict = true; // wherever it stands: applied after every --profile and --config
        else if (a == "--profile" || a.starts_with("--profile=")) {
            if (!profile(*value)) {
                err << "atlas-validate: " << detail::unknown_name("profile", *value, profile_names) << "\n";
                return 2;
            }
            layers.push_back({layer::profile, *value});
        } else if (a == "--config" || a.starts_with("--config="))
            layers.push_back({layer::config, *value}); // read once the way of running is known to take it
        else if (a == "--list-rules")
            list_rules = true;
        else if (a == "--schema" || a.starts_with("--schema=")) {
            schema = *value;
            if (schema != "request" && schema != "response") {
                err << "atlas-validate: --schema takes request or response\n" << usage;
                return 2;
            }
        } else if (a == "--version")
            show_version = true;
        else if (a == "--help" || a == "-h")
            show_help = true;
        else if (a == "--") {
            inputs.insert(inputs.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        } else if (a.size() > 1 && a.front() == '-') {
            static constexpr std::string_view options[] = {"--format", "--response", "--strict", "--profile",
                "--config", "--list-rules", "--schema", "--version", "--help"};
            const std::string_view name = a.substr(0, a.find('='));
            if (name.size() < a.size() && std::find(std::begin(options), std::end(options), name) != std::end(options)) {
                err << "atlas-validate: " << name << " takes no value\n" << usage; // "--help=x", "--strict=1"
                return 2;
            }
            err << "atlas-validate: " << detail::unknown_name("option", a.substr(0, a.find('=')), options) << "\n"
                << usage;
            return 2;
        } else
            inputs.push_back(a);
    }
    // One way of running at a time, and only the options that way reads: an option it would ignore is a mistake
    // to point out ("--schema request --response" printed the request's schema).
    constexpr std::string_view modes[] = {"--help", "--version", "--list-rules", "--schema"};
    std::string_view mode;
    for (const std::string_view name : given) {
        if (std::find(std::begin(modes), std::end(modes), name) == std::end(modes) || name == mode)
            continue;
        if (!mode.empty()) {
            err << "atlas-validate: " << mode << " and " << name << " cannot be combined\n" << usage;
            return 2;
        }
        mode = name;
    }
    const std::vector<std::string_view> takes =
        mode.empty()             ? std::vector<std::string_view>{"--format", "--response", "--strict", "--profile", "--config"}
        : mode == "--list-rules" ? std::vector<std::string_view>{"--format"}
        : mode == "--schema"     ? std::vector<std::string_view>{"--strict", "--profile", "--config"}
                                 : std::vector<std::string_view>{};
    for (const std::string_view name : given)
        if (name != mode && std::find(takes.begin(), takes.end(), name) == takes.end()) {
            err << "atlas-validate: " << name << " does not apply to " << mode << "\n" << usage;
            return 2;
        }
    if (std::count(inputs.begin(), inputs.end(), std::string_view("-")) > 1) {
        err << "atlas-validate: - (standard input) can be named only once: it is read to its end\n" << usage;
        return 2;
    }
    // Every mode prints something of its own and reads no input: a file named with one would be silently ignored.
    if (!mode.empty() && !inputs.empty()) {
        err << "atlas-validate: " << mode << " reads no input, but " << detail::quote_value(inputs.front())
            << " was named\n"
            << usage;
        return 2;
    }
    // The profiles and configs, in the order given: the last --profile or a config's "profile" starts over.
    for (const layer& l : layers) {
        if (l.kind == layer::profile) {
            opts = std::move(*profile(l.value)); // all of it, strictness too
            continue;
        }
        const std::string_view file = l.value;
        errno = 0;
        std::ifstream config{std::string(file), std::ios::binary};
        std::string text;
        // Up to the payloads' default limit: a config is the user's own, but /dev/zero as one must not
        // eat the machine's memory.
        const std::size_t config_limit = options{}.max_input_bytes;
        if (!config.is_open() || !read_input(config, config_limit, text)) {
            err << "atlas-validate: cannot read the config " << detail::quote_value(file) << ": "
                << failure_reason(errno) << "\n";
            return 2;
        }
        if (text.size() > config_limit) {
            err << "atlas-validate: the config " << detail::quote_value(file) << " is larger than "
                << config_limit << " bytes\n";
            return 2;
        }
        if (std::string problem = read_options(text, opts); !problem.empty()) {
            err << "atlas-validate: " << detail::quote_value(file) << ": " << problem << "\n";
            return 2;
        }
    }
    if (strict)
        opts.strict = true;
    // What was printed must have reached its reader: a report lost to a full disk or a closed pipe is an I/O error,
    // not the verdict of a linter whose output nobody saw.
    int write_error = 0; // errno when the output was seen to fail in the middle of the inputs
    const auto written = [&out, &err, &write_error](int status) {
        if (out) {
            errno = 0;
            out.flush();
        }
        if (out)
            return status;
        // errno is still the failed write's: nothing since has set it.
        const int error = write_error != 0 ? write_error : errno;
        err << "atlas-validate: cannot write the output: " << failure_reason(error, "write error") << "\n";
        return 2;
    };
    if (show_help) {
        out << usage;
        return written(0);
    }
    if (show_version) {
        out << "atlas-validate " << version << " (tz database " << tzdata_version << ")\n";
        return written(0);
    }
    if (!schema.empty()) { // --strict applies: unknown request fields become additionalProperties: false
        out << (schema == "request" ? json_schema<update_campaign_request>(opts)
                                    : json_schema<campaign_response>(opts));
        return written(0);
    }
    if (list_rules) {
        out << rule_catalog(output);
        return written(0);
    }
    if (inputs.empty() && !input_is_terminal)
        inputs.push_back("-");
    if (inputs.empty()) {
        err << "atlas-validate: no input (name files, or - for standard input)\n" << usage;
        return 2;
    }
    int status = 0;
    std::string text;
    for (std::string_view name : inputs) {
        bool read = false;
        errno = 0;
        if (name == "-")
            read = read_input(in, opts.max_input_bytes, text);
        else {
            std::ifstream file{std::string(name), std::ios::binary};
            read = file.is_open() && read_input(file, opts.max_input_bytes, text);
        }
        if (!read) {
            const std::string why = "cannot read " +
                                    (name == "-" ? std::string("standard input") : detail::quote_value(name)) + ": " +
                                    failure_reason(errno);
            err << "atlas-validate: " << why << "\n";
            if (output == format::json) { // one line per input, in order, or the lines could not be told apart
                report unreadable;
                diagnostic d;
                d.rule = std::string(info(rule::input_unreadable).id);
                d.message = detail::printable(why);
                unreadable.diagnostics.push_back(std::move(d));
                out << unreadable.to_json() << "\n";
            }
            status = 2;
        } else
            try { // validation never throws, but printing a report (to_text copies the input to mask it) may run out
                const report r = response ? validate_response(text, opts) : validate_request(text, opts);
                if (output == format::json)
                    out << r.to_json() << "\n";
                else
                    out << r.to_text(text, {.source_name = name == "-" ? "<stdin>" : name, .color = color});
                if (!r.valid() && status == 0)
                    status = 1;
            } catch (const std::bad_alloc&) {
                std::string().swap(text);
                err << "atlas-validate: out of memory printing the report of "
                    << (name == "-" ? std::string("standard input") : detail::quote_value(name)) << "\n";
                status = 2;
            }
        if (!out) {
            write_error = errno;
            break; // nothing more would be seen
        }
    }
    return written(status);
}

} // namespace atlas::cli

#endif
