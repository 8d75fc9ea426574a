// The differential corpus: request and response payloads, valid and invalid, for every channel and
// each rule's typical mistake. Deterministic: the same cases, names and bytes on every run.
//
// The field lists here are written from CONTRACT.md on purpose, not read from the schema or from
// atlas: a field the generator forgot would otherwise go untested on both sides.

import fs from "node:fs";
import path from "node:path";

/** A literal inserted as is into the JSON text (1.0, 1e400, a lone surrogate escape). */
class Raw {
    constructor(text) { this.text = text; }
}
const raw = (text) => new Raw(text);

/** JSON text of a value that may hold Raw literals; objects may be given as [key, value] pairs (duplicates). */
function render(value, indent = "") {
    if (value instanceof Raw)
        return value.text;
    if (value instanceof Pairs) {
        const inner = indent + "  ";
        if (value.pairs.length === 0)
            return "{}";
        return "{\n" + value.pairs.map(([k, v]) => inner + JSON.stringify(k) + ": " + render(v, inner)).join(",\n") +
            "\n" + indent + "}";
    }
    if (Array.isArray(value))
        return "[" + value.map((v) => render(v, indent)).join(", ") + "]";
    if (value !== null && typeof value === "object")
        return render(new Pairs(Object.entries(value)), indent);
    return JSON.stringify(value);
}

class Pairs {
    constructor(pairs) { this.pairs = pairs; }
}

const ABSENT = Symbol("absent");

/** base with each of `changes` set (ABSENT removes it); the key order of base is kept. */
function edit(base, changes) {
    const out = {};
    for (const [k, v] of Object.entries(base))
        if (!(k in changes))
            out[k] = v;
        else if (changes[k] !== ABSENT)
            out[k] = changes[k];
    for (const [k, v] of Object.entries(changes))
        if (!(k in base) && v !== ABSENT)
            out[k] = v;
    return out;
}

/** A value as a case name shows it: JSON, but with quotes inside strings left unescaped, for legibility. */
const show = (v) => v === ABSENT ? "absent" : v instanceof Raw ? v.text
    : typeof v === "string" ? JSON.stringify(v).replace(/\\"/g, "\"") : JSON.stringify(v);

// ---------------------------------------------------------------------------------------------
// The request

const channelBase = {
    "inbound": { name: "Front desk", campaignType: "1", CallType: "1", TemplateId: "tpl_inbound_en_02" },
    "outbound": { name: "Spring renewals", campaignType: "1", CallType: "2", TemplateId: "tpl_outbound_en_01" },
    "voice-bubble": { name: "Website helper", campaignType: "0", TemplateId: "tpl_web_en_01", Position: "bottom-right" },
    "messages": { name: "Reminders", campaignType: "0", MessagesCampaign: true, TemplateId: "tpl_messages_en_01" },
};
const channelNames = Object.keys(channelBase);

// The 37 optional request fields other than the channel's own (CallType, MessagesCampaign, Position).
const requestFieldKinds = {
    CompanyName: "text", BusinessName: "text", IsActive: "boolean", Mode: "boolean", StartDate: "date-time",
    TimeWindows: "time-windows", FirstMessage: "text", PreScript: "text", PostScript: "text", ScriptBase: "text",
    ScriptNotes: "text", FeatureRescheduleCallEnabled: "boolean", FeatureEnrichmentInfoEnabled: "boolean",
    FeatureAppendPreviousSummaryEnabled: "boolean", EnrichmentInfoProvider: "open-enum",
    EnrichmentInfoSettings: "json-text", Timezone: "time-zone", TimezoneFriendlyName: "text", Status: "open-enum",
    Collection: "text", ToolIds: "tool-ids", SMSTrigger: "text", SMSBody: "text", FirstMessageMode: "open-enum",
    EndCallMessage: "text", VoicemailMessage: "text", AnalysisPlanSummaryPrompt: "text",
    FeatureEndCallWhenVoicemail: "boolean", FeatureRedialOnNoResponse: "boolean", RedialSettings: "json-text",
    FeatureDoubleCall: "boolean", DailyCallLimit: "integer", IdleMessages: "json-text",
    IsOutboundChatActive: "boolean",
};

