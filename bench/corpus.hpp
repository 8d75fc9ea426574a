// atlas benchmark: a corpus of realistic "Update full campaign" request bodies, generated from a
// seed. The same seed gives the same bytes everywhere (no std:: distributions, whose results
// differ between standard libraries).
//
//   std::vector<atlas::bench::payload> corpus = atlas::bench::make_corpus(20000, 2026);
//
// Each payload records what the generator did to it (its channel, full or partial update, the
// defects it put in), so that the benchmark can check atlas agrees with the generator's intent.
#ifndef ATLAS_BENCH_CORPUS_HPP
#define ATLAS_BENCH_CORPUS_HPP

#include <atlas/fields.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::bench {

/// splitmix64: small, fast, and the same sequence on every platform.
class rng {
public:
    explicit rng(std::uint64_t seed) noexcept : state_(seed) {}

    std::uint64_t next() noexcept
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
        return z ^ (z >> 31);
    }
    /// 0..n-1 (the modulo bias is far below anything a benchmark corpus can notice).
    std::size_t below(std::size_t n) noexcept { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    int between(int lo, int hi) noexcept { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) noexcept { return unit() < p; }
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N]) noexcept { return items[below(N)]; }

private:
    std::uint64_t state_;
};

/// What the generator did wrong on purpose. The first group are errors for atlas (the payload is
/// meant invalid); the second are warnings only (the payload stays valid).
enum class defect : std::uint8_t {
    campaign_type_number,   // "campaignType": 1
    missing_call_type,      // a phone campaign without CallType
    position_on_phone,      // Position on a phone campaign
    is_active_string,       // "IsActive": "true"
    daily_limit_range,      // DailyCallLimit -1 or past 2147483647
    start_date_invalid,     // 30 February, 29 February 2025, 31 April, a date alone
    time_windows_quotes,    // TimeWindows with typographic quotes (the seed's own example)
    time_windows_hour_24,   // "endHour": 24
    timezone_typo,          // "America/New_Yrok", "europe/paris", "Eastern Standard Time"
    tool_ids_empty_item,    // "a,,b" or a trailing comma
    missing_name,           // no name
    call_type_on_non_phone, // CallType on a voice bubble or Messages campaign
    call_type_key_typo,     // "Calltype" instead of "CallType" on a phone campaign
    duplicate_key,          // the same key twice
    truncated,              // malformed JSON: the text ends early
    trailing_comma,         // malformed JSON: {"a": 1,}
    // warnings only
    start_date_no_offset,   // "2026-03-14T09:00:00": the server's zone decides
    time_windows_overlap,   // two windows overlap
    unknown_field,          // "isActive", "Timezon", or "Calltype" on a non-phone campaign
    outbound_field_on_inbound, // StartDate or FeatureRescheduleCallEnabled on inbound: no effect
    tool_ids_whitespace,    // "a, b"
};

struct defect_info {
    std::string_view name;
    bool error; // an error for atlas (the payload is invalid), or a warning only
};

inline constexpr defect_info defect_table[] = {
    {"campaignType as a number", true},
    {"phone without CallType", true},
    {"Position on phone", true},
    {"IsActive as a string", true},
    {"DailyCallLimit out of range", true},
    {"StartDate not a calendar date", true},
    {"TimeWindows with typographic quotes", true},
    {"TimeWindows hour 24", true},
    {"Timezone typo", true},
    {"ToolIds empty item", true},
    {"missing name", true},
    {"CallType on non-phone", true},
    {"\"Calltype\" key on phone", true},
    {"duplicate key", true},
    {"truncated JSON", true},
    {"trailing comma", true},
    {"StartDate without offset", false},
    {"overlapping TimeWindows", false},
    {"unknown field", false},
    {"outbound-only field on inbound", false},
    {"ToolIds with spaces", false},
};

constexpr const defect_info& info(defect d) noexcept { return defect_table[static_cast<std::size_t>(d)]; }

struct payload {
    std::string text;
    campaign_channel channel = campaign_channel::inbound_phone;
    bool full = false;           // every field the channel has, or a partial update
    std::vector<defect> defects; // what was broken on purpose

    /// The generator's intent: valid unless an error defect was put in.
    bool intended_valid() const noexcept
    {
        return std::none_of(defects.begin(), defects.end(), [](defect d) { return info(d).error; });
    }
};

