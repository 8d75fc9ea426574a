// ajv on the benchmark corpus (bench/README.md): the payloads of bench/bench.cpp, written by
// `atlas-bench --dump FILE` as JSON lines {"text": ..., "atlas_valid": ...}, validated by ajv
// (Draft 2020-12, ajv-formats) against schemas/request.schema.json. Uses the ajv that
// tools/ajv/ installs (npm ci there); prints a Markdown table like atlas-bench's.
//
//   node bench/ajv-bench.mjs FILE [--rounds N]

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
// ajv lives in tools/ajv/node_modules: resolve it from there, not from bench/.
const require = createRequire(path.join(root, "tools", "ajv", "package.json"));
const Ajv2020Module = require("ajv/dist/2020");
const addFormatsModule = require("ajv-formats");
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const argv = process.argv.slice(2);
let file = "";
let rounds = 5;
for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--rounds")
        rounds = Number(argv[++i]);
    else if (!file)
        file = argv[i];
    else {
        console.error("usage: node bench/ajv-bench.mjs FILE [--rounds N]");
        process.exit(2);
    }
}
if (!file || !(rounds >= 1)) {
    console.error("usage: node bench/ajv-bench.mjs FILE [--rounds N]");
    process.exit(2);
}

const corpus = fs.readFileSync(file, "utf8").split("\n").filter((line) => line).map((line) => JSON.parse(line));
const bytes = corpus.reduce((sum, p) => sum + Buffer.byteLength(p.text, "utf8"), 0);

// As tools/ajv/differential.mjs sets it up: strict, formats in full mode (date-time knows the
// calendar), x-atlas-rules an annotation. allErrors off: a validator that only needs the verdict.
const ajv = new Ajv2020({ strict: true });
addFormats(ajv);
ajv.addKeyword({ keyword: "x-atlas-rules", schemaType: "array" });
const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas", "request.schema.json"), "utf8"));
const validate = ajv.compile(schema);
// contentMediaType/contentSchema are annotations in 2020-12: a consumer decodes the JSON-in-string
// fields itself, as the second contender does.
const content = Object.entries(schema.properties ?? {})
    .filter(([, p]) => p.contentMediaType === "application/json")
    .map(([name, p]) => ({ name, validate: p.contentSchema ? ajv.compile(p.contentSchema) : null }));

function parses(text) {
    try {
        JSON.parse(text);
        return true;
    } catch {
        return false;
    }
}

function schemaValid(text) {
    let data;
    try {
        data = JSON.parse(text);
    } catch {
        return false;
    }
    return validate(data);
}

function schemaAndContentValid(text) {
    let data;
    try {
        data = JSON.parse(text);
    } catch {
        return false;
    }
    if (!validate(data))
        return false;
    for (const { name, validate: inner } of content) {
        if (typeof data[name] !== "string")
            continue;
        let value;
        try {
            value = JSON.parse(data[name]);
        } catch {
            return false;
        }
        if (inner && !inner(value))
            return false;
    }
    return true;
}

const contenders = [
    { name: "JSON.parse (Node " + process.versions.node + ")", judge: parses, validator: false },
    { name: "ajv " + require("ajv/package.json").version + " (2020-12, ajv-formats)", judge: schemaValid, validator: true },
    { name: "ajv + JSON-in-string content", judge: schemaAndContentValid, validator: true },
];

/** Why ajv and atlas differ on a payload: atlas's errors that ajv missed, or ajv's first error. */
function reason(p) {
    if (!p.atlas_valid)
        return "atlas only: " + [...new Set(p.atlas_errors)].sort().join(" ");
    try {
        validate(JSON.parse(p.text));
        const e = validate.errors?.[0];
        return e ? `ajv only: ${e.keyword} at ${e.instancePath || "/"}` : "ajv only: JSON-in-string content";
    } catch {
        return "ajv only: JSON.parse";
    }
}

for (const c of contenders) {
    c.best = Infinity;
    c.valid = 0;
    c.disagree = 0;
    c.reasons = new Map();
    for (const p of corpus) {
        const v = c.judge(p.text);
        c.valid += v ? 1 : 0;
        if (c.validator && v !== p.atlas_valid) {
            ++c.disagree;
            const r = reason(p);
            c.reasons.set(r, (c.reasons.get(r) ?? 0) + 1);
        }
    }
}
/** The process's CPU time (user + system): the machine is shared, and waiting for a core is not ajv's time. */
function cpuSeconds() {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
}

for (let round = 0; round < rounds; ++round)
    for (const c of contenders) {
        let valid = 0;
        const start = cpuSeconds();
        for (const p of corpus)
            valid += c.judge(p.text) ? 1 : 0;
        const seconds = cpuSeconds() - start;
        c.best = Math.min(c.best, seconds);
        if (valid !== c.valid)
            console.error(`${c.name}: the verdicts changed between rounds`);
    }

const parseSeconds = contenders[0].best;
const atlasValid = corpus.filter((p) => p.atlas_valid).length;
console.log(`corpus: ${corpus.length} payloads, ${(bytes / 1e6).toFixed(1)} MB; atlas finds ${atlasValid} valid; best of ${rounds} rounds, process CPU time\n`);
console.log("| tool | MB/s | payloads/s | time vs JSON.parse | valid | judged otherwise than atlas |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const c of contenders)
    console.log(`| ${c.name} | ${(bytes / 1e6 / c.best).toFixed(1)} | ${Math.round(corpus.length / c.best).toLocaleString("en-US")} | ` +
        `${(c.best / parseSeconds).toFixed(2)}\u00d7 | ${c.valid.toLocaleString("en-US")}${c.validator ? "" : " parsed"} | ` +
        `${c.validator ? c.disagree : "\u2014"} |`);

for (const c of contenders.filter((c) => c.validator)) {
    console.log(`\n${c.name}: judged otherwise than atlas, by reason`);
    for (const [r, n] of [...c.reasons].sort((a, b) => b[1] - a[1]))
        console.log(`- ${r}: ${n}`);
}
