// Checks of the typed conveniences of include/temporal_capi.hpp (named
// Client members, WorkflowHandle, ScheduleHandle, Pages, JSON helpers)
// against the dev server and its worker, run by tests/consumers.rs.
//
// Usage: typed_api ADDRESS TASK_QUEUE HEADER, where HEADER is the
// temporal_capi.h this program was compiled with: every asynchronous export
// it declares must have its named Client member. Built with -std=c++17
// -Wall -Wextra -Werror -pedantic, run under AddressSanitizer + UBSan and
// under valgrind. Prints "typed api checks passed" and exits 0 when all
// passed.

#include <temporal_capi.hpp>

#include <chrono>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace tc = temporal_capi;

namespace {

int failures = 0;

/// Records a failure of `what` unless `ok`.
void check(bool ok, const std::string &what) {
    if (!ok) {
        std::cerr << "FAIL: " << what << std::endl;
        ++failures;
    }
}

/// Whether `text` contains `part`.
bool contains(const std::string &text, std::string_view part) { return text.find(part) != std::string::npos; }

/// How often `part` occurs in `text`.
std::size_t occurrences(const std::string &text, std::string_view part) {
    std::size_t count = 0;
    for (std::size_t i = text.find(part); i != std::string::npos; i = text.find(part, i + part.size())) ++count;
    return count;
}

/// The error object `future` fails with, or "(succeeded)".
std::string error_json(std::future<std::string> future) {
    try {
        future.get();
        return "(succeeded)";
    } catch (const tc::Error &e) {
        return e.json();
    }
}

/// The error code `future` fails with, or "(succeeded)".
std::string error_code(std::future<std::string> future) {
    const std::string json = error_json(std::move(future));
    return json == "(succeeded)" ? json : tc::Error(json).code();
}

/// The integer member `key` of the compact JSON object `json`, or -1.
long long integer_member(const std::string &json, const std::string &key) {
    const std::size_t at = json.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::stoll(json.substr(at + key.size() + 3));
}

/// An id unique to this run, starting with `what`.
std::string unique_id(const std::string &what) {
    const auto now = std::chrono::system_clock::now().time_since_epoch().count();
    return "typed-" + what + "-" + std::to_string(now) + "-" + std::to_string(std::random_device{}());
}

/// Text with every character JSON must escape, plus non-ASCII UTF-8.
std::string awkward_text() {
    std::string text = "say \"hi\" \\ / \xc3\xa9 \xf0\x9f\x98\x80 ";
    for (char c = 0; c < 0x20; ++c) text += c;
    return text;
}

void handles_have_the_documented_traits() {
    static_assert(std::is_copy_constructible_v<tc::WorkflowHandle> && std::is_copy_assignable_v<tc::WorkflowHandle>);
    static_assert(std::is_copy_constructible_v<tc::ScheduleHandle> && std::is_copy_assignable_v<tc::ScheduleHandle>);
    static_assert(std::is_move_constructible_v<tc::Pages>);
    static_assert(std::is_same_v<decltype(std::declval<tc::Pages &>().next()), std::optional<std::string>>);
}

void json_helpers_build_and_read_requests() {
    check(tc::json_quote("") == "\"\"", "empty text quotes to \"\"");
    check(tc::json_quote("a\"b\\c/\n\t\x01\x1f\xc3\xa9") == "\"a\\\"b\\\\c/\\n\\t\\u0001\\u001f\xc3\xa9\"",
          "escapes: " + tc::json_quote("a\"b\\c/\n\t\x01\x1f\xc3\xa9"));
    const std::string text = awkward_text();
    check(tc::json_string_member("{\"k\": " + tc::json_quote(text) + "}", "k") == text,
          "json_quote round-trips through json_string_member");

    check(tc::json_string_member(R"({"run_id": null})", "run_id").empty(), "null reads as empty");
    check(tc::json_string_member(R"({"a": {"run_id": "inner"}, "run_id": "outer"})", "run_id") == "outer",
          "only top-level members are read");

    check(tc::json_with_member("", "a", "1") == R"({"a":1})", "empty request becomes an object");
    check(tc::json_with_member(" { } ", "a", "1") == R"( { "a":1} )", "added to an empty object");
    check(tc::json_with_member(R"({"b": 2})", "a", R"("x")") == R"({"b": 2,"a":"x"})", "added after members");
    check(tc::json_with_member(R"({"b": [1, {"a": 2}], "a": "old", "c": 3})", "a", "[]") ==
              R"({"b": [1, {"a": 2}], "a": [], "c": 3})",
          "a top-level member is replaced, a nested one is not: " +
              tc::json_with_member(R"({"b": [1, {"a": 2}], "a": "old", "c": 3})", "a", "[]"));
    check(tc::json_with_member("[1]", "a", "1") == "[1]", "an array is returned unchanged");
    check(tc::json_with_member(R"({"b": )", "a", "1") == R"({"b": )", "malformed text is returned unchanged");
}

/// A request every asynchronous export rejects: its key is unknown to all of them.
const std::string probe = R"({"tc_typed_api_probe": 1})";

/// A named member of Client for one asynchronous operation.
using Member = std::future<std::string> (tc::Client::*)(std::string_view, const tc::Cancel *) const;

/// A C export and the Client member that must wrap it.
struct Wrapper {
    std::string name;
    tc::AsyncOp op;
    Member member;
};

#define WRAPPER(op, member) Wrapper{#op, op, &tc::Client::member}

/// Every named member, with the export it wraps.
const Wrapper wrappers[] = {
    WRAPPER(tc_workflow_start, start_workflow),
    WRAPPER(tc_workflow_signal_with_start, signal_with_start),
    WRAPPER(tc_workflow_result, workflow_result),
    WRAPPER(tc_workflow_describe, describe_workflow),
    WRAPPER(tc_workflow_signal, signal_workflow),
    WRAPPER(tc_workflow_query, query_workflow),
    WRAPPER(tc_workflow_cancel, cancel_workflow),
    WRAPPER(tc_workflow_terminate, terminate_workflow),
    WRAPPER(tc_workflow_list, list_workflows),
    WRAPPER(tc_workflow_count, count_workflows),
    WRAPPER(tc_workflow_describe_task_queue, describe_task_queue),
    WRAPPER(tc_workflow_fetch_history, fetch_history),
    WRAPPER(tc_workflow_export_history, export_history),
    WRAPPER(tc_workflow_update, update_workflow),
    WRAPPER(tc_workflow_start_update, start_update),
    WRAPPER(tc_workflow_update_result, update_result),
    WRAPPER(tc_workflow_update_with_start, update_with_start),
    WRAPPER(tc_workflow_delete, delete_workflow),
    WRAPPER(tc_workflow_pause, pause_workflow),
    WRAPPER(tc_workflow_unpause, unpause_workflow),
    WRAPPER(tc_workflow_reset, reset_workflow),
    WRAPPER(tc_workflow_wait_for_start, wait_for_start),
    WRAPPER(tc_workflow_wait_for_completion, wait_for_completion),
    WRAPPER(tc_workflow_query_instances, query_instances),
    WRAPPER(tc_workflow_purge_instances, purge_instances),
    WRAPPER(tc_schedule_create, create_schedule),
    WRAPPER(tc_schedule_describe, describe_schedule),
    WRAPPER(tc_schedule_list, list_schedules),
    WRAPPER(tc_schedule_update, update_schedule),
    WRAPPER(tc_schedule_pause, pause_schedule),
    WRAPPER(tc_schedule_unpause, unpause_schedule),
    WRAPPER(tc_schedule_trigger, trigger_schedule),
    WRAPPER(tc_schedule_backfill, backfill_schedule),
    WRAPPER(tc_schedule_delete, delete_schedule),
    WRAPPER(tc_activity_complete, complete_activity),
    WRAPPER(tc_activity_fail, fail_activity),
    WRAPPER(tc_activity_heartbeat, heartbeat_activity),
    WRAPPER(tc_activity_report_cancellation, report_activity_cancellation),
    WRAPPER(tc_client_rpc, rpc),
    WRAPPER(tc_client_system_info, system_info),
};

#undef WRAPPER

/// `text` without its /* ... */ comments.
std::string without_comments(const std::string &text) {
    std::string out;
    std::size_t i = 0;
    for (std::size_t open = text.find("/*"); open != std::string::npos; open = text.find("/*", i)) {
        out += text.substr(i, open - i);
        const std::size_t close = text.find("*/", open + 2);
        if (close == std::string::npos) return out;
        i = close + 2;
    }
    return out + text.substr(i);
}

/// `text` with each run of whitespace replaced by one space.
std::string squeezed(const std::string &text) {
    std::istringstream words(text);
    std::string out;
    for (std::string word; words >> word;) out += (out.empty() ? "" : " ") + word;
    return out;
}

/// The functions a C header declares with a callback parameter, as (name, parameter list).
std::set<std::pair<std::string, std::string>> functions_with_callbacks(const std::string &header_path) {
    std::ifstream file(header_path);
    const std::string text = without_comments(
        std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()));
    check(!text.empty(), "read " + header_path);
    std::set<std::pair<std::string, std::string>> found;
    const std::string identifier = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    for (std::size_t at = text.find("tc_"); at != std::string::npos; at = text.find("tc_", at + 1)) {
        const std::size_t open = text.find_first_not_of(identifier, at);
        if ((at > 0 && identifier.find(text[at - 1]) != std::string::npos) || open == std::string::npos ||
            text[open] != '(') {
            continue;
        }
        const std::string name = text.substr(at, open - at);
        const std::string params = squeezed(text.substr(open + 1, text.find(')', open) - open - 1));
        if (contains(params, "Callback ")) found.emplace(name, params);
    }
    return found;
}