namespace detail {

// ---------------------------------------------------------------------------------------------
// Word lists: a call-centre agent's script, in the languages of the starter templates.

inline constexpr std::string_view sentences_en[] = {
    "Hello, this is {{agentName}} calling from {{companyName}}.",
    "Thank you for calling {{companyName}}, how can I help you today?",
    "I'm calling about your appointment on {{appointmentDate}}.",
    "Could you please confirm your full name and date of birth?",
    "For security reasons, I need to verify a few details before we continue.",
    "Let me check that for you, it will only take a moment.",
    "I understand, and I'm sorry for the inconvenience.",
    "If the caller asks for a human, transfer the call to the front desk.",
    "Never read out the full card number; only the last four digits.",
    "Speak slowly and clearly, and pause after each question.",
    "If the customer sounds upset, acknowledge the feeling before offering a solution.",
    "Offer the next available slot first, then two alternatives.",
    "Confirm the address: street, postcode and city.",
    "Say \"Is there anything else I can help you with?\" before ending the call.",
    "Do not promise refunds; say that a specialist will review the case within 48 hours.",
    "When the caller mentions a competitor, stay neutral and focus on our service.",
    "Always use the caller's preferred name once they've given it.",
    "If there is background noise, ask politely whether they can move somewhere quieter.",
    "Summarise the agreed next steps in one or two sentences.",
    "Our opening hours are Monday to Friday, 8:00 to 18:00, and Saturday morning.",
    "The renewal costs 49.90 per month, taxes included.",
    "You can also reach us by e-mail at support@example.com.",
    "If you'd like, I can send you a confirmation by SMS right away.",
    "The technician will arrive between 9 and 12; please make sure someone is home.",
    "Ask whether the customer has received the welcome pack.",
    "Remind them that the caf\u00e9 loyalty card is valid in every store.",
    "Our colleague Jos\u00e9 will follow up by e-mail tomorrow.",
    "Great, you're all set! \U0001F44B",
    "Thanks for your patience \U0001F642",
    "\U0001F4DE If the line drops, call back once after two minutes.",
    "\u2705 Booking confirmed for {{appointmentDate}} at {{appointmentTime}}.",
    "Use a warm, professional tone \u2014 friendly but not overly casual.",
    "Read the disclaimer word for word: \"This call may be recorded for quality purposes.\"",
    "If asked about pricing tiers, mention Basic, Plus and Premium \u2014 in that order.",
    "Check the CRM notes for previous complaints before offering a discount.",
    "Keep each answer under three sentences unless the caller asks for detail.",
    "Do not discuss medical results over the phone.",
    "Spell out reference numbers using the NATO alphabet when needed.",
    "At the end, ask the caller to rate the call from 1 to 5.",
    "If the caller says \"stop\", end the call politely and mark the contact as do-not-call.",
};
inline constexpr std::string_view sentences_fr[] = {
    "Bonjour, je suis {{agentName}} de la soci\u00e9t\u00e9 {{companyName}}.",
    "Merci de votre appel, que puis-je faire pour vous aujourd'hui\u00a0?",
    "Je vous appelle au sujet de votre rendez-vous du {{appointmentDate}}.",
    "Pourriez-vous me confirmer votre nom et votre date de naissance\u00a0?",
    "Je comprends tout \u00e0 fait, et je suis d\u00e9sol\u00e9 pour ce d\u00e9sagr\u00e9ment.",
    "Un conseiller vous rappellera dans les plus brefs d\u00e9lais.",
    "Nos horaires d'ouverture\u00a0: du lundi au vendredi, de 8\u00a0h \u00e0 18\u00a0h.",
    "Souhaitez-vous recevoir une confirmation par SMS\u00a0?",
    "Le technicien passera entre 9\u00a0h et 12\u00a0h.",
    "Tr\u00e8s bien, c'est not\u00e9\u00a0! \U0001F642",
    "N'\u00e9num\u00e9rez jamais le num\u00e9ro de carte complet.",
    "Restez courtois, m\u00eame si l'interlocuteur s'\u00e9nerve.",
};
inline constexpr std::string_view sentences_de[] = {
    "Guten Tag, hier spricht {{agentName}} von {{companyName}}.",
    "Vielen Dank f\u00fcr Ihren Anruf, wie kann ich Ihnen helfen?",
    "Ich rufe wegen Ihres Termins am {{appointmentDate}} an.",
    "K\u00f6nnten Sie mir bitte Ihren vollst\u00e4ndigen Namen best\u00e4tigen?",
    "Das tut mir leid, ich k\u00fcmmere mich sofort darum.",
    "Unsere \u00d6ffnungszeiten sind Montag bis Freitag von 8 bis 18 Uhr.",
    "Der R\u00fcckruf erfolgt innerhalb von 24 Stunden.",
    "M\u00f6chten Sie eine Best\u00e4tigung per SMS erhalten?",
    "Bitte nennen Sie niemals die vollst\u00e4ndige Kartennummer.",
    "Sch\u00f6nen Tag noch! \U0001F44B",
};
inline constexpr std::string_view sentences_es[] = {
    "Hola, le habla {{agentName}} de {{companyName}}.",
    "Gracias por llamar, \u00bfen qu\u00e9 puedo ayudarle hoy?",
    "Le llamo por su cita del {{appointmentDate}}.",
    "\u00bfPodr\u00eda confirmarme su nombre completo, por favor?",
    "Lo entiendo perfectamente y lamento las molestias.",
    "Nuestro horario es de lunes a viernes, de 8:00 a 18:00.",
    "\u00bfDesea recibir una confirmaci\u00f3n por SMS?",
    "\u00a1Perfecto, ya est\u00e1 todo listo! \U0001F642",
};
inline constexpr std::string_view sentences_ja[] = {
    "\u304a\u96fb\u8a71\u3042\u308a\u304c\u3068\u3046\u3054\u3056\u3044\u307e\u3059\u3002{{companyName}}\u306e{{agentName}}\u3067\u3054\u3056\u3044\u307e\u3059\u3002",
    "\u672c\u65e5\u306f\u3069\u306e\u3088\u3046\u306a\u3054\u7528\u4ef6\u3067\u3057\u3087\u3046\u304b\u3002",
    "\u3054\u4e88\u7d04\u306e\u78ba\u8a8d\u306e\u305f\u3081\u304a\u96fb\u8a71\u3044\u305f\u3057\u307e\u3057\u305f\u3002",
    "\u304a\u540d\u524d\u3068\u751f\u5e74\u6708\u65e5\u3092\u3054\u78ba\u8a8d\u3055\u305b\u3066\u304f\u3060\u3055\u3044\u3002",
    "\u5c11\u3005\u304a\u5f85\u3061\u304f\u3060\u3055\u3044\u3002",
    "\u3054\u4e0d\u4fbf\u3092\u304a\u304b\u3051\u3057\u3066\u7533\u3057\u8a33\u3054\u3056\u3044\u307e\u305b\u3093\u3002",
};
inline constexpr std::string_view sentences_zh[] = {
    "\u60a8\u597d\uff0c\u8fd9\u91cc\u662f{{companyName}}\u7684{{agentName}}\u3002",
    "\u8bf7\u95ee\u6709\u4ec0\u4e48\u53ef\u4ee5\u5e2e\u60a8\u7684\u5417\uff1f",
    "\u6211\u6765\u7535\u662f\u60f3\u786e\u8ba4\u60a8\u7684\u9884\u7ea6\u3002",
    "\u611f\u8c22\u60a8\u7684\u8010\u5fc3\u7b49\u5f85\u3002",
};

struct language {
    std::string_view code;
    const std::string_view* sentences;
    std::size_t count;
};
inline constexpr language languages[] = {
    {"en", sentences_en, std::size(sentences_en)}, {"fr", sentences_fr, std::size(sentences_fr)},
    {"de", sentences_de, std::size(sentences_de)}, {"es", sentences_es, std::size(sentences_es)},
    {"ja", sentences_ja, std::size(sentences_ja)}, {"zh", sentences_zh, std::size(sentences_zh)},
};

inline constexpr std::string_view campaign_names[] = {
    "Front desk", "Spring renewals", "Dental reminders", "Rappels rendez-vous Lyon", "R\u00fcckruf-Service M\u00fcnchen",
    "Citas cl\u00ednica Sevilla", "\u6771\u4eac\u30b5\u30dd\u30fc\u30c8", "\u4e0a\u6d77\u5ba2\u670d", "Late payments Q3",
    "Website concierge", "After-hours line", "Caf\u00e9 loyalty SMS", "Win-back \U0001F4DE", "Onboarding calls",
    "Survey \u2013 NPS", "Bewertungen Z\u00fcrich", "Delivery follow-up", "Leads from webinar",
};
inline constexpr std::string_view companies[] = {
    "Acme Dental", "Boulangerie Dupr\u00e9", "M\u00fcller & S\u00f6hne GmbH", "Cl\u00ednica Nu\u00f1ez", "Northwind Traders",
    "\u682a\u5f0f\u4f1a\u793e\u3055\u304f\u3089", "Contoso Insurance", "Fabrikam Fitness", "Zo\u00eb's Flowers", "Blue Yonder Airlines",
};
inline constexpr std::string_view zones[] = {
    "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "America/Mexico_City",
    "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Zurich", "Asia/Tokyo",
    "Asia/Shanghai", "Asia/Kolkata", "Australia/Sydney", "Africa/Johannesburg", "UTC",
};
inline constexpr std::string_view zone_labels[] = {
    "Eastern Time", "Central Time", "Pacific Time", "Bras\u00edlia Time", "Central Standard Time (Mexico)",
    "UK Time", "Heure de Paris", "Mitteleurop\u00e4ische Zeit", "Hora de Madrid", "Zurich", "\u65e5\u672c\u6a19\u6e96\u6642",
    "\u4e2d\u56fd\u6807\u51c6\u65f6\u95f4", "India Standard Time", "AEST", "SAST", "UTC",
};
inline constexpr std::string_view zone_typos[] = {
    "America/New_Yrok", "Europe/Pari", "europe/berlin", "Asia/Tokio", "America/Los Angeles",
    "Eastern Standard Time", "Europe/Zurich ", "CET+1",
};
inline constexpr std::string_view tools[] = {
    "tool_calendar", "tool_crm_lookup", "tool_sms", "tool_transfer", "tool_kb_search", "tool_payment_link",
};

// ---------------------------------------------------------------------------------------------
// JSON text

/// Appends s as a JSON string; with ascii_only every non-ASCII code point becomes a \u escape
/// (a surrogate pair above U+FFFF), as Python's json.dumps does by default.
inline void append_json_string(std::string& out, std::string_view s, bool ascii_only)
{
    static constexpr char hex[] = "0123456789abcdef";
    const auto escape_unit = [&](unsigned unit) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            out += hex[(unit >> shift) & 0xf];
    };
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20)
            escape_unit(c);
        else if (c >= 0x80 && ascii_only) {
            // The generator's strings are valid UTF-8: decode one code point.
            const std::size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            unsigned cp = c & (length == 4 ? 0x07u : length == 3 ? 0x0fu : 0x1fu);
            for (std::size_t k = 1; k < length; ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3fu);
            if (cp >= 0x10000) {
                escape_unit(0xd800 + ((cp - 0x10000) >> 10));
                escape_unit(0xdc00 + ((cp - 0x10000) & 0x3ff));
            } else
                escape_unit(cp);
            i += length;
            continue;
        } else
            out += static_cast<char>(c);
        ++i;
    }
    out += '"';
}

