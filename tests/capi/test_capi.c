/* Tests of the C ABI (capi/atlas.h), compiled as C11: what a C caller or an FFI binding relies on.
 * Run under valgrind by scripts/ci-capi.sh, so every report must be freed exactly once.
 * Prints a doctest-style summary (counted by scripts/dev.sh) and then "capi-c: N passed, N failed". */
#include "atlas.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ATLAS_EXAMPLES_DIR
#define ATLAS_EXAMPLES_DIR "examples"
#endif

static const char* examples_dir = ATLAS_EXAMPLES_DIR;
static int case_failed, cases_passed, cases_failed;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);      \
            case_failed = 1;                                                              \
        }                                                                                 \
    } while (0)

static void run(const char* name, void (*test)(void))
{
    case_failed = 0;
    test();
    if (case_failed) {
        ++cases_failed;
        fprintf(stderr, "FAILED: %s\n", name);
    } else
        ++cases_passed;
}

static int contains(const char* haystack, const char* needle)
{
    return haystack != NULL && strstr(haystack, needle) != NULL;
}

static int count_of(const char* haystack, const char* needle)
{
    int n = 0;
    for (const char* p = haystack; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
        ++n;
    return n;
}

/* Reads an example payload; NULL (and a failed check) when it cannot. */
static char* read_example(const char* relative, size_t* length)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", examples_dir, relative);
    FILE* f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return NULL;
    char* text = malloc(1 << 20);
    *length = fread(text, 1, (1 << 20) - 1, f);
    text[*length] = '\0';
    fclose(f);
    return text;
}

static char* request(const char* text, const char* options)
{
    return atlas_validate_request(text, strlen(text), options);
}

/* The one error a caller mistake gives: json.syntax at the root, no position, the given message. */
static void check_caller_error(const char* report, const char* message_start)
{
    CHECK(contains(report, "{\"valid\":false,\"errors\":1,\"warnings\":0,\"diagnostics\":[{\"severity\":\"error\","
                           "\"path\":\"\",\"rule\":\"json.syntax\""));
    CHECK(contains(report, message_start));
    CHECK(!contains(report, "\"line\":"));
}

static const char* inbound = "{\"name\":\"Front desk\",\"campaignType\":\"1\",\"CallType\":\"1\","
                             "\"TemplateId\":\"tpl_inbound_en_02\"}";

static void test_versions(void)
{
    int major = -1, minor = -1, patch = -1, year = 0;
    char letter = 0, end = 0;
    CHECK(sscanf(atlas_version(), "%d.%d.%d%c", &major, &minor, &patch, &end) == 3);
    CHECK(major >= 0 && minor >= 0 && patch >= 0);
    /* tzdata releases are a year and a letter; the contract asks for 2025b or later. */
    CHECK(sscanf(atlas_tzdata_version(), "%4d%c%c", &year, &letter, &end) == 2);
    CHECK(year >= 2025 && letter >= 'a' && letter <= 'z');
    CHECK(atlas_version() == atlas_version()); /* static: the caller must not free it */
}

static void test_valid_example(void)
{
    size_t length = 0;
    char* text = read_example("valid/outbound-phone.json", &length);
    char* report = atlas_validate_request(text, length, NULL);
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,"));
    atlas_free(report);
    free(text);

    text = read_example("response/campaign-updated.json", &length);
    report = atlas_validate_response(text, length, NULL);
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,"));
    atlas_free(report);
    /* A response is not a request: the same text checked as a request has errors. */
    report = atlas_validate_request(text, length, NULL);
    CHECK(contains(report, "{\"valid\":false,"));
    atlas_free(report);
    free(text);

    /* Options apply to responses too: an unknown field set to error makes one invalid. */
    report = atlas_validate_response("{\"NewServerField\":1}", 20, NULL);
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,\"warnings\":1,"));
    atlas_free(report);
    report = atlas_validate_response("{\"NewServerField\":1}", 20, "{\"rules\":{\"field.unknown\":\"error\"}}");
    CHECK(contains(report, "{\"valid\":false,\"errors\":1,\"warnings\":0,"));
    CHECK(contains(report, "\"path\":\"/NewServerField\",\"rule\":\"field.unknown\""));
    CHECK(contains(report, "\"line\":1,\"column\":2"));
    atlas_free(report);
}

