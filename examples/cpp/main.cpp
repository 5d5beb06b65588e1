// Drives workflows from C++ through temporal_capi.hpp.
//
// Usage: example_cpp ADDRESS TASK_QUEUE
// A worker hosting the Echo and WaitForSignal workflows of
// tests/harness/workflows.py must poll TASK_QUEUE. Prints every step; exits
// 0 when each one behaved as expected, 1 otherwise, 2 on bad usage.

#include <temporal_capi.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>

namespace tc = temporal_capi;

namespace {

/// `text` as a JSON string literal (command-line text may hold quotes).
std::string quoted(const std::string &text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

/// Prints "<what>: <json>" and throws unless `json` contains `expected`.
void expect(const std::string &what, const std::string &json, const std::string &expected) {
    std::cout << what << ": " << json << std::endl;
    if (json.find(expected) == std::string::npos) throw std::runtime_error("unexpected outcome of " + what);
}

/// A workflow id prefix unique to this run.
std::string unique_id() {
    const auto now = std::chrono::system_clock::now().time_since_epoch().count();
    return "example-cpp-" + std::to_string(now) + "-" + std::to_string(std::random_device{}());
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " ADDRESS TASK_QUEUE\n";
        return 2;
    }
    const std::string queue = quoted(argv[2]);
    const std::string id = unique_id();
    try {
        std::cout << "version: " << tc_version() << std::endl;
        if (tc_abi_version() != TC_ABI_VERSION) throw std::runtime_error("library and header ABI differ");

        tc::Runtime runtime;
        const tc::Client client = runtime.connect(R"({"address": )" + quoted(argv[1]) + "}").get();
        std::cout << "connected: " << client.info() << std::endl;

        // Start Echo and wait for its result.
        const std::string echo = quoted(id + "-echo");
        expect("echo started",
               client
                   .call(tc_workflow_start, R"({"workflow_type": "Echo", "task_queue": )" + queue + R"(, "id": )" +
                                                echo + R"(, "args": [{"from": "C++", "greeting": "hello"}]})")
                   .get(),
               R"("started":true)");
        expect("echo result", client.call(tc_workflow_result, R"({"workflow_id": )" + echo + "}").get(),
               R"("result":{"from":"C++","greeting":"hello"})");

        // Start WaitForSignal, signal `add`, query `state`.
        const std::string wait = quoted(id + "-wait");
        expect("wait started",
               client
                   .call(tc_workflow_start, R"({"workflow_type": "WaitForSignal", "task_queue": )" + queue +
                                                R"(, "id": )" + wait + "}")
                   .get(),
               R"("started":true)");
        expect("signalled add",
               client
                   .call(tc_workflow_signal,
                         R"({"workflow_id": )" + wait + R"(, "signal_name": "add", "args": ["hello"]})")
                   .get(),
               "{}");
        expect("query state",
               client.call(tc_workflow_query, R"({"workflow_id": )" + wait + R"(, "query_type": "state"})").get(),
               R"({"result":["hello"]})");

        // An error: describing an id that does not exist throws tc::Error.
        try {
            client.call(tc_workflow_describe, R"({"workflow_id": )" + quoted(id + "-missing") + "}").get();
            throw std::runtime_error("describe of an unknown id succeeded");
        } catch (const tc::Error &e) {
            std::cout << "describe unknown id: " << e.json() << std::endl;
            if (e.code() != "not_found") throw;
            std::cout << "caught " << e.code() << ": " << e.message() << std::endl;
        }

        // Finish WaitForSignal and collect what it saw.
        expect("signalled finish",
               client
                   .call(tc_workflow_signal,
                         R"({"workflow_id": )" + wait + R"(, "signal_name": "finish", "args": ["done"]})")
                   .get(),
               "{}");
        expect("wait result", client.call(tc_workflow_result, R"({"workflow_id": )" + wait + "}").get(),
               R"("result":{"finish":"done","signals":["hello"]})");
    } catch (const tc::Error &e) {
        std::cerr << "error " << e.code() << ": " << e.message() << "\n" << e.json() << std::endl;
        std::cout << "FAILED" << std::endl;
        return 1;
    } catch (const std::exception &e) {
        std::cerr << e.what() << std::endl;
        std::cout << "FAILED" << std::endl;
        return 1;
    }
    std::cout << "all steps succeeded" << std::endl;
    return 0;
}