/// One member of the payload object: a string (escaped when written) or a raw JSON value.
struct member {
    std::string key;
    std::string value;
    bool is_string = true;
};

enum class layout : std::uint8_t { compact, spaced, pretty };

struct draft {
    std::vector<member> members;
    std::vector<std::string> broken; // keys an error defect set or removed: warnings leave them alone
    campaign_channel channel{};
    bool ascii_only = false;
    layout style = layout::compact;

    std::size_t find(std::string_view key) const
    {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members[i].key == key)
                return i;
        return members.size();
    }
    bool has(std::string_view key) const { return find(key) != members.size(); }
    void set(std::string_view key, std::string value, bool is_string = true)
    {
        if (const std::size_t i = find(key); i != members.size())
            members[i] = {std::string(key), std::move(value), is_string};
        else
            members.push_back({std::string(key), std::move(value), is_string});
    }
    void remove(std::string_view key) // every occurrence: a duplicate key must not bring it back
    {
        std::erase_if(members, [&](const member& m) { return m.key == key; });
    }
    bool is_broken(std::string_view key) const
    {
        return std::find(broken.begin(), broken.end(), key) != broken.end();
    }

    /// The bytes one member takes in the text (with its separator), to grow payloads to a size.
    std::size_t member_size(const member& m) const
    {
        std::string out;
        write_member(out, m);
        return out.size() + 1;
    }
    void write_member(std::string& out, const member& m) const
    {
        if (style == layout::pretty)
            out += "\n  ";
        append_json_string(out, m.key, ascii_only);
        out += style == layout::compact ? ":" : ": ";
        if (m.is_string)
            append_json_string(out, m.value, ascii_only);
        else
            out += m.value;
    }
    std::string text() const
    {
        std::string out = "{";
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i)
                out += style == layout::spaced ? ", " : ",";
            write_member(out, members[i]);
        }
        out += style == layout::pretty ? "\n}\n" : "}";
        return out;
    }
};