static void test_invalid_example(void)
{
    size_t length = 0;
    char* text = read_example("invalid/wrong-types.json", &length);
    char* report = atlas_validate_request(text, length, NULL);
    CHECK(contains(report, "{\"valid\":false,"));
    /* campaignType is the number 1 on line 3, column 19 (the README's example). */
    CHECK(contains(report, "\"path\":\"/campaignType\",\"rule\":\"field.type\""));
    CHECK(contains(report, "\"line\":3,\"column\":19"));
    CHECK(contains(report, "\"path\":\"/IsActive\""));
    CHECK(contains(report, "\"path\":\"/DailyCallLimit\""));
    atlas_free(report);
    free(text);
}

static void test_length_is_honoured(void)
{
    /* The text need not end in NUL: only `length` bytes are read. */
    char buffer[256];
    snprintf(buffer, sizeof buffer, "%s,,,garbage", inbound);
    char* report = atlas_validate_request(buffer, strlen(inbound), NULL);
    CHECK(contains(report, "{\"valid\":true,"));
    atlas_free(report);
    /* A NUL inside the length is a byte of the input, not its end. */
    snprintf(buffer, sizeof buffer, "%s", inbound);
    report = atlas_validate_request(buffer, strlen(inbound) + 1, NULL);
    CHECK(contains(report, "{\"valid\":false,"));
    CHECK(contains(report, "\"rule\":\"json.syntax\""));
    atlas_free(report);
}

static void test_null_text(void)
{
    char* report = atlas_validate_request(NULL, 12, NULL);
    check_caller_error(report, "\"message\":\"the input is a null pointer with a length of 12 bytes\"");
    atlas_free(report);
    report = atlas_validate_response(NULL, 1, "{\"strict\":true}");
    check_caller_error(report, "null pointer");
    atlas_free(report);
    /* NULL with length 0 is the empty text: not JSON, reported with a position. */
    report = atlas_validate_request(NULL, 0, NULL);
    CHECK(contains(report, "{\"valid\":false,"));
    CHECK(contains(report, "\"rule\":\"json.syntax\""));
    CHECK(contains(report, "\"line\":1,\"column\":1"));
    atlas_free(report);
    atlas_free(NULL); /* allowed, like free(NULL) */
}

static void test_options(void)
{
    char unknown_field[256];
    snprintf(unknown_field, sizeof unknown_field, "%.*s,\"Colour\":\"red\"}", (int)strlen(inbound) - 1, inbound);

    /* NULL and {} are the defaults: an unknown field is a warning. */
    char* report = request(unknown_field, NULL);
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,\"warnings\":1,"));
    CHECK(contains(report, "\"rule\":\"field.unknown\""));
    char* same = request(unknown_field, "{}");
    CHECK(report && same && strcmp(report, same) == 0);
    atlas_free(report);
    atlas_free(same);

    report = request(unknown_field, "{\"strict\": true}");
    CHECK(contains(report, "{\"valid\":false,\"errors\":1,"));
    CHECK(contains(report, "\"severity\":\"error\",\"path\":\"/Colour\",\"rule\":\"field.unknown\""));
    atlas_free(report);

    /* allowed_values closes an open enum, with a did-you-mean. */
    const char* bubble = "{\"name\":\"Site\",\"campaignType\":\"0\",\"TemplateId\":\"t\",\"Position\":\"bottom-rigth\"}";
    report = request(bubble, NULL);
    CHECK(contains(report, "{\"valid\":true,"));
    atlas_free(report);
    report = request(bubble, "{\"allowed_values\": {\"Position\": [\"bottom-right\", \"bottom-left\"]}}");
    CHECK(contains(report, "{\"valid\":false,"));
    CHECK(contains(report, "\"path\":\"/Position\",\"rule\":\"enum.value\""));
    CHECK(contains(report, "bottom-right"));
    atlas_free(report);

    /* The options are atlas::read_options', as in the CLI's --config: profiles and rule levels too. */
    report = request(unknown_field, "{\"profile\": \"strict\"}");
    CHECK(contains(report, "\"severity\":\"error\",\"path\":\"/Colour\",\"rule\":\"field.unknown\""));
    atlas_free(report);
    report = request(unknown_field, "{\"rules\": {\"field.unknown\": \"off\"}}");
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,\"warnings\":0,"));
    atlas_free(report);

    /* The limits. */
    report = request(inbound, "{\"max_string_bytes\": 3}");
    CHECK(contains(report, "\"rule\":\"json.limit\""));
    CHECK(contains(report, "max_string_bytes"));
    atlas_free(report);
    report = request(inbound, "{\"max_input_bytes\": 10}");
    CHECK(contains(report, "\"rule\":\"json.limit\""));
    atlas_free(report);
    report = request("{\"name\":\"x\",\"Extra\":[[[1]]],\"campaignType\":\"1\",\"CallType\":\"1\",\"TemplateId\":\"t\"}",
        "{\"max_depth\": 2}");
    CHECK(contains(report, "\"rule\":\"json.limit\""));
    atlas_free(report);
    size_t length = 0;
    char* text = read_example("invalid/wrong-types.json", &length);
    report = atlas_validate_request(text, length, "{\"max_diagnostics\": 1}");
    CHECK(count_of(report, "\"severity\":") == 2);
    CHECK(contains(report, "\"rule\":\"report.truncated\""));
    atlas_free(report);
    free(text);
}