// One good value and the wrong JSON types to rotate through, by kind.
const goodValue = {
    "text": "Northwind \u2014 caf\u00e9 \ud83d\udcde", "boolean": true, "date-time": "2026-03-02T09:00:00-05:00",
    "time-windows": "[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]", "open-enum": "active",
    "json-text": "{\"maxAttempts\":3}", "time-zone": "America/New_York", "tool-ids": "tool_calendar,tool_crm",
    "integer": 500,
};
const wrongTypes = {
    string: [42, true, { a: 1 }, ["x"], 1.5, false],
    boolean: ["true", 1, "false", 0, [], {}],
    integer: ["500", true, [500], { n: 1 }, "", false],
};
const jsonTypeOf = (kind) => kind === "boolean" ? "boolean" : kind === "integer" ? "integer" : "string";

// Values to try, by kind, beyond the good one: typical mistakes and edge cases of each rule.
const kindValues = {
    "date-time": [
        "2026-03-02T09:00:00Z", "2026-03-02t09:00:00z", "2024-02-29T12:00:00+01:00", "2000-02-29T00:00:00Z",
        "2026-03-02T09:00:00.5Z", "2026-03-02T09:00:00.123456789+05:30", "2026-12-31T23:59:60Z",
        "2026-03-02T09:00:00+23:59", "0001-01-01T00:00:00Z", "2026-03-02T09:00:00-00:00",
        "2026-02-29T09:00:00Z", "2026-02-30T09:00:00Z", "2026-04-31T09:00:00Z", "1900-02-29T00:00:00Z",
        "2026-13-01T09:00:00Z", "2026-00-10T09:00:00Z", "2026-03-00T09:00:00Z", "2026-03-02", "2026-03-02T",
        "2026-03-02T24:00:00Z", "2026-03-02T09:60:00Z", "2026-03-02T09:00:61Z", "2026-03-02T09:00Z",
        "2026-3-2T09:00:00Z", "", "tomorrow at nine", "2026-03-02T09:00:00+24:00", "2026-03-02T09:00:00+05:60",
        "2026-03-02T09:00:00.Z", "2026-03-02T09:00:00Z ", "2026-03-02T09:00:00ZZ", "26-03-02T09:00:00Z",
        "\uff12\uff10\uff12\uff16-03-02T09:00:00Z",
        // Where RFC 3339 readings differ (known differences):
        "2026-03-02 09:00:00Z", "2026-03-02T09:00:00", "2026-03-02T09:00:00.123", "2026-03-02T09:00:00+0530",
        "2026-03-02T09:00:00+05", "2026-03-02T09:00:60Z", "2026-03-02T23:59:60+01:00",
    ],
    "time-windows": [
        "[]", " [ ] ", "[{\"startHour\":22,\"startMinute\":0,\"endHour\":6,\"endMinute\":0}]",
        "[{\"startHour\":9,\"startMinute\":0,\"endHour\":12,\"endMinute\":30},{\"startHour\":13,\"startMinute\":30,\"endHour\":17,\"endMinute\":0}]",
        "[{\"endMinute\":59,\"endHour\":23,\"startMinute\":0,\"startHour\":0}]",
        "[{\"startHour\":9,\"startMinute\":0,\"endHour\":12,\"endMinute\":0},{\"startHour\":11,\"startMinute\":0,\"endHour\":14,\"endMinute\":0}]",
        "[{\"startHour\":9,\"startMinute\":0,\"endHour\":9,\"endMinute\":0}]",
        "[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0,\"note\":\"office\"}]",
        "[{\u201cstartHour\u201d:9,\u201cstartMinute\u201d:0,\u201cendHour\u201d:17,\u201cendMinute\u201d:0}]",
        "", "weekdays 9-5", "{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}", "[1,2]", "[[]]",
        "[null]", "\"[]\"", "[{\"startHour\":9,\"startMinute\":0,\"endHour\":17}]", "[{}]",
        "[{\"startHour\":\"9\",\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":24,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":9,\"startMinute\":60,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":-1,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":9.5,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":null,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":true,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":{},\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":1e2,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0},]",
        "[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}] x",
        // Known differences: JSON.parse reads 9.0 and 1e1 as integers, keeps the last of two keys.
        "[{\"startHour\":9.0,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":1e1,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
        "[{\"startHour\":25,\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]",
    ],
    "json-text": [
        "{}", "[]", "\"text\"", "0", "null", "true", " {\"a\": [1, 2, {\"b\": null}]} ", "[\"Are you still there?\"]",
        "", "   ", "{", "{a:1}", "{'a':1}", "{\"a\":1,}", "[1,]", "{\u201ca\u201d:1}", "undefined", "NaN",
        "{\"a\":1} {\"b\":2}", "01", "\"unterminated",
        // Known differences: duplicate keys, a number past double, a lone surrogate.
        "{\"a\":1,\"a\":2}", "[1e400]", "\"\\ud800\"",
    ],
    "time-zone": [
        "UTC", "Europe/Paris", "Etc/GMT+5", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "", 
        "america/new_york", "Mars/Olympus_Mons", "Europe/Pariss", " UTC", "EST5EDTX",
    ],
    "tool-ids": [
        "", "tool_a", "a,b,c", "a b", "a, b", "a,a", " a", "a\t", "\u00e9t\u00e9,\u65e5\u672c",
        ",", "a,", ",a", "a,,b", " ", "a, ,b", "\t", "a,\t", ", ",
    ],
    "integer": [
        0, 1, 2147483647, raw("-0"), -1, 2147483648, 1.5, 0.5, raw("1e400"), raw("-1e400"),
        raw("99999999999999999999999"), raw("1e10"),
        // Known differences: a zero fraction or an exponent is a number JSON Schema calls integer.
        raw("1.0"), raw("1e2"), raw("5E0"), raw("1.5e1"), raw("-0.0"),
    ],
    "boolean": [false],
    "open-enum": ["bottom-left", " ", "", "\u00e9"],
    "text": ["", " ", "line\nbreak"],
};