void every_asynchronous_export_has_a_named_member(const tc::Client &client, const std::string &header_path) {
    const std::string async_shape = "TcClient *client, const char *request_json, size_t request_len, "
                                    "const TcCancel *cancel, TcCallback callback, void *user_data";
    std::set<std::string> exports;
    std::set<std::string> other_callbacks;
    for (const auto &[name, params] : functions_with_callbacks(header_path)) {
        (params == async_shape ? exports : other_callbacks).insert(name);
    }
    std::set<std::string> wrapped;
    for (const Wrapper &w : wrappers) check(wrapped.insert(w.name).second, "wrapped twice: " + w.name);
    for (const std::string &name : exports) check(wrapped.count(name) == 1, "no named member for " + name);
    for (const std::string &name : wrapped) check(exports.count(name) == 1, "not an asynchronous export: " + name);
    check(other_callbacks == std::set<std::string>{"tc_client_connect", "tc_runtime_set_logger"},
          "the only other functions with callbacks are connect (Runtime::connect) and the logger");
    std::cout << "asynchronous exports: " << exports.size() << ", named members: " << wrapped.size() << std::endl;

    // Each member reaches its export: both reject an unknown key with the same error object (which
    // names the keys the request type accepts, so only exports sharing a request type look alike).
    for (const Wrapper &w : wrappers) {
        const std::string through_member = error_json((client.*w.member)(probe, nullptr));
        check(through_member == error_json(client.call(w.op, probe)) &&
                  tc::Error(through_member).code() == "invalid_argument",
              w.name + " member: " + through_member);
    }
}