static void test_bad_options(void)
{
    /* Each is one error and the payload is not checked (inbound is valid, so any other error would be from it). */
    static const struct {
        const char* options;
        const char* message;
    } cases[] = {
        {"", "options: the options are not JSON"},
        {"{\"strict\": true,}", "options: the options are not JSON"},
        {"[]", "options: the options must be a JSON object"},
        {"{\"stict\": true}", "options: unknown option \\\"stict\\\"\",\"hint\":\"did you mean \\\"strict\\\"?\""},
        {"{\"strict\": \"yes\"}", "options: \\\"strict\\\" must be true or false"},
        {"{\"max_depth\": -1}", "options: \\\"max_depth\\\" must be a positive integer"},
        {"{\"max_diagnostics\": 1.5}", "options: \\\"max_diagnostics\\\" must be a positive integer"},
        {"{\"max_string_bytes\": 0}", "options: \\\"max_string_bytes\\\" must be a positive integer"},
        {"{\"allowed_values\": {\"position\": [\"x\"]}}",
            "allowed_values takes the open enums only (Position, "},
        {"{\"allowed_values\": {\"position\": [\"x\"]}}", "\"hint\":\"did you mean \\\"Position\\\"?\""},
        {"{\"allowed_values\": {\"Position\": \"x\"}}", "must be an array of strings"},
        {"{\"allowed_values\": {\"Position\": [1]}}", "must be an array of strings"},
        {"{\"allowed_values\": []}", "\\\"allowed_values\\\" must be an object"},
        {"{\"profile\": \"strcit\"}", "options: unknown profile \\\"strcit\\\""},
        {"{\"rules\": {\"sms.pair\": \"loud\"}}", "must be \\\"off\\\", \\\"warning\\\" or \\\"error\\\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char* report = request(inbound, cases[i].options);
        check_caller_error(report, cases[i].message);
        if (!contains(report, cases[i].message))
            fprintf(stderr, "  options %s gave %s\n", cases[i].options, report);
        atlas_free(report);
    }
    char* report = atlas_validate_call("cmp_1", "key", "{\"strict\": 1}");
    check_caller_error(report, "options: \\\"strict\\\" must be true or false");
    atlas_free(report);
    /* A credential pasted into the options is masked in their report, as in a payload's. */
    report = request(inbound, "{\"rules\": {\"x api-key: SECRET-1\": \"off\"}}");
    check_caller_error(report, "options: unknown rule");
    CHECK(!contains(report, "SECRET-1"));
    atlas_free(report);
}

static void test_call(void)
{
    static const char* canary = "sk-CANARY-4f1d2e9a7b";
    char* report = atlas_validate_call("cmp_1", canary, NULL);
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}"));
    atlas_free(report);

    /* A key with CR/LF would inject headers: an error that never shows the key. */
    char key[128];
    snprintf(key, sizeof key, "%s\r\nX-Injected: 1", canary);
    report = atlas_validate_call("cmp/1", key, NULL);
    CHECK(contains(report, "{\"valid\":false,\"errors\":2,"));
    CHECK(contains(report, "\"rule\":\"call.api-key\""));
    CHECK(contains(report, "\"rule\":\"call.id\""));
    CHECK(!contains(report, "CANARY"));
    CHECK(!contains(report, "Injected"));
    atlas_free(report);

    /* NULL is the empty string: an empty id is an error, an empty key is not (the seed does not require it). */
    report = atlas_validate_call(NULL, NULL, NULL);
    CHECK(contains(report, "{\"valid\":false,\"errors\":1,"));
    CHECK(contains(report, "\"path\":\"/id\",\"rule\":\"call.id\""));
    atlas_free(report);

    /* With lengths, a NUL is a control character, not the end: "abc\0/def" is not "abc". */
    static const char id_with_nul[] = "abc\0/def";
    static const char key_with_nul[] = "KEY\0\r\nX-Evil: 1";
    report = atlas_validate_call_n(id_with_nul, sizeof id_with_nul - 1, key_with_nul, sizeof key_with_nul - 1, NULL);
    CHECK(contains(report, "{\"valid\":false,\"errors\":2,"));
    CHECK(contains(report, "\"rule\":\"call.id\""));
    CHECK(contains(report, "\"rule\":\"call.api-key\""));
    CHECK(!contains(report, "Evil"));
    atlas_free(report);
    report = atlas_validate_call_n("cmp_1", 5, canary, strlen(canary), NULL);
    CHECK(contains(report, "{\"valid\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}"));
    atlas_free(report);
    report = atlas_validate_call_n(NULL, 3, NULL, 0, NULL);
    CHECK(contains(report, "\"path\":\"/id\",\"rule\":\"call.id\""));
    atlas_free(report);
}

