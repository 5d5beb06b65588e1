/* Drives workflows from C through temporal_capi.h.
 *
 * Usage: example_c ADDRESS TASK_QUEUE
 * A worker hosting the Echo and WaitForSignal workflows of
 * tests/harness/workflows.py must poll TASK_QUEUE. Prints every step; exits
 * 0 when each one behaved as expected, 1 otherwise, 2 on bad usage. */
#define _POSIX_C_SOURCE 200809L

#include <temporal_capi.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One call in flight: its callback stores the outcome, main() waits for it. */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;
    TcStatus status;
    TcClient *client; /* set by tc_client_connect only */
    char *json;       /* a copy of the callback's JSON; free it */
} Call;

static void call_init(Call *call) {
    memset(call, 0, sizeof *call);
    pthread_mutex_init(&call->mu, NULL);
    pthread_cond_init(&call->cv, NULL);
}

/* Records the outcome. Runs on a library thread: copy the JSON, never block. */
static void call_finish(Call *call, TcClient *client, TcStatus status, const char *json, size_t len) {
    pthread_mutex_lock(&call->mu);
    call->status = status;
    call->client = client;
    call->json = malloc(len + 1);
    if (call->json) memcpy(call->json, json, len + 1); /* json is NUL-terminated */
    call->done = 1;
    pthread_cond_signal(&call->cv);
    pthread_mutex_unlock(&call->mu);
}

/* The TcCallback of every workflow call. */
static void on_done(void *user_data, TcStatus status, const char *json, size_t len) {
    call_finish(user_data, NULL, status, json, len);
}

/* The TcClientCallback of tc_client_connect. */
static void on_connect(void *user_data, TcClient *client, TcStatus status, const char *json, size_t len) {
    call_finish(user_data, client, status, json, len);
}

/* Waits for the callback; returns the JSON (free it) and sets *status. */
static char *call_wait(Call *call, TcStatus *status) {
    pthread_mutex_lock(&call->mu);
    while (!call->done) pthread_cond_wait(&call->cv, &call->mu);
    pthread_mutex_unlock(&call->mu);
    pthread_mutex_destroy(&call->mu);
    pthread_cond_destroy(&call->cv);
    *status = call->status;
    return call->json;
}

typedef TcResult (*Op)(TcClient *, const char *, size_t, const TcCancel *, TcCallback, void *);

/* Runs one operation, prints "<what>: <json>" and returns 1 when its status
 * is `want` and its JSON contains `expect`. */
static int step(const char *what, Op op, TcClient *client, const char *request, TcStatus want, const char *expect) {
    Call call;
    TcStatus status;
    call_init(&call);
    /* client is not NULL, so the callback fires exactly once (even for rejected input) */
    op(client, request, strlen(request), NULL, on_done, &call);
    char *json = call_wait(&call, &status);
    printf("%s: %s\n", what, json ? json : "(out of memory)");
    int ok = status == want && json && strstr(json, expect);
    if (!ok) fprintf(stderr, "unexpected outcome of %s\n", what);
    free(json);
    return ok;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s ADDRESS TASK_QUEUE\n", argv[0]);
        return 2;
    }
    const char *address = argv[1], *queue = argv[2];
    char id[64], request[512];
    snprintf(id, sizeof id, "example-c-%ld-%ld", (long)getpid(), (long)time(NULL));

    printf("version: %s\n", tc_version());
    if (tc_abi_version() != TC_ABI_VERSION) {
        fprintf(stderr, "library ABI %u, header ABI %u\n", tc_abi_version(), TC_ABI_VERSION);
        return 1;
    }

    TcRuntime *runtime = NULL;
    if (tc_runtime_new(NULL, 0, &runtime, NULL) != TC_RESULT_OK) return 1;

    Call connect;
    TcStatus status;
    call_init(&connect);
    snprintf(request, sizeof request, "{\"address\": \"%s\"}", address);
    tc_client_connect(runtime, request, strlen(request), NULL, on_connect, &connect);
    char *info = call_wait(&connect, &status);
    printf("connected: %s\n", info ? info : "(out of memory)");
    free(info);
    TcClient *client = connect.client; /* NULL unless connected */
    int ok = status == TC_STATUS_OK;

    /* Start Echo and wait for its result. */
    snprintf(request, sizeof request,
             "{\"workflow_type\": \"Echo\", \"task_queue\": \"%s\", \"id\": \"%s-echo\","
             " \"args\": [{\"from\": \"C\", \"greeting\": \"hello\"}]}",
             queue, id);
    ok = ok && step("echo started", tc_workflow_start, client, request, TC_STATUS_OK, "\"started\":true");
    snprintf(request, sizeof request, "{\"workflow_id\": \"%s-echo\"}", id);
    ok = ok && step("echo result", tc_workflow_result, client, request, TC_STATUS_OK,
                    "\"result\":{\"from\":\"C\",\"greeting\":\"hello\"}");

    /* Start WaitForSignal, signal `add`, query `state`. */
    snprintf(request, sizeof request,
             "{\"workflow_type\": \"WaitForSignal\", \"task_queue\": \"%s\", \"id\": \"%s-wait\"}", queue, id);
    ok = ok && step("wait started", tc_workflow_start, client, request, TC_STATUS_OK, "\"started\":true");
    snprintf(request, sizeof request, "{\"workflow_id\": \"%s-wait\", \"signal_name\": \"add\", \"args\": [\"hello\"]}", id);
    ok = ok && step("signalled add", tc_workflow_signal, client, request, TC_STATUS_OK, "{}");
    snprintf(request, sizeof request, "{\"workflow_id\": \"%s-wait\", \"query_type\": \"state\"}", id);
    ok = ok && step("query state", tc_workflow_query, client, request, TC_STATUS_OK, "{\"result\":[\"hello\"]}");

    /* An error: describing an id that does not exist. */
    snprintf(request, sizeof request, "{\"workflow_id\": \"%s-missing\"}", id);
    ok = ok && step("describe unknown id", tc_workflow_describe, client, request, TC_STATUS_ERROR,
                    "\"code\":\"not_found\"");

    /* Finish WaitForSignal and collect what it saw. */
    snprintf(request, sizeof request, "{\"workflow_id\": \"%s-wait\", \"signal_name\": \"finish\", \"args\": [\"done\"]}", id);
    ok = ok && step("signalled finish", tc_workflow_signal, client, request, TC_STATUS_OK, "{}");
    snprintf(request, sizeof request, "{\"workflow_id\": \"%s-wait\"}", id);
    ok = ok && step("wait result", tc_workflow_result, client, request, TC_STATUS_OK,
                    "\"result\":{\"finish\":\"done\",\"signals\":[\"hello\"]}");

    tc_client_free(client);
    tc_runtime_free(runtime);
    printf("%s\n", ok ? "all steps succeeded" : "FAILED");
    return ok ? 0 : 1;
}