function* requestCases() {
    // Each channel as it is, and with every optional field set (all valid on the outbound channel).
    for (const c of channelNames) {
        yield [`request/${c}/minimal`, channelBase[c]];
        const full = { ...channelBase[c] };
        for (const [f, kind] of Object.entries(requestFieldKinds))
            full[f] = goodValue[kind];
        yield [`request/${c}/every-field`, full];
    }

    // Every optional field on every channel: a good value (on another channel an ignored-field
    // warning at most), null (read as omitted), and a wrong JSON type.
    let rotation = 0;
    for (const c of channelNames)
        for (const [f, kind] of Object.entries(requestFieldKinds)) {
            yield [`request/${c}/${f}=good`, edit(channelBase[c], { [f]: goodValue[kind] })];
            yield [`request/${c}/${f}=null`, edit(channelBase[c], { [f]: null })];
            const wrong = wrongTypes[jsonTypeOf(kind)];
            const w = wrong[rotation++ % wrong.length];
            yield [`request/${c}/${f}=${show(w)}`, edit(channelBase[c], { [f]: w })];
        }

    // Each kind's edge cases, on the outbound channel (where every field has an effect) and, for
    // variety, on the channel the field's index picks.
    const kindFields = {};
    for (const [f, kind] of Object.entries(requestFieldKinds))
        (kindFields[kind] ??= []).push(f);
    for (const [kind, values] of Object.entries(kindValues))
        for (const [i, f] of kindFields[kind].entries()) {
            const channels = i === 0 ? ["outbound", channelNames[values.length % 4]] : ["outbound"];
            for (const c of new Set(channels))
                for (const v of values)
                    yield [`request/${c}/${f}=${show(v)}`, edit(channelBase[c], { [f]: v })];
        }

    // The channel table, crossed: campaignType x CallType x MessagesCampaign x Position.
    const callTypes = [ABSENT, null, "1", "2", "3", "", 1, "inbound"];
    const messages = [ABSENT, null, true, false, "true"];
    const positions = [ABSENT, null, "bottom-right", "", 5];
    for (const t of ["1", "0"])
        for (const ct of callTypes)
            for (const m of messages)
                for (const p of positions)
                    yield [`request/channel/campaignType=${t},CallType=${show(ct)},MessagesCampaign=${show(m)},Position=${show(p)}`,
                        edit({ name: "Channel", campaignType: t, TemplateId: "tpl" },
                            { CallType: ct, MessagesCampaign: m, Position: p })];
    for (const t of [ABSENT, null, "2", 1, "phone", "", " 1", raw("1.0")])
        for (const ct of [ABSENT, "1"])
            for (const p of [ABSENT, "bottom-right"])
                yield [`request/channel/campaignType=${show(t)},CallType=${show(ct)},Position=${show(p)}`,
                    edit({ name: "Channel", campaignType: t, TemplateId: "tpl" }, { CallType: ct, Position: p })];

    // Required fields and their empty, null and wrong-typed values.
    for (const f of ["name", "TemplateId"])
        for (const v of [ABSENT, null, "", 0, false, " ", "x"])
            yield [`request/required/${f}=${show(v)}`, edit(channelBase["inbound"], { [f]: v })];

    // Unknown fields: a typo that leaves a required field out, names from the response, and a near miss.
    yield ["request/unknown/Calltype-instead-of-CallType", edit(channelBase["inbound"], { CallType: ABSENT, Calltype: "1" })];
    yield ["request/unknown/extra-field", edit(channelBase["inbound"], { Extra: { nested: [1, 2, 3] } })];
    yield ["request/unknown/response-fields", edit(channelBase["outbound"], { PartitionKey: "p", RowKey: "r", SuccessRequest: 3 })];
    yield ["request/unknown/__proto__", edit(channelBase["messages"], { ["__proto__"]: { polluted: true } })];
    yield ["request/unknown/near-miss-name", edit(channelBase["voice-bubble"], { Name: "x" })];
    const many = { ...channelBase["inbound"] };
    for (let i = 0; i < 1005; ++i)
        many[`unknown${i}`] = i;
    yield ["request/unknown/1005-unknown-fields", many];

    // The SMS pair and the ignored-field warnings.
    yield ["request/sms/trigger-alone", edit(channelBase["outbound"], { SMSTrigger: "text me" })];
    yield ["request/sms/body-alone", edit(channelBase["inbound"], { SMSBody: "hello" })];
    yield ["request/sms/empty-trigger", edit(channelBase["inbound"], { SMSTrigger: "", SMSBody: "hello" })];
    yield ["request/sms/pair", edit(channelBase["messages"], { SMSTrigger: "text me", SMSBody: "hello" })];
}