inline std::string sentence(rng& r, const language& lang)
{
    return std::string(lang.sentences[r.below(lang.count)]);
}

/// A few sentences of script; `lines` puts line breaks between them (escaped as \n in the text).
inline std::string script(rng& r, const language& lang, int sentences, bool lines)
{
    std::string out;
    for (int k = 0; k < sentences; ++k) {
        if (k)
            out += lines ? "\n" : " ";
        out += sentence(r, lang);
    }
    return out;
}

inline std::string two_digits(int n)
{
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

inline std::string start_date(rng& r, bool offset)
{
    static constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int year = r.between(2025, 2027), month = r.between(1, 12);
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const int day = r.between(1, days_in[month - 1] + (month == 2 && leap ? 1 : 0));
    std::string s = std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day) + "T" +
                    two_digits(r.between(7, 10)) + ":" + two_digits(r.pick({0, 15, 30, 45})) + ":00";
    if (r.chance(0.2))
        s += ".000";
    if (offset) {
        static constexpr std::string_view offsets[] = {"Z", "Z", "+01:00", "+02:00", "-05:00", "-03:00", "+09:00"};
        s += r.pick(offsets);
    }
    return s;
}

struct window {
    int start, end; // minutes of the day
};

inline std::string time_windows_text(const std::vector<window>& windows, bool spaced)
{
    std::string out = "[";
    for (std::size_t k = 0; k < windows.size(); ++k) {
        const window& w = windows[k];
        if (k)
            out += spaced ? ", " : ",";
        const char* sep = spaced ? ", " : ",";
        const char* colon = spaced ? ": " : ":";
        out += std::string("{\"startHour\"") + colon + std::to_string(w.start / 60) + sep + "\"startMinute\"" + colon +
               std::to_string(w.start % 60) + sep + "\"endHour\"" + colon + std::to_string(w.end / 60) + sep +
               "\"endMinute\"" + colon + std::to_string(w.end % 60) + "}";
    }
    return out + "]";
}

