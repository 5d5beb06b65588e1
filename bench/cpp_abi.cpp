/*
 * The C++ peer of the benchmark: the same work and output as bench/c_abi.c,
 * written as a C++ user writes it with include/temporal_capi.hpp (Runtime,
 * Client, WorkflowHandle, std::future):
 *
 *   cpp_abi ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES
 *
 * One thread keeps CONCURRENCY futures in flight in a window: it sends the
 * next call once the oldest has completed. A call's latency is measured
 * from its send to the moment its future is read, so with more than one in
 * flight it may include time spent behind an older call. Prints one JSON
 * object per phase like bench/c_abi.c. TC_BENCH_GRPC_COMPRESSION (`gzip`,
 * the default, or `none`) is the connect option `grpc_compression`.
 */
#include "temporal_capi.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace {

double now_us() {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpu_s() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/* One call in the window: its index, when it was sent and its response. */
struct InFlight {
    size_t index;
    double sent_us;
    std::future<std::string> response;
};

/* Runs `n` calls made by `send(i)`, at most `concurrency` in flight; prints the phase's line. */
void phase(const char *op, size_t n, size_t concurrency, const std::function<std::future<std::string>(size_t)> &send) {
    std::vector<double> latency_us(n);
    std::deque<InFlight> window;
    size_t failures = 0;
    auto finish_oldest = [&] {
        InFlight &oldest = window.front();
        try {
            oldest.response.get();
        } catch (const temporal_capi::Error &error) {
            if (failures++ == 0) std::fprintf(stderr, "cpp_abi: %s\n", error.json().c_str());
        }
        latency_us[oldest.index] = now_us() - oldest.sent_us;
        window.pop_front();
    };
    const double cpu = cpu_s(), wall = now_us();
    for (size_t i = 0; i < n; i++) {
        if (window.size() >= concurrency) finish_oldest();
        const double sent = now_us();
        window.push_back(InFlight{i, sent, send(i)});
    }
    while (!window.empty()) finish_oldest();
    const double cpu_used = cpu_s() - cpu, wall_s = (now_us() - wall) / 1e6;
    std::sort(latency_us.begin(), latency_us.end());
    const size_t p99 = std::min(static_cast<size_t>(n * 0.99), n - 1);
    std::printf("{\"op\":\"%s\",\"n\":%zu,\"concurrency\":%zu,\"wall_s\":%f,\"cpu_s\":%f,"
                "\"p50_us\":%.0f,\"p99_us\":%.0f,\"failures\":%zu}\n",
                op, n, concurrency, wall_s, cpu_used, latency_us[n / 2], latency_us[p99], failures);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 7) {
        std::fprintf(stderr, "usage: cpp_abi ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES\n");
        return 2;
    }
    const std::string address = argv[1], task_queue = argv[2], prefix = argv[3];
    const size_t n = std::strtoul(argv[4], nullptr, 10), concurrency = std::strtoul(argv[5], nullptr, 10);
    const size_t payload_bytes = std::strtoul(argv[6], nullptr, 10);
    const char *compression = std::getenv("TC_BENCH_GRPC_COMPRESSION");
    temporal_capi::Runtime runtime;
    temporal_capi::Client client =
        runtime
            .connect("{\"address\":\"" + address + "\",\"identity\":\"bench\",\"grpc_compression\":\"" +
                     (compression ? compression : "gzip") + "\"}")
            .get();
    auto id = [&](size_t i) { return prefix + "-" + std::to_string(i); };
    auto query = [&](size_t i, const std::string &argument) {
        return client.workflow(id(i)).query("{\"query_type\":\"echo_query\",\"args\":[\"" + argument + "\"]}");
    };
    phase("start", n, concurrency, [&](size_t i) {
        return client.start_workflow("{\"workflow_type\":\"WaitForSignal\",\"task_queue\":\"" + task_queue +
                                     "\",\"id\":\"" + id(i) + "\"}");
    });
    phase("describe", n, concurrency, [&](size_t i) { return client.workflow(id(i)).describe(); });
    phase("signal", n, concurrency, [&](size_t i) {
        return client.workflow(id(i)).signal("{\"signal_name\":\"add\",\"args\":[" + std::to_string(i) + "]}");
    });
    phase("query", n, concurrency, [&](size_t i) { return query(i, "x"); });
    if (payload_bytes > 0) {
        const std::string big(payload_bytes, 'x');
        phase("payload", std::min<size_t>(n, 20), 1, [&](size_t i) { return query(i, big); });
    }
    phase("terminate", n, concurrency,
          [&](size_t i) { return client.workflow(id(i)).terminate("{\"reason\":\"bench\"}"); });
    return 0;
}