static void test_catalog(void)
{
    char* catalog = atlas_rule_catalog();
    CHECK(catalog != NULL);
    if (!catalog)
        return;
    const size_t n = strlen(catalog);
    CHECK(n > 2 && catalog[0] == '[' && catalog[n - 1] == ']');
    CHECK(contains(catalog, "{\"id\":\"json.syntax\",\"severity\":\"error\",\"scope\":\"text\","));
    CHECK(contains(catalog, "{\"id\":\"field.unknown\",\"severity\":\"warning\",\"scope\":\"request, response\","));
    CHECK(contains(catalog, "\"id\":\"call.api-key\""));
    CHECK(contains(catalog, "\"id\":\"report.truncated\""));
    /* Every entry has all five members. */
    const int rules = count_of(catalog, "{\"id\":");
    CHECK(rules >= 40);
    CHECK(count_of(catalog, "\"severity\":") == rules && count_of(catalog, "\"scope\":") == rules &&
          count_of(catalog, "\"reads\":") == rules && count_of(catalog, "\"description\":") == rules);
    atlas_free(catalog);
}

static void test_many_calls(void)
{
    /* Under valgrind a leak or a double free here fails the run. */
    size_t length = 0;
    char* text = read_example("invalid/voice-bubble-mistakes.json", &length);
    char* first = atlas_validate_request(text, length, "{\"strict\":true}");
    for (int i = 0; i < 2000; ++i) {
        char* report = atlas_validate_request(text, length, "{\"strict\":true}");
        if (!report || strcmp(report, first) != 0) {
            CHECK(!"every call gives the same report");
            atlas_free(report);
            break;
        }
        atlas_free(report);
    }
    atlas_free(first);
    free(text);
}

struct thread_job {
    const char* text;
    size_t length;
    const char* expected;
    int mismatches;
};

static void* validate_repeatedly(void* arg)
{
    struct thread_job* job = arg;
    for (int i = 0; i < 200; ++i) {
        char* report = atlas_validate_request(job->text, job->length, NULL);
        if (!report || strcmp(report, job->expected) != 0)
            ++job->mismatches;
        atlas_free(report);
    }
    return NULL;
}

static void test_threads(void)
{
    /* atlas.h promises thread safety: concurrent calls give the single-threaded report. */
    size_t length = 0;
    char* text = read_example("invalid/outbound-time-windows.json", &length);
    char* expected = atlas_validate_request(text, length, NULL);
    struct thread_job jobs[4];
    pthread_t threads[4];
    for (int i = 0; i < 4; ++i) {
        jobs[i] = (struct thread_job){text, length, expected, 0};
        CHECK(pthread_create(&threads[i], NULL, validate_repeatedly, &jobs[i]) == 0);
    }
    for (int i = 0; i < 4; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(jobs[i].mismatches == 0);
    }
    atlas_free(expected);
    free(text);
}

int main(int argc, char** argv)
{
    if (argc > 1)
        examples_dir = argv[1];
    run("versions", test_versions);
    run("valid example", test_valid_example);
    run("invalid example", test_invalid_example);
    run("length is honoured", test_length_is_honoured);
    run("null text", test_null_text);
    run("options", test_options);
    run("bad options", test_bad_options);
    run("call and api-key", test_call);
    run("rule catalog", test_catalog);
    run("many calls", test_many_calls);
    run("threads", test_threads);
    const int total = cases_passed + cases_failed;
    printf("[doctest] test cases: %d | %d passed | %d failed | 0 skipped\n", total, cases_passed, cases_failed);
    printf("capi-c: %d passed, %d failed\n", cases_passed, cases_failed);
    return cases_failed == 0 ? 0 : 1;
}
