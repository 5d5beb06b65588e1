// Drives workflows from C++ through temporal_capi.hpp.
//
// Usage: example_cpp ADDRESS TASK_QUEUE
// A worker hosting the Echo and WaitForSignal workflows of
// tests/harness/workflows.py must poll TASK_QUEUE. Prints every step; exits
// 0 when each one behaved as expected, 1 otherwise, 2 on bad usage.

#include <temporal_capi.hpp>

#include <chrono>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>

namespace tc = temporal_capi;

namespace {

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
    const std::string queue = tc::json_quote(argv[2]);
    const std::string id = unique_id();
    try {
        std::cout << "version: " << tc_version() << std::endl;
        if (tc_abi_version() != TC_ABI_VERSION) throw std::runtime_error("library and header ABI differ");

        tc::Runtime runtime;
        const tc::Client client = runtime.connect(R"({"address": )" + tc::json_quote(argv[1]) + "}").get();
        std::cout << "connected: " << client.info() << std::endl;

        // Start Echo and wait for its result.
        const tc::WorkflowHandle echo = client.workflow(id + "-echo");
        expect("echo started",
               client
                   .start_workflow(R"({"workflow_type": "Echo", "task_queue": )" + queue + R"(, "id": )" +
                                   tc::json_quote(echo.workflow_id()) +
                                   R"(, "args": [{"from": "C++", "greeting": "hello"}]})")
                   .get(),
               R"("started":true)");
        expect("echo result", echo.result().get(), R"("result":{"from":"C++","greeting":"hello"})");

        // Start WaitForSignal, signal `add`, query `state`: the handle fills in the workflow id.
        const tc::WorkflowHandle wait = client.workflow(id + "-wait");
        expect("wait started",
               client
                   .start_workflow(R"({"workflow_type": "WaitForSignal", "task_queue": )" + queue + R"(, "id": )" +
                                   tc::json_quote(wait.workflow_id()) + "}")
                   .get(),
               R"("started":true)");
        expect("signalled add", wait.signal(R"({"signal_name": "add", "args": ["hello"]})").get(), "{}");
        expect("query state", wait.query(R"({"query_type": "state"})").get(), R"({"result":["hello"]})");

        // An error: describing an id that does not exist throws tc::Error.
        try {
            client.workflow(id + "-missing").describe().get();
            throw std::runtime_error("describe of an unknown id succeeded");
        } catch (const tc::Error &e) {
            std::cout << "describe unknown id: " << e.json() << std::endl;
            if (e.code() != "not_found") throw;
            std::cout << "caught " << e.code() << ": " << e.message() << std::endl;
        }

        // Finish WaitForSignal and collect what it saw.
        expect("signalled finish", wait.signal(R"({"signal_name": "finish", "args": ["done"]})").get(), "{}");
        expect("wait result", wait.result().get(), R"("result":{"finish":"done","signals":["hello"]})");
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
