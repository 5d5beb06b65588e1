/*
 * Many waits, little memory: RUNS workflows with WAITS concurrent
 * tc_workflow_result calls each, on one client (see bench/README.md).
 *
 *   waits ADDRESS TASK_QUEUE PREFIX RUNS WAITS
 *
 * Starts the runs, measures RSS and threads, issues every wait, lets them
 * settle, measures again, then finishes each run with the `finish` signal
 * and counts the waits that complete with its result. Prints one JSON line.
 */
#include "temporal_capi.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static size_t pending, succeeded, failed;
static TcClient *client;

/* A field of /proc/self/status in kB (or a count), 0 when absent. */
static long status_field(const char *name) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long value = 0;
    size_t len = strlen(name);
    while (f && fgets(line, sizeof line, f)) {
        if (!strncmp(line, name, len) && line[len] == ':') value = strtol(line + len + 1, NULL, 10);
    }
    if (f) fclose(f);
    return value;
}

static void on_done(void *user_data, TcStatus status, const char *json, size_t len) {
    (void)user_data; (void)len;
    pthread_mutex_lock(&lock);
    if (status == TC_STATUS_OK) {
        succeeded++;
    } else if (failed++ == 0) {
        fprintf(stderr, "waits: %s\n", json);
    }
    pending--;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
}

static void on_connect(void *user_data, TcClient *c, TcStatus status, const char *json, size_t len) {
    (void)user_data; (void)len;
    if (status != TC_STATUS_OK) fprintf(stderr, "waits: connect: %s\n", json);
    pthread_mutex_lock(&lock);
    client = c;
    pending--;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
}

/* Waits until at most `limit` calls are pending. */
static void drain_to(size_t limit) {
    pthread_mutex_lock(&lock);
    while (pending > limit) pthread_cond_wait(&changed, &lock);
    pthread_mutex_unlock(&lock);
}

typedef TcResult (*Export)(TcClient *, const char *, size_t, const TcCancel *, TcCallback, void *);

/* Sends one call once at most `ceiling` calls are pending. */
static void send(Export export, const char *json, size_t ceiling) {
    drain_to(ceiling);
    pthread_mutex_lock(&lock);
    pending++;
    pthread_mutex_unlock(&lock);
    export(client, json, strlen(json), NULL, on_done, NULL);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: waits ADDRESS TASK_QUEUE PREFIX RUNS WAITS\n");
        return 2;
    }
    const char *address = argv[1], *task_queue = argv[2], *prefix = argv[3];
    size_t runs = strtoul(argv[4], NULL, 10), waits = strtoul(argv[5], NULL, 10);
    TcRuntime *runtime = NULL;
    if (tc_runtime_new(NULL, 0, &runtime, NULL) != TC_RESULT_OK) return 1;
    char json[512];
    snprintf(json, sizeof json, "{\"address\":\"%s\"}", address);
    pending = 1;
    tc_client_connect(runtime, json, strlen(json), NULL, on_connect, NULL);
    drain_to(0);
    if (!client) return 1;
    for (size_t r = 0; r < runs; r++) {
        snprintf(json, sizeof json, "{\"workflow_type\":\"WaitForSignal\",\"task_queue\":\"%s\",\"id\":\"%s-%zu\"}",
                 task_queue, prefix, r);
        send(tc_workflow_start, json, 255);
    }
    drain_to(0);
    size_t started = succeeded;
    succeeded = 0;
    sleep(2);
    long rss_before = status_field("VmRSS"), threads_before = status_field("Threads");
    for (size_t r = 0; r < runs; r++) {
        snprintf(json, sizeof json, "{\"workflow_id\":\"%s-%zu\"}", prefix, r);
        for (size_t w = 0; w < waits; w++) send(tc_workflow_result, json, SIZE_MAX);
    }
    sleep(5);
    long rss_waiting = status_field("VmRSS"), threads_waiting = status_field("Threads");
    size_t waiting = pending;
    for (size_t r = 0; r < runs; r++) {
        snprintf(json, sizeof json, "{\"workflow_id\":\"%s-%zu\",\"signal_name\":\"finish\",\"args\":[%zu]}",
                 prefix, r, r);
        send(tc_workflow_signal, json, runs * waits + 255);
    }
    drain_to(0);
    printf("{\"runs\":%zu,\"waits_per_run\":%zu,\"started\":%zu,\"waiting\":%zu,"
           "\"rss_before_mib\":%.1f,\"rss_waiting_mib\":%.1f,\"rss_delta_mib\":%.1f,"
           "\"threads_before\":%ld,\"threads_waiting\":%ld,\"completed\":%zu,\"failed\":%zu}\n",
           runs, waits, started, waiting, rss_before / 1024.0, rss_waiting / 1024.0,
           (rss_waiting - rss_before) / 1024.0, threads_before, threads_waiting,
           succeeded - runs, failed);
    tc_client_free(client);
    tc_runtime_free(runtime);
    return 0;
}
