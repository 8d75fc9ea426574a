#!/usr/bin/env python3
"""Tests of the C ABI from Python ctypes, through the example binding examples/python/atlas_ctypes.py
(so the example is tested too). Plain asserts, no pytest:

    python3 tests/capi/test_ctypes.py build/capi/libatlas_c.so     (or set ATLAS_C_LIBRARY)

Prints a doctest-style summary (counted by scripts/dev.sh), then "capi-python: N passed, N failed";
exits non-zero when any test failed.
"""

import ctypes
import glob
import json
import os
import re
import resource
import sys
import tempfile
import traceback

SOURCE = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLES = os.path.join(SOURCE, "examples")
sys.path.insert(0, os.path.join(EXAMPLES, "python"))
import atlas_ctypes  # noqa: E402  (the example is the binding under test)

atlas = None  # set in main()
INBOUND = '{"name":"Front desk","campaignType":"1","CallType":"1","TemplateId":"tpl_inbound_en_02"}'
CANARY = "sk-CANARY-93be2c17d0"


def read(relative):
    with open(os.path.join(EXAMPLES, relative), "rb") as f:
        return f.read()


def rules_of(report):
    return [d["rule"] for d in report["diagnostics"]]


def test_versions():
    # The C strings are the project's: the version in meson.build, the tzdata of the generated table.
    with open(os.path.join(SOURCE, "meson.build")) as f:
        project_version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
    assert atlas.version() == project_version, (atlas.version(), project_version)
    with open(os.path.join(SOURCE, "include", "atlas", "detail", "tz_names.hpp")) as f:
        tzdata = re.search(r'tzdata_version = "([^"]+)"', f.read()).group(1)
    assert atlas.tzdata_version() == tzdata, (atlas.tzdata_version(), tzdata)
    assert re.fullmatch(r"20\d\d[a-z]", tzdata) and tzdata >= "2025b"


def test_valid_examples():
    paths = sorted(glob.glob(os.path.join(EXAMPLES, "valid", "*.json")))
    assert len(paths) >= 4
    for path in paths:
        with open(path, "rb") as f:
            report = atlas.validate_request(f.read())
        assert report["valid"] is True and report["errors"] == 0, (path, report)
    report = atlas.validate_response(read("response/campaign-updated.json"))
    assert report["valid"] is True, report


def test_invalid_examples_match_the_cli():
    # Each invalid example gives errors with rule ids, and exactly the report of
    # `atlas-validate --format json` (tests/golden/invalid-examples.jsonl, the inputs in sorted order).
    catalog_ids = {r["id"] for r in atlas.rule_catalog()}
    paths = sorted(glob.glob(os.path.join(EXAMPLES, "invalid", "*.json")))
    with open(os.path.join(SOURCE, "tests", "golden", "invalid-examples.jsonl"), encoding="utf-8") as f:
        golden = [json.loads(line) for line in f if line.strip()]
    assert len(paths) == len(golden) and paths, (len(paths), len(golden))
    for path, expected in zip(paths, golden):
        with open(path, "rb") as f:
            report = atlas.validate_request(f.read())
        assert report["valid"] is False and report["errors"] >= 1, (path, report)
        assert set(rules_of(report)) <= catalog_ids, (path, rules_of(report))
        assert report == expected, (path, report, expected)
    report = atlas.validate_request(read("invalid/wrong-types.json"))
    first = report["diagnostics"][0]
    assert (first["path"], first["rule"], first["line"], first["column"]) == ("/campaignType", "field.type", 3, 19)


def test_text_is_bytes_with_a_length():
    # str is sent as UTF-8; columns count code points; NUL is a byte of the input, not its end.
    report = atlas.validate_request('{"name":"Caf\u00e9 \u2014 desk","campaignType":1}')
    d = [d for d in report["diagnostics"] if d["rule"] == "field.type"][0]
    assert (d["line"], d["column"]) == (1, 38), d  # 41 if it counted bytes
    report = atlas.validate_request(INBOUND.encode() + b"\0")
    assert rules_of(report) == ["json.syntax"], report
    report = atlas.validate_request(b'{"name":"\xff"}')
    assert rules_of(report) == ["json.encoding"], report


def test_null_text():
    # A null pointer with a length is a caller error reported as JSON, never a crash.
    lib = atlas._lib
    report = atlas._take(lib.atlas_validate_request(None, 42, None))
    assert report["valid"] is False and rules_of(report) == ["json.syntax"], report
    assert report["diagnostics"][0]["path"] == "" and "line" not in report["diagnostics"][0]
    assert "null pointer" in report["diagnostics"][0]["message"]
    report = atlas._take(lib.atlas_validate_response(None, 0, None))
    assert rules_of(report) == ["json.syntax"] and "line" in report["diagnostics"][0], report


def test_options():
    payload = INBOUND[:-1] + ',"Calltype":"1"}'
    report = atlas.validate_request(payload)
    assert report["valid"] is True and rules_of(report).count("field.unknown") == 1, report
    assert atlas.validate_request(payload, {}) == report
    # strict: the unknown field is an error, with its did-you-mean.
    report = atlas.validate_request(payload, {"strict": True})
    unknown = [d for d in report["diagnostics"] if d["rule"] == "field.unknown"][0]
    assert report["valid"] is False and unknown["severity"] == "error" and unknown["path"] == "/Calltype"
    assert "CallType" in unknown["hint"], unknown
    # strict does not make unknown response fields errors (servers add fields).
    report = atlas.validate_response('{"name":"x","NewServerField":1}', {"strict": True})
    assert report["valid"] is True, report
    # allowed_values closes an open enum.
    bubble = '{"name":"Site","campaignType":"0","TemplateId":"t","Position":"botom-right"}'
    assert atlas.validate_request(bubble)["valid"] is True
    report = atlas.validate_request(bubble, {"allowed_values": {"Position": ["bottom-right", "bottom-left"]}})
    assert rules_of(report) == ["enum.value"] and "bottom-right" in report["diagnostics"][0]["hint"], report
    # max_diagnostics: one entry, then report.truncated.
    report = atlas.validate_request(read("invalid/wrong-types.json"), {"max_diagnostics": 1})
    assert rules_of(report) == ["field.type", "report.truncated"], report
    report = atlas.validate_request(INBOUND, {"max_input_bytes": 10})
    assert rules_of(report) == ["json.limit"], report


