/*
 * Peer (b) of the benchmark: the C ABI driven from a C program. Same work
 * and output as bench/direct.rs (see bench/README.md):
 *
 *   c_abi ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES
 *
 * prints one JSON object per phase: op, n, concurrency, wall_s, cpu_s
 * (user + system time of this process), p50_us, p99_us. The payload phase
 * (20 echo queries of PAYLOAD_BYTES, one at a time) runs when
 * PAYLOAD_BYTES is not 0. TC_BENCH_GRPC_COMPRESSION (`gzip`, the default, or
 * `none`) is the connect option `grpc_compression`.
 */
#include "temporal_capi.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* The calls of one phase: how many are in flight, and their latencies. */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t in_flight;
    size_t failures;
    double *latency_us;
} Phase;

/* One call: its phase, its index and when it was sent. */
typedef struct {
    Phase *phase;
    size_t index;
    double sent_us;
} Call;

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static double cpu_s(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static void on_done(void *user_data, TcStatus status, const char *json, size_t json_len) {
    (void)json_len;
    Call *call = user_data;
    Phase *phase = call->phase;
    double latency = now_us() - call->sent_us;
    pthread_mutex_lock(&phase->lock);
    phase->latency_us[call->index] = latency;
    if (status != TC_STATUS_OK) {
        if (phase->failures++ == 0) fprintf(stderr, "c_abi: %s\n", json);
    }
    phase->in_flight--;
    pthread_cond_signal(&phase->changed);
    pthread_mutex_unlock(&phase->lock);
    free(call);
}

static TcClient *connected;
static pthread_mutex_t connect_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t connect_done = PTHREAD_COND_INITIALIZER;
static int connect_finished;

static void on_connect(void *user_data, TcClient *client, TcStatus status, const char *json, size_t len) {
    (void)user_data; (void)len;
    if (status != TC_STATUS_OK) fprintf(stderr, "c_abi: connect: %s\n", json);
    pthread_mutex_lock(&connect_lock);
    connected = client;
    connect_finished = 1;
    pthread_cond_signal(&connect_done);
    pthread_mutex_unlock(&connect_lock);
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef TcResult (*Export)(TcClient *, const char *, size_t, const TcCancel *, TcCallback, void *);

/* Builds the request of call `i` of `op` into `out` (of `size` bytes). */
static Export request(const char *op, const char *prefix, const char *task_queue, size_t i,
                      const char *payload, char *out, size_t size) {
    if (!strcmp(op, "start")) {
        snprintf(out, size, "{\"workflow_type\":\"WaitForSignal\",\"task_queue\":\"%s\",\"id\":\"%s-%zu\"}",
                 task_queue, prefix, i);
        return tc_workflow_start;
    }
    if (!strcmp(op, "describe")) {
        snprintf(out, size, "{\"workflow_id\":\"%s-%zu\"}", prefix, i);
        return tc_workflow_describe;
    }
    if (!strcmp(op, "signal")) {
        snprintf(out, size, "{\"workflow_id\":\"%s-%zu\",\"signal_name\":\"add\",\"args\":[%zu]}", prefix, i, i);
        return tc_workflow_signal;
    }
    if (!strcmp(op, "query") || !strcmp(op, "payload")) {
        snprintf(out, size, "{\"workflow_id\":\"%s-%zu\",\"query_type\":\"echo_query\",\"args\":[\"%s\"]}",
                 prefix, i, payload);
        return tc_workflow_query;
    }
    snprintf(out, size, "{\"workflow_id\":\"%s-%zu\",\"reason\":\"bench\"}", prefix, i);
    return tc_workflow_terminate;
}

/* Runs `n` calls of `op`, at most `concurrency` in flight; prints its line. */
static void phase(TcClient *client, const char *op, size_t n, size_t concurrency, const char *prefix,
                  const char *task_queue, const char *payload) {
    Phase p = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, calloc(n, sizeof(double))};
    size_t size = strlen(payload) + 512;
    char *json = malloc(size);
    double cpu = cpu_s(), wall = now_us();
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&p.lock);
        while (p.in_flight >= concurrency) pthread_cond_wait(&p.changed, &p.lock);
        p.in_flight++;
        pthread_mutex_unlock(&p.lock);
        Export export = request(op, prefix, task_queue, i, payload, json, size);
        Call *call = malloc(sizeof *call);
        *call = (Call){&p, i, now_us()};
        export(client, json, strlen(json), NULL, on_done, call);
    }
    pthread_mutex_lock(&p.lock);
    while (p.in_flight > 0) pthread_cond_wait(&p.changed, &p.lock);
    pthread_mutex_unlock(&p.lock);
    cpu = cpu_s() - cpu;
    wall = (now_us() - wall) / 1e6;
    qsort(p.latency_us, n, sizeof(double), compare);
    size_t p99 = (size_t)(n * 0.99) < n ? (size_t)(n * 0.99) : n - 1;
    printf("{\"op\":\"%s\",\"n\":%zu,\"concurrency\":%zu,\"wall_s\":%f,\"cpu_s\":%f,"
           "\"p50_us\":%.0f,\"p99_us\":%.0f,\"failures\":%zu}\n",
           op, n, concurrency, wall, cpu, p.latency_us[n / 2], p.latency_us[p99], p.failures);
    fflush(stdout);
    free(json);
    free(p.latency_us);
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: c_abi ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES\n");
        return 2;
    }
    const char *address = argv[1], *task_queue = argv[2], *prefix = argv[3];
    size_t n = strtoul(argv[4], NULL, 10), concurrency = strtoul(argv[5], NULL, 10);
    size_t payload_bytes = strtoul(argv[6], NULL, 10);
    TcRuntime *runtime = NULL;
    if (tc_runtime_new(NULL, 0, &runtime, NULL) != TC_RESULT_OK) return 1;
    char options[256];
    const char *compression = getenv("TC_BENCH_GRPC_COMPRESSION");
    snprintf(options, sizeof options, "{\"address\":\"%s\",\"identity\":\"bench\",\"grpc_compression\":\"%s\"}",
             address, compression ? compression : "gzip");
    tc_client_connect(runtime, options, strlen(options), NULL, on_connect, NULL);
    pthread_mutex_lock(&connect_lock);
    while (!connect_finished) pthread_cond_wait(&connect_done, &connect_lock);
    pthread_mutex_unlock(&connect_lock);
    if (!connected) return 1;
    const char *ops[] = {"start", "describe", "signal", "query"};
    for (size_t k = 0; k < 4; k++) phase(connected, ops[k], n, concurrency, prefix, task_queue, "x");
    char *big = malloc(payload_bytes + 1);
    memset(big, 'x', payload_bytes);
    big[payload_bytes] = 0;
    if (payload_bytes > 0) phase(connected, "payload", n < 20 ? n : 20, 1, prefix, task_queue, big);
    phase(connected, "terminate", n, concurrency, prefix, task_queue, "");
    free(big);
    tc_client_free(connected);
    tc_runtime_free(runtime);
    return 0;
}
