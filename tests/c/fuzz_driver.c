/* A C fuzz driver: mutated requests through every asynchronous export and
 * the synchronous JSON exports, as a C program calls them.
 * Usage: fuzz_driver ADDRESS TASK_QUEUE COUNT SEED. Checks that every call
 * not refused with TC_RESULT_NULL_ARGUMENT gets exactly one callback with
 * NUL-terminated JSON, that no error has code "panic", that a synchronous
 * rejection calls back before returning, and that handles are freed
 * cleanly (run under valgrind by tests/c_program.rs). Exits 0 when every
 * check passed. */
#include "temporal_capi.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef TcResult (*Op)(TcClient *, const char *, size_t, const TcCancel *, TcCallback, void *);

typedef struct {
    const char *name;
    Op op;
    const char *seed; /* "%s" is the task queue */
} Export;

static const Export EXPORTS[] = {
    {"tc_workflow_start", tc_workflow_start,
     "{\"workflow_type\":\"Echo\",\"task_queue\":\"%s\",\"args\":[1],\"execution_timeout\":\"1m\"}"},
    {"tc_workflow_signal_with_start", tc_workflow_signal_with_start,
     "{\"workflow_type\":\"Echo\",\"task_queue\":\"%s\",\"signal_name\":\"add\",\"signal_args\":[1],\"args\":[2]}"},
    {"tc_workflow_result", tc_workflow_result, "{\"workflow_id\":\"fuzz-c-none\",\"follow_runs\":true}"},
    {"tc_workflow_describe", tc_workflow_describe, "{\"workflow_id\":\"fuzz-c-none\",\"run_id\":null}"},
    {"tc_workflow_signal", tc_workflow_signal, "{\"workflow_id\":\"fuzz-c-none\",\"signal_name\":\"add\",\"args\":[1]}"},
    {"tc_workflow_query", tc_workflow_query, "{\"workflow_id\":\"fuzz-c-none\",\"query_type\":\"state\",\"reject_condition\":\"none\"}"},
    {"tc_workflow_cancel", tc_workflow_cancel, "{\"workflow_id\":\"fuzz-c-none\",\"reason\":\"r\"}"},
    {"tc_workflow_terminate", tc_workflow_terminate, "{\"workflow_id\":\"fuzz-c-none\",\"details\":[1]}"},
    {"tc_workflow_list", tc_workflow_list, "{\"query\":\"WorkflowType = 'Echo'\",\"page_size\":2}"},
    {"tc_workflow_count", tc_workflow_count, "{\"query\":\"ExecutionStatus = 'Running'\"}"},
    {"tc_workflow_fetch_history", tc_workflow_fetch_history, "{\"workflow_id\":\"fuzz-c-none\",\"event_filter\":\"all\",\"page_size\":2}"},
    {"tc_workflow_export_history", tc_workflow_export_history, "{\"workflow_id\":\"fuzz-c-none\"}"},
    {"tc_workflow_update", tc_workflow_update, "{\"workflow_id\":\"fuzz-c-none\",\"update_name\":\"set_value\",\"args\":[1]}"},
    {"tc_workflow_start_update", tc_workflow_start_update, "{\"workflow_id\":\"fuzz-c-none\",\"update_name\":\"set_value\",\"wait_for_stage\":\"accepted\"}"},
    {"tc_workflow_update_result", tc_workflow_update_result, "{\"workflow_id\":\"fuzz-c-none\",\"update_id\":\"u\"}"},
    {"tc_workflow_update_with_start", tc_workflow_update_with_start,
     "{\"workflow_type\":\"WaitForSignal\",\"task_queue\":\"%s\",\"id_conflict_policy\":\"fail\",\"update_name\":\"set_value\",\"update_args\":[1]}"},
    {"tc_workflow_delete", tc_workflow_delete, "{\"workflow_id\":\"fuzz-c-none\"}"},
    {"tc_workflow_pause", tc_workflow_pause, "{\"workflow_id\":\"fuzz-c-none\",\"reason\":\"r\"}"},
    {"tc_workflow_unpause", tc_workflow_unpause, "{\"workflow_id\":\"fuzz-c-none\"}"},
    {"tc_workflow_reset", tc_workflow_reset, "{\"workflow_id\":\"fuzz-c-none\",\"to\":\"last_workflow_task\"}"},
    {"tc_activity_complete", tc_activity_complete, "{\"workflow_id\":\"fuzz-c-none\",\"activity_id\":\"1\",\"result\":1}"},
    {"tc_activity_fail", tc_activity_fail, "{\"task_token\":\"AAEC\",\"failure\":{\"message\":\"m\",\"non_retryable\":true}}"},
    {"tc_activity_heartbeat", tc_activity_heartbeat, "{\"task_token\":\"AAEC\",\"details\":[1]}"},
    {"tc_activity_report_cancellation", tc_activity_report_cancellation, "{\"workflow_id\":\"fuzz-c-none\",\"activity_id\":\"1\"}"},
    {"tc_workflow_wait_for_start", tc_workflow_wait_for_start, "{\"workflow_id\":\"fuzz-c-none\"}"},
    {"tc_workflow_wait_for_completion", tc_workflow_wait_for_completion, "{\"workflow_id\":\"fuzz-c-none\",\"get_inputs_and_outputs\":false}"},
    {"tc_workflow_query_instances", tc_workflow_query_instances, "{\"statuses\":[\"running\"],\"id_prefix\":\"fuzz-c-\",\"page_size\":2}"},
    {"tc_workflow_purge_instances", tc_workflow_purge_instances, "{\"id_prefix\":\"fuzz-c-none-\",\"max_concurrency\":2}"},
    {"tc_client_rpc", tc_client_rpc, "{\"service\":\"workflow\",\"method\":\"DescribeNamespace\",\"request\":{},\"timeout\":\"5s\"}"},
    {"tc_client_system_info", tc_client_system_info, "{}"},
    {"tc_schedule_create", tc_schedule_create,
     "{\"schedule_id\":\"fuzz-c-s\",\"state\":{\"paused\":true},\"spec\":{\"intervals\":[{\"every\":\"1h\"}]},"
     "\"action\":{\"start_workflow\":{\"workflow_type\":\"Echo\",\"task_queue\":\"%s\"}}}"},
    {"tc_schedule_describe", tc_schedule_describe, "{\"schedule_id\":\"fuzz-c-s\"}"},
    {"tc_schedule_list", tc_schedule_list, "{\"page_size\":2}"},
    {"tc_schedule_update", tc_schedule_update, "{\"schedule_id\":\"fuzz-c-s\",\"state\":{\"paused\":true,\"note\":\"n\"}}"},
    {"tc_schedule_pause", tc_schedule_pause, "{\"schedule_id\":\"fuzz-c-s\",\"note\":\"p\"}"},
    {"tc_schedule_unpause", tc_schedule_unpause, "{\"schedule_id\":\"fuzz-c-none\"}"},
    {"tc_schedule_trigger", tc_schedule_trigger, "{\"schedule_id\":\"fuzz-c-none\"}"},
    {"tc_schedule_backfill", tc_schedule_backfill,
     "{\"schedule_id\":\"fuzz-c-none\",\"backfills\":[{\"start_at\":\"2020-01-01T00:00:00Z\",\"end_at\":\"2020-01-01T00:00:01Z\"}]}"},
    {"tc_schedule_delete", tc_schedule_delete, "{\"schedule_id\":\"fuzz-c-none\"}"},
};
#define N_EXPORTS (sizeof EXPORTS / sizeof EXPORTS[0])