def test_bad_options_are_one_error():
    for options in ["not json", "[1]", '{"stict": true}', '{"strict": "yes"}', '{"max_depth": -1}',
                    '{"allowed_values": {"Positon": ["x"]}}']:
        report = atlas._take(atlas._lib.atlas_validate_request(INBOUND.encode(), len(INBOUND), options.encode()))
        assert report["valid"] is False and report["errors"] == 1 and report["warnings"] == 0, (options, report)
        d = report["diagnostics"][0]
        assert d["rule"] == "json.syntax" and d["path"] == "" and "line" not in d, (options, d)
        assert d["message"].startswith("options: "), (options, d)
    report = atlas.validate_request(INBOUND, {"stict": True})
    assert report["diagnostics"][0]["hint"] == 'did you mean "strict"?', report


def test_catalog_has_every_rule():
    # The C catalog lists every rule of the README's catalog, in the same order, with all members.
    catalog = atlas.rule_catalog()
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        readme_ids = re.findall(r"^\| `([a-z0-9.-]+)` \| (?:error|warning) \|", f.read(), re.MULTILINE)
    assert len(readme_ids) >= 40
    assert [r["id"] for r in catalog] == readme_ids, [r["id"] for r in catalog]
    for r in catalog:
        assert set(r) == {"id", "severity", "scope", "reads", "description"}, r
        assert r["severity"] in ("error", "warning") and r["description"], r


class captured_output:
    """Captures what the process writes to file descriptors 1 and 2 (C code's stdout/stderr too)."""

    def __enter__(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.file = tempfile.TemporaryFile()
        self.saved = [os.dup(1), os.dup(2)]
        os.dup2(self.file.fileno(), 1)
        os.dup2(self.file.fileno(), 2)
        return self

    def __exit__(self, *exc):
        libc = ctypes.CDLL(None)
        libc.fflush(None)  # C stdio buffers too
        os.dup2(self.saved[0], 1)
        os.dup2(self.saved[1], 2)
        for fd in self.saved:
            os.close(fd)
        self.file.seek(0)
        self.text = self.file.read()
        self.file.close()


def test_api_key_is_never_printed():
    keys = [CANARY, CANARY + "\r\nX-Injected: 1", CANARY + "\x00tail", "\u00e9" + CANARY + "\x1b[31m"]
    with captured_output() as out:
        reports = [json.dumps(atlas.validate_call("cmp_1", key)) for key in keys]
        reports += [json.dumps(atlas.validate_call("cmp/\n1", key, {"max_diagnostics": 1})) for key in keys]
    assert CANARY.encode() not in out.text, out.text
    for key, report in zip(keys + keys, reports):
        assert "CANARY" not in report, report
    assert json.loads(reports[0])["valid"] is True
    bad = json.loads(reports[1])
    assert rules_of(bad) == ["call.api-key"] and bad["diagnostics"][0]["path"] == "/api-key", bad


def test_call_id():
    assert atlas.validate_call("cmp_1", "")["valid"] is True  # the seed does not require the key
    assert rules_of(atlas.validate_call("", "k")) == ["call.id"]
    assert rules_of(atlas.validate_call("a/b", "k")) == ["call.id"]
    # A NUL is a byte like any other, not the end of the string: what follows it is checked too.
    assert rules_of(atlas.validate_call("abc\x00/def", "k")) == ["call.id"]
    assert rules_of(atlas.validate_call("cmp_1", "KEY\x00\r\nX-Evil: 1")) == ["call.api-key"]


def test_a_lone_surrogate_is_reported_not_raised():
    # Python str may hold one; it reaches the library, which reports the text as not UTF-8.
    report = atlas.validate_request('{"name":"\ud800"}')
    assert rules_of(report) == ["json.encoding"], report


def test_freeing_in_a_loop():
    # Every report is freed: 20000 calls must not grow the peak memory by what their reports
    # would take if leaked (about 1 KB each, so 20 MB; the bound leaves room for allocator noise).
    text = read("invalid/voice-bubble-mistakes.json")
    expected = atlas.validate_request(text, {"strict": True})
    for _ in range(500):
        atlas.validate_request(text)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    for _ in range(20000):
        report = atlas.validate_request(text, {"strict": True})
        atlas.validate_call("cmp_1", CANARY)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert report == expected and report["valid"] is False, report
    assert after - before < 8 * 1024, f"peak memory grew by {after - before} KiB over 20000 calls"


def main(argv):
    global atlas
    atlas = atlas_ctypes.Atlas(atlas_ctypes.library_path(argv))
    tests = [(name, f) for name, f in globals().items() if name.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, test in tests:
        try:
            test()
            passed += 1
        except Exception:
            failed += 1
            print(f"FAILED: {name}", file=sys.stderr)
            traceback.print_exc()
    print(f"[doctest] test cases: {passed + failed} | {passed} passed | {failed} failed | 0 skipped")
    print(f"capi-python: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