/// A member of a handle for one asynchronous operation.
template <typename Handle>
using HandleMember = std::future<std::string> (Handle::*)(std::string_view, const tc::Cancel *) const;

/// Checks that each of `members` of `handle` reaches its export with the handle's `key` set to `id`.
template <typename Handle, std::size_t N>
void handle_members_reach(const tc::Client &client, const Handle &handle, const std::string &key,
                          const std::string &id, const std::pair<tc::AsyncOp, HandleMember<Handle>> (&members)[N]) {
    const std::string bound = tc::json_with_member(probe, key, tc::json_quote(id));
    for (const auto &[op, member] : members) {
        const std::string through_member = error_json((handle.*member)(probe, nullptr));
        check(through_member == error_json(client.call(op, bound)) &&
                  tc::Error(through_member).code() == "invalid_argument",
              "handle member: " + through_member);
    }
}

void handle_members_reach_their_exports(const tc::Client &client) {
    using W = tc::WorkflowHandle;
    const std::pair<tc::AsyncOp, HandleMember<W>> workflow_members[] = {
        {tc_workflow_result, &W::result},
        {tc_workflow_describe, &W::describe},
        {tc_workflow_signal, &W::signal},
        {tc_workflow_query, &W::query},
        {tc_workflow_cancel, &W::cancel},
        {tc_workflow_terminate, &W::terminate},
        {tc_workflow_update, &W::update},
        {tc_workflow_start_update, &W::start_update},
        {tc_workflow_update_result, &W::update_result},
        {tc_workflow_fetch_history, &W::fetch_history},
        {tc_workflow_export_history, &W::export_history},
        {tc_workflow_delete, &W::remove},
        {tc_workflow_pause, &W::pause},
        {tc_workflow_unpause, &W::unpause},
        {tc_workflow_reset, &W::reset},
        {tc_workflow_wait_for_start, &W::wait_for_start},
        {tc_workflow_wait_for_completion, &W::wait_for_completion},
    };
    handle_members_reach(client, client.workflow("probe-id"), "workflow_id", "probe-id", workflow_members);
    using S = tc::ScheduleHandle;
    const std::pair<tc::AsyncOp, HandleMember<S>> schedule_members[] = {
        {tc_schedule_describe, &S::describe}, {tc_schedule_update, &S::update},
        {tc_schedule_pause, &S::pause},       {tc_schedule_unpause, &S::unpause},
        {tc_schedule_trigger, &S::trigger},   {tc_schedule_backfill, &S::backfill},
        {tc_schedule_delete, &S::remove},
    };
    handle_members_reach(client, client.schedule("probe-id"), "schedule_id", "probe-id", schedule_members);
}

