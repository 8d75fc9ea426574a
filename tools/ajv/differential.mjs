// Differential test: ajv (strict mode, Draft 2020-12, ajv-formats) with atlas's exported schemas
// against atlas-validate, on a generated corpus. The verdicts (valid / invalid) must agree on every
// payload but those listed, with the reason, in known-differences.json.
//
//   node tools/ajv/differential.mjs --atlas-validate build/tools/atlas-validate [--keep DIR] [--verbose]
//       [--dump-differences FILE]
//
// --keep DIR writes the corpus there and leaves it; --dump-differences writes every disagreement
// (verdicts, atlas's rules, ajv's errors) as JSON, to help write known-differences.json: the
// reasons are a person's to give.
//
// Ends with "ajv: N passed, N failed"; exit status 0 only when nothing failed.

import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { corpus } from "./corpus.mjs";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

function parseArgs(argv) {
    const args = { atlasValidate: process.env.ATLAS_VALIDATE ?? "", keep: "", verbose: false, dump: "" };
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === "--atlas-validate")
            args.atlasValidate = argv[++i] ?? "";
        else if (argv[i] === "--keep")
            args.keep = argv[++i] ?? "";
        else if (argv[i] === "--verbose")
            args.verbose = true;
        else if (argv[i] === "--dump-differences")
            args.dump = argv[++i] ?? "";
        else {
            console.error(`usage: differential.mjs --atlas-validate PATH [--keep DIR] [--verbose] [--dump-differences FILE] (unknown: ${argv[i]})`);
            process.exit(2);
        }
    }
    if (!args.atlasValidate) {
        console.error("differential.mjs: name the atlas-validate binary with --atlas-validate (or ATLAS_VALIDATE)");
        process.exit(2);
    }
    return args;
}

const args = parseArgs(process.argv.slice(2));
let passed = 0, failed = 0;
const fail = (message) => {
    ++failed;
    console.log(`FAIL ${message}`);
};

// ---------------------------------------------------------------------------------------------
// ajv, strict: every keyword must be known, every type stated, every format known.

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv); // full mode: date-time is checked against the calendar
// atlas's list of the rules a schema cannot state: an annotation, nothing to validate.
ajv.addKeyword({ keyword: "x-atlas-rules", schemaType: "array" });

/**
 * A validator of one payload kind. JSON Schema's content keywords are annotations in Draft 2020-12,
 * so ajv does not decode a string's JSON; the verdict below does, as a consumer of the schema
 * would: every string property with contentMediaType application/json must parse, and match its
 * contentSchema when there is one.
 */
function compileKind(file) {
    const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas", file), "utf8"));
    let validate;
    try {
        validate = ajv.compile(schema);
        ++passed;
        console.log(`ok   ajv compiles schemas/${file} in strict mode`);
    } catch (e) {
        fail(`ajv cannot compile schemas/${file}: ${e.message}`);
        return null;
    }
    const content = [];
    for (const [name, property] of Object.entries(schema.properties ?? {}))
        if (property.contentMediaType === "application/json")
            content.push({ name, validate: property.contentSchema ? ajv.compile(property.contentSchema) : null });
    return { validate, content };
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }); // a BOM stays, and JSON.parse rejects it

/** ajv's verdict on raw bytes: {valid, valid_without_content, why}. */
function ajvVerdict(kind, bytes) {
    let data;
    try {
        data = JSON.parse(decoder.decode(bytes));
    } catch (e) {
        return { valid: false, withoutContent: false, why: `not JSON: ${e.message}` };
    }
    if (!kind.validate(data))
        return { valid: false, withoutContent: false, why: ajv.errorsText(kind.validate.errors) };
    for (const { name, validate } of kind.content) {
        if (!Object.hasOwn(data, name) || typeof data[name] !== "string")
            continue;
        let inner;
        try {
            inner = JSON.parse(data[name]);
        } catch (e) {
            return { valid: false, withoutContent: true, why: `${name}: content is not JSON: ${e.message}` };
        }
        if (validate && !validate(inner))
            return { valid: false, withoutContent: true, why: `${name}: ${ajv.errorsText(validate.errors, { dataVar: name })}` };
    }
    return { valid: true, withoutContent: true, why: "" };
}

// ---------------------------------------------------------------------------------------------
// atlas

function runAtlas(extra) {
    const r = spawnSync(args.atlasValidate, extra, { encoding: "utf8", maxBuffer: 1 << 28 });
    if (r.error)
        throw new Error(`cannot run ${args.atlasValidate}: ${r.error.message}`);
    return r;
}

/** One report per file, in order; exit status 2 (an unreadable file, a usage error) is a failure. */
function atlasReports(files, response) {
    const reports = [];
    for (let i = 0; i < files.length; i += 200) {
        const batch = files.slice(i, i + 200);
        const r = runAtlas(["--format", "json", ...(response ? ["--response"] : []), "--", ...batch]);
        const lines = r.stdout.split("\n").filter((l) => l.length > 0);
        if (r.status === 2 || lines.length !== batch.length)
            throw new Error(`atlas-validate gave ${lines.length} reports for ${batch.length} files (status ${r.status}): ${r.stderr}`);
        reports.push(...lines.map((l) => JSON.parse(l)));
    }
    return reports;
}

// ---------------------------------------------------------------------------------------------

