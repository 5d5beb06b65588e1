/* Load through the C ABI while the server is killed and restarted.
 * Usage: fault_driver ADDRESS TASK_QUEUE COUNT
 * Starts COUNT Echo workflows and sends COUNT signals to one collecting
 * workflow, at most IN_FLIGHT calls pending. Prints "progress" after a
 * quarter of the calls (the test kills and restarts the server then), and
 * at the end "calls=N ok=N extra_callbacks=0 signals=N" and exits 0 when
 * every call succeeded exactly once and every signal arrived exactly once. */
#include "temporal_capi.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IN_FLIGHT 8

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int pending;
    int completed;
    int ok;
    int extra;
    int *fired;
    char *last; /* JSON of the last completed call (synchronous helpers) */
    TcClient *client;
} Load;

typedef struct {
    Load *load;
    int index;
} Call;

static void finish(Load *load, int index, TcStatus status, const char *json, size_t len) {
    pthread_mutex_lock(&load->mu);
    if (load->fired[index]++ > 0) {
        load->extra++;
    } else {
        load->completed++;
        load->pending--;
        if (status == TC_STATUS_OK) load->ok++;
        else fprintf(stderr, "call %d failed: %.*s\n", index, (int)len, json);
        free(load->last);
        load->last = malloc(len + 1);
        memcpy(load->last, json, len);
        load->last[len] = '\0';
    }
    pthread_cond_broadcast(&load->cv);
    pthread_mutex_unlock(&load->mu);
}

static void on_call(void *ud, TcStatus status, const char *json, size_t len) {
    Call *call = ud;
    finish(call->load, call->index, status, json, len);
}

static void on_connect(void *ud, TcClient *client, TcStatus status, const char *json, size_t len) {
    Call *call = ud;
    call->load->client = client;
    finish(call->load, call->index, status, json, len);
}

typedef TcResult (*Op)(TcClient *, const char *, size_t, const TcCancel *, TcCallback, void *);

static void wait_below(Load *load, int limit) {
    pthread_mutex_lock(&load->mu);
    while (load->pending >= limit) pthread_cond_wait(&load->cv, &load->mu);
    pthread_mutex_unlock(&load->mu);
}

static void issue(Load *load, Call *calls, int index, Op op, const char *request) {
    wait_below(load, IN_FLIGHT);
    pthread_mutex_lock(&load->mu);
    load->pending++;
    pthread_mutex_unlock(&load->mu);
    calls[index].load = load;
    calls[index].index = index;
    TcResult r = op(load->client, request, strlen(request), NULL, on_call, &calls[index]);
    if (r != TC_RESULT_OK) fprintf(stderr, "call %d rejected: %d\n", index, (int)r);
}

/* Counts the occurrences of "N" as a number in the JSON array text. */
static int count_value(const char *json, int n) {
    char needle[32];
    int hits = 0;
    snprintf(needle, sizeof needle, "%d", n);
    size_t len = strlen(needle);
    for (const char *p = strstr(json, needle); p; p = strstr(p + 1, needle)) {
        char before = p == json ? '[' : p[-1];
        char after = p[len];
        if ((before == '[' || before == ',') && (after == ',' || after == ']')) hits++;
    }
    return hits;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s ADDRESS TASK_QUEUE COUNT\n", argv[0]);
        return 2;
    }
    const char *address = argv[1];
    const char *queue = argv[2];
    int count = atoi(argv[3]);
    int total = 2 * count + 5; /* connect, collector start, load, finish, result */
    Load load;
    memset(&load, 0, sizeof load);
    pthread_mutex_init(&load.mu, NULL);
    pthread_cond_init(&load.cv, NULL);
    load.fired = calloc((size_t)total, sizeof(int));
    Call *calls = calloc((size_t)total, sizeof(Call));
    char request[512];

    TcRuntime *runtime = NULL;
    if (tc_runtime_new(NULL, 0, &runtime, NULL) != TC_RESULT_OK) return 1;
    snprintf(request, sizeof request, "{\"address\":\"%s\"}", address);
    calls[0].load = &load;
    calls[0].index = 0;
    load.pending = 1;
    tc_client_connect(runtime, request, strlen(request), NULL, on_connect, &calls[0]);
    wait_below(&load, 1);
    if (!load.client) return 1;

    char collector[64];
    snprintf(collector, sizeof collector, "c-collector-%ld", (long)getpid());
    snprintf(request, sizeof request,
             "{\"workflow_type\":\"WaitForSignal\",\"task_queue\":\"%s\",\"id\":\"%s\"}", queue,
             collector);
    issue(&load, calls, 1, tc_workflow_start, request);
    wait_below(&load, 1);

    int index = 2;
    for (int i = 0; i < count; i++) {
        snprintf(request, sizeof request,
                 "{\"workflow_type\":\"Echo\",\"task_queue\":\"%s\",\"id\":\"c-start-%ld-%d\","
                 "\"args\":[%d]}",
                 queue, (long)getpid(), i, i);
        issue(&load, calls, index++, tc_workflow_start, request);
        snprintf(request, sizeof request,
                 "{\"workflow_id\":\"%s\",\"signal_name\":\"add\",\"args\":[%d]}", collector, i);
        issue(&load, calls, index++, tc_workflow_signal, request);
        if (i == count / 4) {
            printf("progress\n");
            fflush(stdout);
        }
    }
    wait_below(&load, 1);

    snprintf(request, sizeof request,
             "{\"workflow_id\":\"%s\",\"signal_name\":\"finish\",\"args\":[null]}", collector);
    issue(&load, calls, index++, tc_workflow_signal, request);
    wait_below(&load, 1);
    snprintf(request, sizeof request, "{\"workflow_id\":\"%s\"}", collector);
    issue(&load, calls, index++, tc_workflow_result, request);
    wait_below(&load, 1);

    int signals_once = 0;
    for (int i = 0; i < count; i++) signals_once += count_value(load.last, i) == 1;

    tc_client_free(load.client);
    tc_runtime_free(runtime);
    int calls_made = index;
    printf("calls=%d ok=%d extra_callbacks=%d signals=%d\n", calls_made, load.ok, load.extra,
           signals_once);
    int passed = load.ok == calls_made && load.extra == 0 && signals_once == count;
    free(load.last);
    free(load.fired);
    free(calls);
    pthread_mutex_destroy(&load.mu);
    pthread_cond_destroy(&load.cv);
    return passed ? 0 : 1;
}
