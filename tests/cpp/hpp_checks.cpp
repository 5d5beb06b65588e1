// Checks of include/temporal_capi.hpp, run by tests/consumers.rs.
//
// Usage: hpp_checks ADDRESS TASK_QUEUE. Built with -std=c++17 -Wall -Wextra
// -Werror -pedantic under AddressSanitizer, linked with hpp_second_tu.cpp
// (which includes the header too), so a definition that is not inline
// fails the link. Prints "hpp checks passed" and exits 0 when all passed.

// Each header twice: the include guards make that harmless.
#include <temporal_capi.h>
#include <temporal_capi.hpp>
#include <temporal_capi.hpp>
#include <temporal_capi.h>

#include <chrono>
#include <future>
#include <iostream>
#include <string>
#include <type_traits>
#include <utility>

namespace tc = temporal_capi;

// Defined in hpp_second_tu.cpp: describes `workflow_id` through its own runtime and client.
std::string second_tu_describe_code(const std::string &connect_options, const std::string &workflow_id);

namespace {

int failures = 0;

/// Records a failure of `what` unless `ok`.
void check(bool ok, const std::string &what) {
    if (!ok) {
        std::cerr << "FAIL: " << what << std::endl;
        ++failures;
    }
}

/// The error code `future` fails with, or "(succeeded)".
template <typename T> std::string error_code(std::future<T> future) {
    try {
        future.get();
        return "(succeeded)";
    } catch (const tc::Error &e) {
        return e.code();
    }
}

void owners_are_move_only() {
    static_assert(!std::is_copy_constructible_v<tc::Runtime> && std::is_nothrow_move_constructible_v<tc::Runtime>);
    static_assert(!std::is_copy_constructible_v<tc::Client> && std::is_nothrow_move_constructible_v<tc::Client>);
    static_assert(!std::is_copy_constructible_v<tc::Cancel> && std::is_nothrow_move_constructible_v<tc::Cancel>);
    static_assert(std::is_nothrow_copy_constructible_v<tc::Error>);
    static_assert(std::is_base_of_v<std::runtime_error, tc::Error>);
}

void error_reads_the_error_object() {
    const tc::Error e(R"({"code":"not_found","message":"say \"hi\" \\ \/ \u00e9 \ud83d\ude00\n",)"
                      R"("failure":{"code":"nested","message":"inner"}})");
    check(e.code() == "not_found", "code: " + e.code());
    check(e.message() == "say \"hi\" \\ / \xc3\xa9 \xf0\x9f\x98\x80\n", "escapes decoded: " + e.message());
    check(std::string(e.what()) == "not_found: " + e.message(), std::string("what: ") + e.what());
    const tc::Error copy = e;
    check(copy.json() == e.json() && copy.code() == "not_found", "copies keep the JSON");

    const tc::Error nested(R"( { "details" : {"code": "inner", "message": "x"}, "list": [1, {"code": "y"}, "]"],)"
                           R"( "n": -1.5e3, "t": true, "none": null, "code" : "outer" } )");
    check(nested.code() == "outer", "only top-level keys count: " + nested.code());
    check(nested.message().empty(), "absent message is empty");

    const tc::Error junk("not json");
    check(junk.code().empty() && std::string(junk.what()) == "not json", "non-JSON text is kept as what()");
    check(tc::Error(R"({"code": 5})").code().empty(), "a non-string code is empty");
    check(tc::Error(R"({"code": "unterminated)").code().empty(), "a truncated string is empty");
}

void bad_runtime_options_throw() {
    try {
        tc::Runtime bad(R"({"bogus": 1})");
        check(false, "runtime with unknown option created");
    } catch (const tc::Error &e) {
        check(e.code() == "invalid_argument" && e.json().find("bogus") != std::string::npos,
              "runtime error names the key: " + e.json());
    }
}