void workflows_through_members_and_handles(const tc::Client &client, const std::string &queue) {
    check(contains(client.system_info("{}").get(), R"("server_version")"), "system_info");

    // An argument with every character that needs escaping comes back unchanged.
    const std::string text = awkward_text();
    const std::string echo_id = unique_id("echo");
    const std::string started = client
                                    .start_workflow(R"({"workflow_type": "Echo", "task_queue": )" +
                                                    tc::json_quote(queue) + R"(, "id": )" + tc::json_quote(echo_id) +
                                                    R"(, "args": [)" + tc::json_quote(text) + "]}")
                                    .get();
    const std::string run_id = tc::json_string_member(started, "run_id");
    check(tc::json_string_member(started, "workflow_id") == echo_id && !run_id.empty(), "start: " + started);
    const tc::WorkflowHandle echo = client.workflow(echo_id, run_id);
    check(echo.workflow_id() == echo_id && echo.run_id() == run_id && echo.client() == client.get(), "handle ids");
    const std::string result = echo.result().get();
    check(tc::json_string_member(result, "result") == text && tc::json_string_member(result, "run_id") == run_id,
          "result: " + result);
    check(error_code(client.workflow(echo_id, "00000000-0000-4000-8000-000000000000").describe()) == "not_found",
          "the handle sends its run id");

    // Signal, query and update a running workflow through a handle.
    const std::string wait_id = unique_id("wait");
    client
        .start_workflow(R"({"workflow_type": "WaitForSignal", "task_queue": )" + tc::json_quote(queue) +
                        R"(, "id": )" + tc::json_quote(wait_id) + "}")
        .get();
    const tc::WorkflowHandle wait = client.workflow(wait_id);
    check(wait.signal(R"({"signal_name": "add", "args": ["hello"]})").get() == "{}", "signal");
    check(wait.query(R"({"query_type": "state"})").get() == R"({"result":["hello"]})", "query");
    check(client.query_workflow(R"({"workflow_id": )" + tc::json_quote(wait_id) + R"(, "query_type": "state"})")
                  .get() == R"({"result":["hello"]})",
          "query through the named member");
    const std::string updated = wait.update(R"({"update_name": "set_value", "args": [5]})").get();
    check(integer_member(updated, "result") == 0, "update returns the previous value: " + updated);
    const std::string accepted =
        wait.start_update(R"({"update_name": "set_value", "args": [7], "update_id": "u-7"})").get();
    check(tc::json_string_member(accepted, "update_id") == "u-7", "start_update: " + accepted);
    const std::string outcome = wait.update_result(R"({"update_id": "u-7"})").get();
    check(integer_member(outcome, "result") == 5, "update_result: " + outcome);
    check(contains(wait.describe().get(), wait_id), "describe through the handle");

    tc::Cancel cancel;
    cancel.cancel();
    check(error_code(wait.result({}, &cancel)) == "cancelled", "a handle passes its Cancel");
    check(error_code(client.workflow_result(R"({"workflow_id": )" + tc::json_quote(wait_id) + "}", &cancel)) ==
              "cancelled",
          "a named member passes its Cancel");

    wait.signal(R"({"signal_name": "finish", "args": ["done"]})").get();
    check(contains(wait.result().get(), R"("result":{"finish":"done","signals":["hello"]})"), "finished");

    // Errors arrive as tc::Error.
    try {
        client.describe_workflow(R"({"workflow_id": )" + tc::json_quote(unique_id("missing")) + "}").get();
        check(false, "describe of an unknown id succeeded");
    } catch (const tc::Error &e) {
        check(e.code() == "not_found" && !e.message().empty(), "unknown id: " + e.json());
    }
    check(error_code(client.workflow(unique_id("missing")).signal(R"({"signal_name": "add"})")) == "not_found",
          "signal of an unknown id through a handle");
}