/** Payloads whose text itself is the point: they are given as text or bytes. */
function* requestTexts() {
    const ok = render(channelBase["inbound"]);
    yield ["request/text/empty", ""];
    yield ["request/text/whitespace-only", " \n\t "];
    yield ["request/text/trailing-comma", ok.replace(/\n}$/, ",\n}")];
    yield ["request/text/comment", "// a campaign\n" + ok];
    yield ["request/text/single-quotes", ok.replace(/"/g, "'")];
    yield ["request/text/unquoted-keys", "{name: \"x\", campaignType: \"1\", CallType: \"1\", TemplateId: \"t\"}"];
    yield ["request/text/text-after-value", ok + " {}"];
    yield ["request/text/two-objects", ok + "\n" + ok];
    yield ["request/text/truncated", ok.slice(0, ok.length - 5)];
    yield ["request/text/whitespace-around", "\n\t " + ok + " \r\n"];
    yield ["request/text/NaN", ok.replace(/\n}$/, ",\n  \"DailyCallLimit\": NaN\n}")];
    yield ["request/text/Infinity", ok.replace(/\n}$/, ",\n  \"DailyCallLimit\": Infinity\n}")];
    yield ["request/text/leading-zero", ok.replace(/\n}$/, ",\n  \"DailyCallLimit\": 0500\n}")];
    yield ["request/text/plus-sign", ok.replace(/\n}$/, ",\n  \"DailyCallLimit\": +5\n}")];
    yield ["request/text/hex", ok.replace(/\n}$/, ",\n  \"DailyCallLimit\": 0x10\n}")];
    yield ["request/text/raw-newline-in-string", ok.replace("Front desk", "Front\ndesk")];
    yield ["request/text/raw-tab-in-string", ok.replace("Front desk", "Front\tdesk")];
    yield ["request/text/bad-escape", ok.replace("Front desk", "Front\\qdesk")];
    yield ["request/text/escaped-key", ok.replace("\"name\"", "\"\\u006eame\"")];
    yield ["request/text/escaped-value", ok.replace("\"1\",\n  \"TemplateId\"", "\"\\u0031\",\n  \"TemplateId\"")];
    yield ["request/text/root-array", "[" + ok + "]"];
    yield ["request/text/root-string", "\"{}\""];
    yield ["request/text/root-number", "1"];
    yield ["request/text/root-null", "null"];
    yield ["request/text/root-true", "true"];
    yield ["request/text/byte-order-mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ok)])];
    yield ["request/text/invalid-utf8-byte", Buffer.from(ok.replace("Front desk", "Front \u0001desk")).map((b) => b === 1 ? 0xff : b)];
    yield ["request/text/overlong-utf8", Buffer.from(ok.replace("Front desk", "Front \u0001\u0002desk")).map((b) => b === 1 ? 0xc0 : b === 2 ? 0xaf : b)];
    yield ["request/text/utf8-surrogate-bytes", Buffer.from(ok.replace("Front desk", "Front \u0001\u0002\u0003desk")).map((b) => b === 1 ? 0xed : b === 2 ? 0xa0 : b === 3 ? 0x80 : b)];
    yield ["request/text/escaped-surrogate-pair", ok.replace("Front desk", "Front \\ud83d\\udcde desk")];
    yield ["request/text/deep-nesting-60", ok.replace(/\n}$/, ",\n  \"Extra\": " + "[".repeat(59) + "]".repeat(59) + "\n}")];
    yield ["request/text/dup-key-first-wrong", ok.replace("\"campaignType\": \"1\"", "\"campaignType\": \"9\",\n  \"campaignType\": \"1\"")];
    yield ["request/text/dup-key-last-wrong", ok.replace("\"campaignType\": \"1\"", "\"campaignType\": \"1\",\n  \"campaignType\": \"9\"")];
    // Known differences: what JSON.parse lets through without a word.
    yield ["request/text/dup-key-same-value", ok.replace("\"name\": \"Front desk\"", "\"name\": \"Front desk\",\n  \"name\": \"Front desk\"")];
    yield ["request/text/dup-key-nested", ok.replace(/\n}$/, ",\n  \"Extra\": {\"a\": 1, \"a\": 2}\n}")];
    yield ["request/text/lone-surrogate-escape", ok.replace("Front desk", "Front \\ud800 desk")];
    yield ["request/text/number-past-double-in-unknown-field", ok.replace(/\n}$/, ",\n  \"Extra\": 1e400\n}")];
    yield ["request/text/deep-nesting-65", ok.replace(/\n}$/, ",\n  \"Extra\": " + "[".repeat(64) + "]".repeat(64) + "\n}")];
}