void calls_deliver_responses_and_errors(const std::string &address, const std::string &queue) {
    tc::Runtime runtime;
    tc::Client client = runtime.connect(R"({"address": )" + tc::json_quote(address) + "}").get();
    check(client.get() != nullptr, "connected");
    check(client.info().find(R"("server_version")") != std::string::npos, "connect response: " + client.info());

    const std::string id = "hpp-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    const std::string started = client
                                    .call(tc_workflow_start, R"({"workflow_type": "Echo", "task_queue": )" +
                                                                 tc::json_quote(queue) + R"(, "id": )" + tc::json_quote(id) +
                                                                 R"(, "args": [7]})")
                                    .get();
    check(started.find(R"("started":true)") != std::string::npos, "start: " + started);
    // The free function works on raw handles.
    const std::string result =
        tc::call(tc_workflow_result, client.get(), R"({"workflow_id": )" + tc::json_quote(id) + "}").get();
    check(result.find(R"("result":7)") != std::string::npos, "result: " + result);

    check(error_code(client.call(tc_workflow_describe, R"({"workflow_id": "hpp-no-such-id"})")) == "not_found",
          "unknown id");
    check(error_code(client.call(tc_workflow_start, R"({"bogus": 1})")) == "invalid_argument",
          "input rejected synchronously arrives through the future");

    tc::Cancel cancel;
    cancel.cancel();
    check(error_code(client.call(tc_workflow_result, R"({"workflow_id": )" + tc::json_quote(id) + "}", &cancel)) ==
              "cancelled",
          "cancelled call");
    check(error_code(runtime.connect(R"({"address": )" + tc::json_quote(address) + "}", &cancel)) == "cancelled",
          "cancelled connect");

    check(second_tu_describe_code(R"({"address": )" + tc::json_quote(address) + "}", "hpp-no-such-id") == "not_found",
          "the second translation unit works too");

    tc::Client moved = std::move(client);
    check(client.get() == nullptr && moved.get() != nullptr, "move transfers the handle");
    check(error_code(client.call(tc_workflow_describe, R"({"workflow_id": "x"})")) == "invalid_argument",
          "a moved-from client fails its calls");
    tc::Runtime other = std::move(runtime);
    check(error_code(runtime.connect("{}")) == "invalid_argument", "a moved-from runtime fails connect");
}

void destroying_the_runtime_completes_pending_calls(const std::string &address, const std::string &queue) {
    std::future<std::string> pending;
    const std::string id =
        "hpp-pending-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    {
        tc::Runtime runtime;
        const tc::Client client = runtime.connect(R"({"address": )" + tc::json_quote(address) + "}").get();
        client
            .call(tc_workflow_start, R"({"workflow_type": "WaitForSignal", "task_queue": )" + tc::json_quote(queue) +
                                         R"(, "id": )" + tc::json_quote(id) + R"(, "execution_timeout": "10m"})")
            .get();
        pending = client.call(tc_workflow_result, R"({"workflow_id": )" + tc::json_quote(id) + "}");
        check(pending.wait_for(std::chrono::seconds(0)) == std::future_status::timeout, "result pending");
    }
    check(pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready, "ready once the runtime is gone");
    check(error_code(std::move(pending)) == "cancelled", "completed as cancelled");

    tc::Runtime runtime;
    const tc::Client client = runtime.connect(R"({"address": )" + tc::json_quote(address) + "}").get();
    client.call(tc_workflow_terminate, R"({"workflow_id": )" + tc::json_quote(id) + "}").get();
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " ADDRESS TASK_QUEUE" << std::endl;
        return 2;
    }
    try {
        owners_are_move_only();
        error_reads_the_error_object();
        bad_runtime_options_throw();
        calls_deliver_responses_and_errors(argv[1], argv[2]);
        destroying_the_runtime_completes_pending_calls(argv[1], argv[2]);
    } catch (const std::exception &e) {
        std::cerr << "FAIL: unexpected exception: " << e.what() << std::endl;
        ++failures;
    }
    if (failures == 0) std::cout << "hpp checks passed" << std::endl;
    return failures == 0 ? 0 : 1;
}