/// 1 to 3 windows in the working day that do not overlap.
inline std::vector<window> working_windows(rng& r)
{
    std::vector<window> windows;
    int at = r.between(7, 10) * 60 + 15 * r.between(0, 3);
    for (int n = r.between(1, 3); n > 0; --n) {
        const int end = at + 30 * r.between(2, 8);
        if (end >= 23 * 60)
            break;
        windows.push_back({at, end});
        at = end + 30 * r.between(1, 4);
    }
    return windows;
}

inline std::string replace_all(std::string s, std::string_view from, std::string_view to)
{
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

inline std::string tool_ids(rng& r, std::string_view separator)
{
    std::string out;
    const std::size_t first = r.below(std::size(tools));
    const int count = r.between(1, 4);
    for (int k = 0; k < count; ++k) {
        if (k)
            out += separator;
        out += tools[(first + static_cast<std::size_t>(k)) % std::size(tools)];
    }
    return out;
}

inline std::string json_bool(rng& r) { return r.chance(0.5) ? "true" : "false"; }

/// The value of an optional field for this payload (text fields get a first sentence or two).
inline member value_of(rng& r, std::string_view name, campaign_channel ch, const language& lang)
{
    const std::string key(name);
    const auto text = [&](std::string v) { return member{key, std::move(v), true}; };
    const auto raw = [&](std::string v) { return member{key, std::move(v), false}; };
    if (name == "CompanyName" || name == "BusinessName")
        return text(std::string(r.pick(companies)));
    if (name == "StartDate")
        return text(start_date(r, true));
    if (name == "TimeWindows")
        return text(time_windows_text(working_windows(r), r.chance(0.3)));
    if (name == "FirstMessage")
        return text(sentence(r, lang));
    if (name == "PreScript" || name == "PostScript" || name == "AnalysisPlanSummaryPrompt")
        return text(script(r, lang, r.between(1, 2), false));
    if (name == "ScriptBase")
        return text(script(r, lang, r.between(2, 4), r.chance(0.5)));
    if (name == "ScriptNotes")
        return text("- " + script(r, lang, r.between(1, 3), false));
    if (name == "EndCallMessage" || name == "VoicemailMessage" || name == "SMSBody")
        return text(sentence(r, lang));
    if (name == "SMSTrigger") {
        static constexpr std::string_view triggers[] = {"send me the link", "booking confirmed", "address", "r\u00e9servation"};
        return text(std::string(r.pick(triggers)));
    }
    if (name == "EnrichmentInfoProvider") {
        static constexpr std::string_view providers[] = {"clearbit", "hubspot", "salesforce", "pipedrive"};
        return text(std::string(r.pick(providers)));
    }
    if (name == "EnrichmentInfoSettings")
        return text(r.chance(0.5) ? "{\"fields\":[\"company\",\"jobTitle\",\"city\"],\"timeoutMs\":1500,\"cache\":true}"
                                  : "{\"fields\": [\"company\"], \"timeoutMs\": 800}");
    if (name == "RedialSettings")
        return text("{\"maxAttempts\":" + std::to_string(r.between(1, 5)) + ",\"intervalMinutes\":[15,60,240],\"onBusy\":" +
                    json_bool(r) + "}");
    if (name == "IdleMessages")
        return text("[\"" + std::string(lang.code == "fr" ? "\u00cates-vous toujours l\u00e0\u00a0?"
                                         : lang.code == "de" ? "Sind Sie noch da?"
                                         : lang.code == "ja" ? "\u3082\u3057\u3082\u3057\u3001\u805e\u3053\u3048\u307e\u3059\u304b\uff1f"
                                                             : "Are you still there?") +
                    "\",\"I'll wait a moment.\"]");
    if (name == "Timezone")
        return text(std::string(zones[r.below(std::size(zones))]));
    if (name == "TimezoneFriendlyName")
        return text(std::string(r.pick(zone_labels)));
    if (name == "Status") {
        static constexpr std::string_view statuses[] = {"active", "paused", "draft"};
        return text(std::string(r.pick(statuses)));
    }
    if (name == "Collection")
        return text("q" + std::to_string(r.between(1, 4)) + "-" + std::string(lang.code) + "-" + std::to_string(r.between(1, 40)));
    if (name == "ToolIds")
        return text(r.chance(0.1) ? std::string() : tool_ids(r, ","));
    if (name == "FirstMessageMode") {
        static constexpr std::string_view modes[] = {"assistant-speaks-first", "user-speaks-first", "assistant-waits"};
        return text(std::string(r.pick(modes)));
    }
    if (name == "DailyCallLimit")
        return raw(std::to_string(r.chance(0.05) ? 0 : r.between(20, 5000)));
    if (name == "Position") {
        static constexpr std::string_view positions[] = {"bottom-right", "bottom-left"};
        return text(std::string(r.pick(positions)));
    }
    if (name == "CallType")
        return text(ch == campaign_channel::outbound_phone ? "2" : "1");
    if (name == "MessagesCampaign")
        return raw("true");
    return raw(json_bool(r)); // the remaining fields are booleans
}

/// The templates of the seed's catalog, by channel and language.
inline std::string template_id(rng& r, campaign_channel ch, const language& lang)
{
    const std::string_view kind = ch == campaign_channel::inbound_phone    ? "inbound"
                                  : ch == campaign_channel::outbound_phone ? "outbound"
                                  : ch == campaign_channel::voice_bubble   ? "web"
                                                                           : "messages";
    return "tpl_" + std::string(kind) + "_" + std::string(lang.code) + "_0" + std::to_string(r.between(1, 3));
}

inline bool is_phone(campaign_channel ch)
{
    return ch == campaign_channel::inbound_phone || ch == campaign_channel::outbound_phone;
}

/// Puts one error defect in; false when it does not apply to this payload (the caller picks another).
inline bool apply_error(rng& r, draft& d, defect what)
{
    const bool phone = is_phone(d.channel);
    switch (what) {
    case defect::campaign_type_number:
        if (!d.has("campaignType"))
            return false;
        d.set("campaignType", phone ? "1" : "0", false);
        return true;
    case defect::missing_call_type:
        if (!phone || !d.has("CallType"))
            return false;
        d.remove("CallType");
        return true;
    case defect::position_on_phone:
        if (!phone || d.has("Position"))
            return false;
        d.set("Position", "bottom-right");
        return true;
    case defect::is_active_string:
        d.set("IsActive", r.chance(0.7) ? "\"true\"" : "\"false\"", false);
        return true;
    case defect::daily_limit_range: {
        static constexpr std::string_view bad[] = {"-1", "2147483648", "10000000000", "-50"};
        d.set("DailyCallLimit", std::string(r.pick(bad)), false);
        return true;
    }
    case defect::start_date_invalid: {
        if (!phone)
            return false;
        static constexpr std::string_view bad[] = {"2026-02-30T09:00:00Z", "2025-02-29T08:30:00+01:00",
            "2026-04-31T10:00:00Z", "2026-03-14", "2026-13-01T09:00:00Z"};
        d.set("StartDate", std::string(r.pick(bad)));
        return true;
    }
    case defect::time_windows_quotes:
    case defect::time_windows_hour_24: {
        if (d.channel != campaign_channel::outbound_phone)
            return false;
        std::vector<window> windows = working_windows(r);
        if (what == defect::time_windows_hour_24)
            windows.back().end = 24 * 60; // "until midnight", written as 24:00
        std::string text = time_windows_text(windows, r.chance(0.3));
        if (what == defect::time_windows_quotes) {
            // The seed's own example: “startHour”:9 -- opening and closing typographic quotes.
            std::string curly;
            bool open = true;
            for (char c : text) {
                if (c == '"') {
                    curly += open ? "\u201c" : "\u201d";
                    open = !open;
                } else
                    curly += c;
            }
            text = std::move(curly);
        }
        d.set("TimeWindows", std::move(text));
        return true;
    }
    case defect::timezone_typo:
        d.set("Timezone", std::string(r.pick(zone_typos)));
        return true;
    case defect::tool_ids_empty_item: {
        std::string ids = tool_ids(r, r.chance(0.5) ? ",," : ",");
        if (ids.find(",,") == std::string::npos)
            ids += ",";
        d.set("ToolIds", std::move(ids));
        return true;
    }
    case defect::missing_name:
        if (!d.has("name"))
            return false;
        d.remove("name");
        return true;
    case defect::call_type_on_non_phone:
        if (phone || d.has("CallType"))
            return false;
        d.set("CallType", "1");
        return true;
    case defect::call_type_key_typo: {
        const std::size_t i = d.find("CallType");
        if (!phone || i == d.members.size())
            return false;
        d.members[i].key = "Calltype";
        return true;
    }
    case defect::duplicate_key: {
        // A short member written twice, the second time later in the object (a merge gone wrong).
        std::vector<std::size_t> short_members;
        for (std::size_t i = 0; i < d.members.size(); ++i)
            if (d.members[i].value.size() < 64)
                short_members.push_back(i);
        if (short_members.empty())
            return false;
        const std::size_t i = short_members[r.below(short_members.size())];
        const member copy = d.members[i];
        const std::size_t at = i + 1 + r.below(d.members.size() - i);
        d.members.insert(d.members.begin() + static_cast<std::ptrdiff_t>(at), copy);
        return true;
    }
    default:
        return false;
    }
}

/// Puts one warning-only oddity in; false when it does not apply.
inline bool apply_warning(rng& r, draft& d, defect what)
{
    switch (what) {
    case defect::start_date_no_offset:
        if (d.channel != campaign_channel::outbound_phone || d.has("StartDate"))
            return false;
        d.set("StartDate", start_date(r, false));
        return true;
    case defect::time_windows_overlap: {
        if (d.channel != campaign_channel::outbound_phone || d.has("TimeWindows"))
            return false;
        const int start = r.between(8, 11) * 60;
        d.set("TimeWindows", time_windows_text({{start, start + 180}, {start + 120, start + 300}}, r.chance(0.3)));
        return true;
    }
    case defect::unknown_field: {
        if (is_phone(d.channel)) {
            static constexpr std::string_view keys[] = {"isActive", "Timezon", "Notes"};
            const std::string_view key = r.pick(keys);
            d.set(key, key == "isActive" ? "true" : key == "Timezon" ? "\"Europe/Paris\"" : "\"call after 10am\"", false);
        } else
            d.set("Calltype", "1"); // a typo of a field this channel must omit anyway: only a warning
        return true;
    }
    case defect::outbound_field_on_inbound:
        if (d.channel != campaign_channel::inbound_phone || d.is_broken("StartDate"))
            return false;
        if (r.chance(0.5))
            d.set("StartDate", start_date(r, true));
        else
            d.set("FeatureRescheduleCallEnabled", "true", false);
        return true;
    case defect::tool_ids_whitespace:
        if (d.is_broken("ToolIds"))
            return false;
        d.set("ToolIds", "tool_calendar, tool_sms");
        return true;
    default:
        return false;
    }
}

} // namespace detail