// ---------------------------------------------------------------------------------------------
// The response

const responseFieldKinds = {
    PartitionKey: "text", RowKey: "text", Timestamp: "date-time", "odata.etag": "text", name: "non-empty",
    campaignType: "text", Mode: "boolean", BusinessName: "text", CallType: "text", CompanyName: "text",
    FirstMessage: "text", IsActive: "boolean", PhoneNumberId: "text", Position: "text", ScriptBase: "text",
    ScriptNotes: "text", StartDate: "date-time", TimeWindows: "time-windows", SuccessRequest: "integer",
    TemplateId: "non-empty", TotalRequest: "integer", TotalTransfers: "integer", DailyCallLimit: "integer",
    KnowledgeBaseId: "text", KnowledgeBaseDataSetId: "text", FeatureAppendPreviousSummaryEnabled: "boolean",
    PhoneNumberProvider: "text", FeatureRescheduleCallEnabled: "boolean", EnrichmentInfoSettings: "json-text",
    EnrichmentInfoProvider: "text", FeatureEnrichmentInfoEnabled: "boolean", EndCallMessage: "text",
    VoicemailMessage: "text", AnalysisPlanSummaryPrompt: "text", FeatureEndCallWhenVoicemail: "boolean",
    FeatureRedialOnNoResponse: "boolean", RedialSettings: "json-text", FeatureDoubleCall: "boolean",
    Timezone: "time-zone", TimezoneFriendlyName: "text", Status: "open-enum", Collection: "text",
    IdleMessages: "json-text", ToolIds: "tool-ids", SMSTrigger: "text", SMSBody: "text",
    ForwardingPhoneNumber: "text", PreScript: "text", PostScript: "text", FirstMessageMode: "open-enum",
    ChatPhoneNumberId: "text", IsOutboundChatActive: "boolean", AIAssistantProvider: "atlas-or-null",
};

