/* The main flows through the C ABI, as a C program would use it.
 * Usage: main_flow ADDRESS TASK_QUEUE. Exits 0 when every check passed. */
#include "temporal_capi.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;
    TcStatus status;
    TcClient *client;
    char *json;
} Wait;

static void wait_init(Wait *w) {
    memset(w, 0, sizeof *w);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
}

static void wait_finish(Wait *w, TcStatus status, const char *json, size_t len) {
    pthread_mutex_lock(&w->mu);
    w->status = status;
    w->json = malloc(len + 1);
    memcpy(w->json, json, len);
    w->json[len] = '\0';
    w->done = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

static void on_done(void *ud, TcStatus status, const char *json, size_t len) {
    wait_finish((Wait *)ud, status, json, len);
}

static void on_connect(void *ud, TcClient *client, TcStatus status, const char *json, size_t len) {
    ((Wait *)ud)->client = client;
    wait_finish((Wait *)ud, status, json, len);
}

static void wait_for(Wait *w) {
    pthread_mutex_lock(&w->mu);
    while (!w->done) pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
}

static void wait_destroy(Wait *w) {
    free(w->json);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
}

static int failures = 0;
#define CHECK(cond, ...)                                   \
    do {                                                   \
        if (!(cond)) {                                     \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                  \
            fprintf(stderr, "\n");                         \
            failures++;                                    \
        }                                                  \
    } while (0)

typedef TcResult (*Op)(TcClient *, const char *, size_t, const TcCancel *, TcCallback, void *);

/* Runs an operation; returns its JSON (caller frees) and status. */
static char *run(Op op, TcClient *client, const char *request, TcStatus *status) {
    Wait w;
    wait_init(&w);
    TcResult r = op(client, request, strlen(request), NULL, on_done, &w);
    wait_for(&w);
    *status = w.status;
    char *json = w.json;
    w.json = NULL;
    wait_destroy(&w);
    (void)r;
    return json;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s ADDRESS TASK_QUEUE\n", argv[0]);
        return 2;
    }
    const char *address = argv[1], *queue = argv[2];
    char buf[1024];
    TcStatus status;

    CHECK(strcmp(tc_version(), TC_VERSION) == 0, "version %s != %s", tc_version(), TC_VERSION);
    CHECK(tc_abi_version() == TC_ABI_VERSION, "abi version");

    TcRuntime *rt = NULL;
    char *err = NULL;
    CHECK(tc_runtime_new("{\"bogus\": 1}", 12, &rt, &err) == TC_RESULT_INVALID_ARGUMENT, "bad runtime options");
    CHECK(err && strstr(err, "bogus"), "runtime error names the key: %s", err ? err : "(null)");
    tc_string_free(err);
    CHECK(tc_runtime_new(NULL, 0, &rt, NULL) == TC_RESULT_OK && rt, "runtime");

    Wait c;
    wait_init(&c);
    snprintf(buf, sizeof buf, "{\"address\": \"%s\"}", address);
    CHECK(tc_client_connect(rt, buf, strlen(buf), NULL, on_connect, &c) == TC_RESULT_OK, "connect accepted");
    wait_for(&c);
    CHECK(c.status == TC_STATUS_OK && c.client, "connect: %s", c.json);
    TcClient *client = c.client;
    wait_destroy(&c);

    /* start -> result */
    snprintf(buf, sizeof buf,
             "{\"workflow_type\": \"Echo\", \"task_queue\": \"%s\", \"args\": [{\"from\": \"C\", \"n\": [1, 2.5, null]}]}",
             queue);
    char *started = run(tc_workflow_start, client, buf, &status);
    CHECK(status == TC_STATUS_OK, "start: %s", started);
    char id[256] = {0};
    const char *p = strstr(started, "\"workflow_id\":\"");
    if (p) sscanf(p + 15, "%255[^\"]", id);
    free(started);
    snprintf(buf, sizeof buf, "{\"workflow_id\": \"%s\"}", id);
    char *result = run(tc_workflow_result, client, buf, &status);
    CHECK(status == TC_STATUS_OK && strstr(result, "\"result\":{\"from\":\"C\",\"n\":[1,2.5,null]}"), "result: %s", result);
    free(result);

    /* signal -> query -> finish */
    snprintf(buf, sizeof buf, "{\"workflow_type\": \"WaitForSignal\", \"task_queue\": \"%s\", \"id\": \"c-%s\"}", queue, id);
    free(run(tc_workflow_start, client, buf, &status));
    CHECK(status == TC_STATUS_OK, "start WaitForSignal");
    snprintf(buf, sizeof buf, "{\"workflow_id\": \"c-%s\", \"signal_name\": \"add\", \"args\": [\"hello\"]}", id);
    free(run(tc_workflow_signal, client, buf, &status));
    CHECK(status == TC_STATUS_OK, "signal");
    snprintf(buf, sizeof buf, "{\"workflow_id\": \"c-%s\", \"query_type\": \"state\"}", id);
    char *q = run(tc_workflow_query, client, buf, &status);
    CHECK(status == TC_STATUS_OK && strstr(q, "[\"hello\"]"), "query: %s", q);
    free(q);
    snprintf(buf, sizeof buf, "{\"workflow_id\": \"c-%s\", \"reason\": \"done\"}", id);
    free(run(tc_workflow_terminate, client, buf, &status));
    CHECK(status == TC_STATUS_OK, "terminate");

    /* the task queue the worker polls */
    snprintf(buf, sizeof buf, "{\"task_queue\": \"%s\", \"task_queue_type\": \"activity\"}", queue);
    char *tq = run(tc_workflow_describe_task_queue, client, buf, &status);
    CHECK(status == TC_STATUS_OK && strstr(tq, "\"pollers\":[{\"identity\":\"") && strstr(tq, "\"rate_per_second\":"),
          "describe_task_queue: %s", tq);
    free(tq);

    /* synchronous errors come through error_json_out; success leaves it untouched */
    char *sync_error = NULL;
    CHECK(tc_client_update_api_key(client, "bad\nkey", 7, &sync_error) == TC_RESULT_INVALID_ARGUMENT &&
              sync_error && strstr(sync_error, "\"code\":\"invalid_argument\""),
          "update_api_key error: %s", sync_error ? sync_error : "(none)");
    tc_string_free(sync_error);
    sync_error = NULL;
    CHECK(tc_client_update_headers(client, "{\"x-team\": \"c\"}", 15, &sync_error) == TC_RESULT_OK && !sync_error,
          "update_headers ok");
    CHECK(tc_client_update_headers(NULL, "{}", 2, &sync_error) == TC_RESULT_NULL_ARGUMENT && sync_error &&
              strstr(sync_error, "client"),
          "update_headers NULL client: %s", sync_error ? sync_error : "(none)");
    tc_string_free(sync_error);

    /* errors */
    char *nf = run(tc_workflow_describe, client, "{\"workflow_id\": \"no-such-workflow\"}", &status);
    CHECK(status == TC_STATUS_ERROR && strstr(nf, "\"code\":\"not_found\""), "not found: %s", nf);
    free(nf);
    char *bad = run(tc_workflow_describe, client, "{\"workflow_id\": 1}", &status);
    CHECK(status == TC_STATUS_ERROR && strstr(bad, "invalid_argument") && strstr(bad, "workflow_id"), "bad: %s", bad);
    free(bad);
    CHECK(tc_workflow_describe(NULL, "{}", 2, NULL, on_done, NULL) == TC_RESULT_NULL_ARGUMENT, "NULL client");

    /* cancellation */
    TcCancel *cancel = tc_cancel_new();
    tc_cancel_cancel(cancel);
    Wait w;
    wait_init(&w);
    snprintf(buf, sizeof buf, "{\"workflow_id\": \"c-%s\"}", id);
    tc_workflow_result(client, buf, strlen(buf), cancel, on_done, &w);
    wait_for(&w);
    CHECK(w.status == TC_STATUS_CANCELLED, "cancelled: %s", w.json);
    wait_destroy(&w);
    tc_cancel_free(cancel);

    tc_client_free(client);
    tc_runtime_free(rt);
    tc_client_free(client); /* double free: no-op */
    if (failures == 0) printf("main_flow: all checks passed\n");
    return failures == 0 ? 0 : 1;
}