/// `count` request payloads of about 1 to 4.5 KB, from `seed`: the four channels, full and partial
/// updates, about 29% invalid (27% with 1-3 mistakes, 2% malformed JSON), a few valid ones with
/// warnings, unicode and \u escapes.
inline std::vector<payload> make_corpus(std::size_t count, std::uint64_t seed = 2026)
{
    using namespace detail;
    rng r(seed);
    std::vector<payload> out;
    out.reserve(count);
    static constexpr defect errors[] = {defect::campaign_type_number, defect::missing_call_type, defect::position_on_phone,
        defect::is_active_string, defect::daily_limit_range, defect::start_date_invalid, defect::time_windows_quotes,
        defect::time_windows_hour_24, defect::timezone_typo, defect::tool_ids_empty_item, defect::missing_name,
        defect::call_type_on_non_phone, defect::call_type_key_typo, defect::duplicate_key};
    static constexpr defect warnings[] = {defect::start_date_no_offset, defect::time_windows_overlap,
        defect::unknown_field, defect::outbound_field_on_inbound, defect::tool_ids_whitespace};
    // Growing fields, by weight: the script carries most of a payload's size.
    static constexpr std::string_view growing[] = {"ScriptBase", "ScriptBase", "ScriptBase", "ScriptBase", "ScriptBase",
        "PreScript", "ScriptNotes", "ScriptNotes", "PostScript", "AnalysisPlanSummaryPrompt"};

    for (std::size_t n = 0; n < count; ++n) {
        payload p;
        const double kind = r.unit(); // < 0.02 malformed, < 0.29 mistakes, else valid
        const double channel_roll = r.unit();
        p.channel = channel_roll < 0.30   ? campaign_channel::inbound_phone
                    : channel_roll < 0.65 ? campaign_channel::outbound_phone
                    : channel_roll < 0.85 ? campaign_channel::voice_bubble
                                          : campaign_channel::messages;
        p.full = r.chance(0.4);
        const double lang_roll = r.unit();
        const language& lang = languages[lang_roll < 0.55 ? 0 : lang_roll < 0.67 ? 1 : lang_roll < 0.77 ? 2
                                         : lang_roll < 0.87 ? 3 : lang_roll < 0.95 ? 4 : 5];

        draft d;
        d.channel = p.channel;
        d.ascii_only = r.chance(0.2);
        const double style = r.unit();
        d.style = style < 0.5 ? layout::compact : style < 0.8 ? layout::spaced : layout::pretty;

        // Fields in the seed's order: required ones, the channel's own (CallType, Position,
        // MessagesCampaign), then every other field the channel has (full) or some of them (partial).
        const bool sms = r.chance(0.5);
        for (const field_info& f : request_fields) {
            const bool channel_field = f.name == "CallType" || f.name == "Position" || f.name == "MessagesCampaign";
            if (!f.channels.contains(p.channel))
                continue;
            if (f.name == "SMSTrigger" || f.name == "SMSBody") {
                if (p.full || sms) // the two come together
                    d.members.push_back(value_of(r, f.name, p.channel, lang));
                continue;
            }
            if (f.required) {
                if (f.name == "name")
                    d.members.push_back({"name", std::string(r.pick(campaign_names))});
                else if (f.name == "campaignType")
                    d.members.push_back({"campaignType", is_phone(p.channel) ? "1" : "0"});
                else
                    d.members.push_back({"TemplateId", template_id(r, p.channel, lang)});
            } else if (channel_field || p.full || r.chance(0.35))
                d.members.push_back(value_of(r, f.name, p.channel, lang));
        }
        if (!d.has("ScriptBase"))
            d.members.push_back(value_of(r, "ScriptBase", p.channel, lang));

        // Grow the script to a target size (computed per member, so the text is written once).
        std::size_t size = d.text().size();
        const std::size_t target = static_cast<std::size_t>(r.between(1000, 4100));
        while (size < target) {
            std::string_view field = r.pick(growing);
            if (!d.has(field))
                field = "ScriptBase";
            member& m = d.members[d.find(field)];
            const std::size_t before = d.member_size(m);
            m.value += r.chance(0.15) ? "\n\n" : m.key == "ScriptNotes" ? "\n- " : " ";
            m.value += sentence(r, r.chance(0.03) ? languages[r.below(std::size(languages))] : lang);
            size += d.member_size(m) - before;
        }

        if (kind >= 0.02 && kind < 0.29) {
            const int mistakes = r.chance(0.6) ? 1 : r.chance(0.75) ? 2 : 3;
            for (int placed = 0, tries = 0; placed < mistakes && tries < 50; ++tries) {
                const defect what = r.pick(errors);
                const std::vector<member> old = d.members;
                if (std::find(p.defects.begin(), p.defects.end(), what) == p.defects.end() && apply_error(r, d, what)) {
                    p.defects.push_back(what);
                    // Remember which keys changed, so that a warning-only oddity does not undo the error.
                    for (const member& m : d.members)
                        if (std::none_of(old.begin(), old.end(), [&](const member& o) {
                                return o.key == m.key && o.value == m.value && o.is_string == m.is_string;
                            }))
                            d.broken.push_back(m.key);
                    for (const member& o : old)
                        if (!d.has(o.key))
                            d.broken.push_back(o.key);
                    ++placed;
                }
            }
        }
        if (kind >= 0.02 && r.chance(0.12)) {
            const defect what = r.pick(warnings);
            if (apply_warning(r, d, what))
                p.defects.push_back(what);
        }
        p.text = d.text();
        if (kind < 0.02) {
            if (r.chance(0.5)) {
                // Cut anywhere after the first member: a network read that stopped early. The cut
                // falls between characters, so the text stays UTF-8 (its fault is the syntax only).
                std::size_t cut = 16 + r.below(p.text.size() - 17);
                while ((static_cast<unsigned char>(p.text[cut]) & 0xc0) == 0x80)
                    --cut;
                p.text.resize(cut);
                p.defects.push_back(defect::truncated);
            } else {
                const std::size_t close = p.text.rfind('}');
                std::size_t at = close;
                while (at > 0 && (p.text[at - 1] == '\n' || p.text[at - 1] == ' '))
                    --at;
                p.text.insert(at, ",");
                p.defects.push_back(defect::trailing_comma);
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace atlas::bench

#endif