function* responseCases(base) {
    yield ["response/example", base];
    yield ["response/empty-object", {}];
    let rotation = 0;
    for (const [f, kind] of Object.entries(responseFieldKinds)) {
        yield [`response/${f}=null`, edit(base, { [f]: null })];
        yield [`response/${f}=absent`, edit(base, { [f]: ABSENT })];
        const wrong = wrongTypes[jsonTypeOf(kind)];
        const w = wrong[rotation++ % wrong.length];
        yield [`response/${f}=${show(w)}`, edit(base, { [f]: w })];
    }
    const values = {
        Timestamp: ["2026-03-01T14:22:05Z", "2026-02-30T14:22:05Z", "2026-03-01 14:22:05Z", "2026-03-01T14:22:05"],
        TimeWindows: ["[]", "[{\"startHour\":9}]", "[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":60}]"],
        SuccessRequest: [0, -5, 2147483648, raw("12.0")],
        name: ["", "x"], TemplateId: ["", "t"], campaignType: ["7", ""], Position: ["", "anywhere"],
        AIAssistantProvider: ["atlas", "Atlas", "", "vapi"],
        Timezone: ["Europe/Paris", "", "Europe/Pariss"],
        ToolIds: ["a,,b", "a, a"], IdleMessages: ["[", "[\"still there?\"]"], Status: ["", "paused"],
    };
    for (const [f, vs] of Object.entries(values))
        for (const v of vs)
            yield [`response/${f}=${show(v)}`, edit(base, { [f]: v })];
    yield ["response/unknown-field", edit(base, { ServerAddedField: 1 })];
    yield ["response/request-only-field", edit(base, { MessagesCampaign: true })];
    yield ["response/channel-rules-do-not-apply", edit(base, { campaignType: "0", CallType: "1", Position: ABSENT })];
}

// ---------------------------------------------------------------------------------------------

/**
 * The corpus: [{name, kind: "request"|"response", bytes: Buffer}], names unique, in a fixed order.
 * `examplesDir` (the repository's examples/) adds its payloads as they are.
 */
export function corpus(examplesDir) {
    const out = [];
    const names = new Set();
    const add = (name, kind, payload) => {
        if (names.has(name))
            throw new Error(`corpus: duplicate case name ${name}`);
        names.add(name);
        const bytes = Buffer.isBuffer(payload) ? payload
            : Buffer.from(typeof payload === "string" ? payload : render(payload) + "\n", "utf8");
        out.push({ name, kind, bytes });
    };
    for (const [name, payload] of requestCases())
        add(name, "request", payload);
    for (const [name, payload] of requestTexts())
        add(name, "request", payload);
    const example = (sub) => fs.readdirSync(path.join(examplesDir, sub)).filter((f) => f.endsWith(".json")).sort();
    for (const sub of ["valid", "invalid"])
        for (const f of example(sub))
            add(`example/${sub}/${f}`, "request", fs.readFileSync(path.join(examplesDir, sub, f)));
    for (const f of example("response"))
        add(`example/response/${f}`, "response", fs.readFileSync(path.join(examplesDir, "response", f)));
    const responseBase = JSON.parse(fs.readFileSync(path.join(examplesDir, "response", "campaign-updated.json"), "utf8"));
    for (const [name, payload] of responseCases(responseBase))
        add(name, "response", payload);
    add("response/root-array", "response", "[]");
    add("response/dup-key", "response", "{\"name\": \"a\", \"name\": \"b\"}");
    return out;
}