static const char *const TRAILERS[] = {"{\"bogus\":1}", " not json", "}", "]", ",", "   ", "null"};
static const char *const INSERTS[] = {"\xff", "\xc0\x80", "\xed\xa0\x80", "\"", "\\", "{", "[", "NaN", "1e999",
                                      "\"100000000h\"", "-1", "null", "\"x\":", ",\"x\":1"};

static uint64_t rng_state;
static uint64_t next_u64(void) { /* SplitMix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static size_t below(size_t n) { return (size_t)(next_u64() % n); }

#define MAX_INPUT 8192

/* Mutates buf (length *len, capacity MAX_INPUT) in place. */
static void mutate(char *buf, size_t *len) {
    size_t rounds = 1 + below(3);
    for (size_t r = 0; r < rounds; r++) {
        switch (below(7)) {
        case 0:
            if (*len > 0) *len = below(*len);
            break;
        case 1:
            if (*len > 0) buf[below(*len)] ^= (char)(1u << below(8));
            break;
        case 2: {
            const char *t = TRAILERS[below(sizeof TRAILERS / sizeof TRAILERS[0])];
            size_t n = strlen(t);
            if (*len + n < MAX_INPUT) { memcpy(buf + *len, t, n); *len += n; }
            break;
        }
        case 3: {
            const char *t = INSERTS[below(sizeof INSERTS / sizeof INSERTS[0])];
            size_t n = strlen(t), at = below(*len + 1);
            if (*len + n < MAX_INPUT) {
                memmove(buf + at + n, buf + at, *len - at);
                memcpy(buf + at, t, n);
                *len += n;
            }
            break;
        }
        case 4: { /* delete a range */
            size_t at = below(*len + 1), n = below(8);
            if (at + n > *len) n = *len - at;
            memmove(buf + at, buf + at + n, *len - at - n);
            *len -= n;
            break;
        }
        case 5: { /* a long string value, or a duplicated key, in front */
            size_t n = 1 + below(4000);
            if (below(2) == 0) {
                const char *dup = "\"workflow_id\":\"dup\",";
                size_t d = strlen(dup);
                if (*len + d < MAX_INPUT && *len > 0 && buf[0] == '{') {
                    memmove(buf + 1 + d, buf + 1, *len - 1);
                    memcpy(buf + 1, dup, d);
                    *len += d;
                }
            } else if (*len + n + 8 < MAX_INPUT && *len > 0 && buf[0] == '{') {
                memmove(buf + n + 8, buf + 1, *len - 1);
                memcpy(buf + 1, "\"k\":\"", 5);
                memset(buf + 6, 'x', n);
                memcpy(buf + 6 + n, "\",", 2);
                *len += n + 7;
            }
            break;
        }
        default: /* random bytes */
            *len = below(64);
            for (size_t i = 0; i < *len; i++) buf[i] = (char)next_u64();
        }
    }
}

typedef struct {
    atomic_int callbacks;
} Call;

static atomic_long total_callbacks, bad_json, panics;

static void on_done(void *ud, TcStatus status, const char *json, size_t len) {
    Call *c = ud;
    if (json == NULL || json[len] != '\0' || strlen(json) != len) atomic_fetch_add(&bad_json, 1);
    else if (strstr(json, "\"code\":\"panic\"") != NULL) {
        fprintf(stderr, "panic code: %s\n", json);
        atomic_fetch_add(&panics, 1);
    }
    (void)status;
    atomic_fetch_add(&c->callbacks, 1);
    atomic_fetch_add(&total_callbacks, 1);
}

typedef struct {
    atomic_int done;
    TcClient *client;
    TcStatus status;
} Connected;

static void on_connect(void *ud, TcClient *client, TcStatus status, const char *json, size_t len) {
    Connected *c = ud;
    if (json == NULL || json[len] != '\0') atomic_fetch_add(&bad_json, 1);
    c->client = client;
    c->status = status;
    atomic_store(&c->done, 1);
}

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static TcClient *connect_client(TcRuntime *rt, const char *address) {
    char opts[512];
    snprintf(opts, sizeof opts, "{\"address\":\"%s\",\"connect_timeout\":\"10s\"}", address);
    Connected c = {0};
    atomic_init(&c.done, 0);
    if (tc_client_connect(rt, opts, strlen(opts), NULL, on_connect, &c) != TC_RESULT_OK) return NULL;
    for (int i = 0; i < 6000 && !atomic_load(&c.done); i++) sleep_ms(10);
    return atomic_load(&c.done) && c.status == TC_STATUS_OK ? c.client : NULL;
}

static int failures = 0;
#define CHECK(cond, ...)                                         \
    do {                                                         \
        if (!(cond)) {                                           \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                        \
            fprintf(stderr, "\n");                               \
            failures++;                                          \
        }                                                        \
    } while (0)

/* The synchronous JSON exports with a mutated input. */
static void sync_exports(char *buf, size_t len) {
    char *out = NULL, *error = NULL;
    size_t out_len = 0;
    TcResult r = tc_envconfig_load(buf, len, &out, &out_len, &error);
    CHECK((r == TC_RESULT_OK) == (out != NULL) && (r == TC_RESULT_OK) == (error == NULL),
          "tc_envconfig_load writes json_out exactly on success, error_json_out exactly on failure");
    CHECK(out == NULL || strlen(out) == out_len, "tc_envconfig_load output length");
    CHECK(r != TC_RESULT_PANIC && (error == NULL || strstr(error, "\"code\":\"panic\"") == NULL), "envconfig panic");
    tc_string_free(out);
    tc_string_free(error);
    TcRuntime *rt = NULL;
    char *err = NULL;
    r = tc_runtime_new(buf, len, &rt, &err);
    CHECK(r != TC_RESULT_PANIC, "tc_runtime_new panic");
    CHECK((r == TC_RESULT_OK) == (rt != NULL) && (r == TC_RESULT_OK) == (err == NULL), "tc_runtime_new outputs");
    tc_runtime_free(rt);
    tc_string_free(err);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: fuzz_driver ADDRESS TASK_QUEUE COUNT SEED\n");
        return 2;
    }
    const char *address = argv[1], *task_queue = argv[2];
    size_t count = (size_t)strtoul(argv[3], NULL, 10);
    rng_state = strtoull(argv[4], NULL, 10);
    printf("fuzz_driver: seed %s, %zu inputs\n", argv[4], count);

    TcRuntime *rt = NULL;
    CHECK(tc_runtime_new(NULL, 0, &rt, NULL) == TC_RESULT_OK, "runtime");
    TcClient *client = connect_client(rt, address);
    TcClient *freed = connect_client(rt, address);
    CHECK(client != NULL && freed != NULL, "connect to %s", address);
    if (client == NULL || freed == NULL) return 1;
    tc_client_free(freed);

    TcCancel *cancel = tc_cancel_new();
    Call *calls = calloc(count, sizeof *calls);
    char *buf = malloc(MAX_INPUT);
    size_t accepted = 0;
    for (size_t i = 0; i < count; i++) {
        atomic_init(&calls[i].callbacks, 0);
        const Export *e = &EXPORTS[below(N_EXPORTS)];
        int n = snprintf(buf, MAX_INPUT, e->seed, task_queue);
        size_t len = (size_t)n;
        if (below(10) != 0) mutate(buf, &len);
        if (below(20) == 0) {
            sync_exports(buf, len);
            continue;
        }
        size_t variant = below(100);
        TcClient *target = variant < 3 ? freed : variant < 5 ? NULL : client;
        TcResult r = e->op(target, buf, len, cancel, on_done, &calls[i]);
        int fired = atomic_load(&calls[i].callbacks);
        if (target == NULL) {
            CHECK(r == TC_RESULT_NULL_ARGUMENT && fired == 0, "%s: NULL client gave %d", e->name, (int)r);
            continue;
        }
        accepted++;
        if (target == freed) CHECK(r == TC_RESULT_CLOSED, "%s: freed client gave %d", e->name, (int)r);
        CHECK(r == TC_RESULT_OK || fired == 1, "%s: returned %d before its callback", e->name, (int)r);
        CHECK(r != TC_RESULT_PANIC, "%s: panic", e->name);
        if (below(500) == 0) {
            r = e->op(client, buf, len, cancel, NULL, NULL);
            CHECK(r == TC_RESULT_NULL_ARGUMENT, "%s: NULL callback gave %d", e->name, (int)r);
        }
    }
    /* Let the server answer, then cancel what still waits. */
    for (int i = 0; i < 2000 && (size_t)atomic_load(&total_callbacks) < accepted; i++) sleep_ms(10);
    tc_cancel_cancel(cancel);
    for (int i = 0; i < 3000 && (size_t)atomic_load(&total_callbacks) < accepted; i++) sleep_ms(10);
    size_t twice = 0, missing = 0;
    for (size_t i = 0; i < count; i++) {
        int c = atomic_load(&calls[i].callbacks);
        if (c > 1) twice++;
    }
    missing = accepted > (size_t)atomic_load(&total_callbacks) ? accepted - (size_t)atomic_load(&total_callbacks) : 0;
    CHECK(twice == 0, "%zu calls got a second callback", twice);
    CHECK(missing == 0, "%zu callbacks missing", missing);
    CHECK((size_t)atomic_load(&total_callbacks) == accepted, "callbacks %ld != calls %zu",
          atomic_load(&total_callbacks), accepted);
    CHECK(atomic_load(&bad_json) == 0, "%ld callbacks with bad JSON", atomic_load(&bad_json));
    CHECK(atomic_load(&panics) == 0, "%ld panic codes", atomic_load(&panics));

    tc_cancel_free(cancel);
    tc_client_free(client);
    tc_runtime_free(rt);
    free(buf);
    free(calls);
    printf("fuzz_driver: %zu inputs, %zu async calls, %ld callbacks\n", count, accepted, atomic_load(&total_callbacks));
    if (failures == 0) printf("all checks passed\n");
    return failures == 0 ? 0 : 1;
}