/// Polls count_workflows for `query` until it reports `expected` (visibility is eventually consistent).
bool await_count(const tc::Client &client, const std::string &query, long long expected) {
    for (int attempt = 0; attempt < 300; ++attempt) {
        if (integer_member(client.count_workflows(R"({"query": )" + tc::json_quote(query) + "}").get(), "count") ==
            expected) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
}

/// Walks `pages` to the end; returns how many pages there were and how often `row` occurred in them.
std::pair<int, std::size_t> walk(tc::Pages pages, std::string_view row) {
    std::pair<int, std::size_t> seen{0, 0};
    while (const std::optional<std::string> page = pages.next()) {
        ++seen.first;
        seen.second += occurrences(*page, row);
    }
    return seen;
}

void listings_page_to_the_end(const tc::Client &client, const std::string &queue) {
    const std::string prefix = unique_id("page");
    for (int i = 0; i < 3; ++i) {
        const std::string id = prefix + "-" + std::to_string(i);
        client
            .start_workflow(R"({"workflow_type": "Echo", "task_queue": )" + tc::json_quote(queue) + R"(, "id": )" +
                            tc::json_quote(id) + R"(, "args": [)" + std::to_string(i) + "]}")
            .get();
        client.workflow(id).result().get();
    }
    const std::string query = "WorkflowId STARTS_WITH '" + prefix + "-'";
    check(await_count(client, query, 3), "count reaches 3 for " + query);

    const std::string row = R"("workflow_id":")" + prefix + "-";
    const auto listed =
        walk(client.pages(tc_workflow_list, R"({"page_size": 1, "query": )" + tc::json_quote(query) + "}"), row);
    check(listed.first >= 3 && listed.second == 3,
          "list: " + std::to_string(listed.second) + " rows in " + std::to_string(listed.first) + " pages");
    const auto instances = walk(
        client.pages(tc_workflow_query_instances, R"({"page_size": 1, "id_prefix": )" + tc::json_quote(prefix) + "}"),
        row);
    check(instances.first >= 3 && instances.second == 3,
          "query_instances: " + std::to_string(instances.second) + " rows in " + std::to_string(instances.first) +
              " pages");

    const std::string id = tc::json_quote(prefix + "-0");
    const std::string exported = client.export_history(R"({"workflow_id": )" + id + "}").get();
    const std::size_t events = occurrences(exported, "\"eventId\"");
    const auto history =
        walk(client.pages(tc_workflow_fetch_history, R"({"page_size": 2, "workflow_id": )" + id + "}"), "\"eventId\"");
    check(events > 2 && history.second == events && history.first >= 2,
          "history: " + std::to_string(history.second) + " of " + std::to_string(events) + " events in " +
              std::to_string(history.first) + " pages");
}