const kinds = { request: compileKind("request.schema.json"), response: compileKind("response.schema.json") };
const cases = corpus(path.join(root, "examples"));
const dir = args.keep || fs.mkdtempSync(path.join(os.tmpdir(), "atlas-ajv-"));
fs.mkdirSync(dir, { recursive: true });
cases.forEach((c, i) => {
    c.file = path.join(dir, `${String(i).padStart(4, "0")}-${c.kind}.json`);
    fs.writeFileSync(c.file, c.bytes);
});
for (const kind of ["request", "response"]) {
    const subset = cases.filter((c) => c.kind === kind);
    atlasReports(subset.map((c) => c.file), kind === "response").forEach((report, i) => { subset[i].atlas = report; });
}
if (!args.keep)
    fs.rmSync(dir, { recursive: true, force: true });

const known = JSON.parse(fs.readFileSync(path.join(here, "known-differences.json"), "utf8")).differences;
const knownByCase = new Map();
for (const k of known) {
    if (knownByCase.has(k.case))
        fail(`known-differences.json lists ${k.case} twice`);
    if (!k.reason)
        fail(`known-differences.json gives no reason for ${k.case}`);
    knownByCase.set(k.case, k);
}

const verdict = (valid) => valid ? "valid" : "invalid";
const tally = { request: { total: 0, agreed: 0, known: 0 }, response: { total: 0, agreed: 0, known: 0 } };
let agreedWithoutContent = 0;
const differences = [];
const rulesSeen = new Set();
for (const c of cases) {
    if (!kinds[c.kind])
        continue;
    const a = ajvVerdict(kinds[c.kind], c.bytes);
    const atlasValid = c.atlas.valid;
    for (const d of c.atlas.diagnostics)
        rulesSeen.add(d.rule);
    const t = tally[c.kind];
    ++t.total;
    if (a.withoutContent === atlasValid)
        ++agreedWithoutContent;
    const listed = knownByCase.get(c.name);
    knownByCase.delete(c.name);
    const rules = [...new Set(c.atlas.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule))].join(", ");
    if (a.valid === atlasValid) {
        ++t.agreed;
        if (listed)
            fail(`${c.name}: listed as a known difference, but ajv and atlas agree (${verdict(atlasValid)}): remove it`);
        else
            ++passed;
        if (args.verbose)
            console.log(`ok   ${c.name}: both ${verdict(atlasValid)}`);
        continue;
    }
    differences.push({ case: c.name, atlas: verdict(atlasValid), ajv: verdict(a.valid), atlasRules: rules, ajvErrors: a.why });
    const seen = `atlas ${verdict(atlasValid)}${rules ? ` (${rules})` : ""}, ajv ${verdict(a.valid)}${a.why ? ` (${a.why})` : ""}`;
    if (listed && listed.atlas === verdict(atlasValid) && listed.ajv === verdict(a.valid)) {
        ++t.known;
        ++passed;
        if (args.verbose)
            console.log(`known ${c.name}: ${seen}`);
    } else
        fail(`${c.name}: ${seen}${listed ? " (listed, but with other verdicts)" : ""}`);
}
for (const name of knownByCase.keys())
    fail(`known-differences.json lists ${name}, which the corpus does not have`);

if (args.dump)
    fs.writeFileSync(args.dump, JSON.stringify(differences, null, 2) + "\n");

// Every rule a body can break must be broken somewhere in the corpus, or the agreement proves little.
const catalog = JSON.parse(runAtlas(["--list-rules", "--format", "json"]).stdout);
// Rules that only run with the caller's own data (a template catalog) cannot fire under the
// default options this corpus runs with; the schemas' x-atlas-rules notes say which they are.
const needsCallerData = new Set();
for (const file of ["request.schema.json", "response.schema.json"])
    for (const note of JSON.parse(fs.readFileSync(path.join(root, "schemas", file), "utf8"))["x-atlas-rules"] ?? [])
        if (/^needs the caller's/.test(note.note ?? ""))
            needsCallerData.add(note.id);
// input.unreadable is the CLI's for a file it cannot read: no body breaks it.
const bodyRules = catalog.filter((r) => r.scope !== "call" && r.id !== "input.unreadable" && !needsCallerData.has(r.id))
    .map((r) => r.id);
const missing = bodyRules.filter((id) => !rulesSeen.has(id));
if (missing.length === 0) {
    ++passed;
    console.log(`ok   the corpus breaks each of the ${bodyRules.length} rules of a body at least once` +
        ` (not ${[...needsCallerData].join(", ")}: they need the caller's data)`);
} else
    fail(`no payload of the corpus breaks ${missing.join(", ")}`);

const total = tally.request.total + tally.response.total;
const agreed = tally.request.agreed + tally.response.agreed;
const knownCount = tally.request.known + tally.response.known;
console.log(`corpus: ${tally.request.total} requests, ${tally.response.total} responses` +
    ` (${cases.filter((c) => c.atlas?.valid).length} valid for atlas)`);
console.log(`agreement: ajv and atlas agree on ${agreed} of ${total} payloads` +
    ` (requests ${tally.request.agreed}/${tally.request.total}, responses ${tally.response.agreed}/${tally.response.total});` +
    ` ${knownCount} differ as known-differences.json says`);
console.log(`without decoding the JSON-in-string fields (content keywords as annotations only), ajv would agree on ${agreedWithoutContent} of ${total}`);
console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