void task_queue_is_described(const tc::Client &client, const std::string &queue) {
    const std::string polled = client.describe_task_queue(R"({"task_queue": )" + tc::json_quote(queue) + "}").get();
    check(contains(polled, R"("pollers":[{"identity":")") && contains(polled, R"("last_access_time":")") &&
              contains(polled, R"("stats":null)"),
          "the worker polls " + queue + ": " + polled);
    const std::string idle =
        client.describe_task_queue(R"({"task_queue": )" + tc::json_quote(unique_id("idle")) + "}").get();
    check(idle == R"({"pollers":[],"stats":null})", "nobody polls an unused queue: " + idle);
    try {
        client.describe_task_queue(R"({"task_queue": ""})").get();
        check(false, "an empty task queue is rejected");
    } catch (const tc::Error &e) {
        check(e.code() == "invalid_argument", std::string("empty task queue: ") + e.what());
    }
}

void schedules_through_a_handle(const tc::Client &client, const std::string &queue) {
    const std::string id = unique_id("schedule");
    const std::string created =
        client
            .create_schedule(R"({"schedule_id": )" + tc::json_quote(id) +
                             R"(, "action": {"start_workflow": {"workflow_type": "Echo", "task_queue": )" +
                             tc::json_quote(queue) + R"(, "id": )" + tc::json_quote(id + "-wf") +
                             R"(, "args": [1]}}, "state": {"paused": true, "note": "typed"}})")
            .get();
    check(tc::json_string_member(created, "schedule_id") == id, "create_schedule: " + created);
    const tc::ScheduleHandle schedule = client.schedule(id);
    check(schedule.schedule_id() == id && schedule.client() == client.get(), "schedule handle id");
    const std::string described = schedule.describe().get();
    check(tc::json_string_member(described, "schedule_id") == id && contains(described, R"("note":"typed")"),
          "describe: " + described);
    check(schedule.remove().get() == "{}", "delete");
    check(error_code(schedule.describe()) == "not_found", "a deleted schedule is not found");
}

void raw_rpc(const tc::Client &client) {
    const std::string response =
        client.rpc(R"({"service": "workflow", "method": "DescribeNamespace", "request": {"namespace": "default"}})")
            .get();
    check(contains(response, R"("namespaceInfo":{"name":"default")"), "rpc: " + response);
    check(error_code(client.rpc(R"({"service": "workflow", "method": "NoSuchMethod", "request": {}})")) ==
              "invalid_argument",
          "rpc of an unknown method");
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " ADDRESS TASK_QUEUE HEADER" << std::endl;
        return 2;
    }
    try {
        handles_have_the_documented_traits();
        json_helpers_build_and_read_requests();
        const tc::Runtime runtime;
        const tc::Client client = runtime.connect(R"({"address": )" + tc::json_quote(argv[1]) + "}").get();
        every_asynchronous_export_has_a_named_member(client, argv[3]);
        handle_members_reach_their_exports(client);
        workflows_through_members_and_handles(client, argv[2]);
        listings_page_to_the_end(client, argv[2]);
        task_queue_is_described(client, argv[2]);
        schedules_through_a_handle(client, argv[2]);
        raw_rpc(client);
    } catch (const std::exception &e) {
        std::cerr << "FAIL: unexpected exception: " << e.what() << std::endl;
        ++failures;
    }
    if (failures == 0) std::cout << "typed api checks passed" << std::endl;
    return failures == 0 ? 0 : 1;
}
