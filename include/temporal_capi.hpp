/*
 * temporal_capi.hpp: a header-only C++17 layer over temporal_capi.h.
 *
 * Hand written (temporal_capi.h is generated). It adds nothing to the C
 * contract (docs/ABI.md); it only owns handles and turns callbacks into
 * futures:
 *
 *   - Runtime, Client, Cancel: move-only owners that free their handle in
 *     the destructor (get() exposes it for any C function).
 *   - Error: the exception every failure is delivered as; json() is the
 *     library's error object, code() and message() read its fields.
 *   - call(): any asynchronous function of the `tc_workflow_*` shape as a
 *     std::future<std::string> holding the JSON response; Client has a
 *     named member for each one (start_workflow() is tc_workflow_start).
 *   - Runtime::connect(): a std::future<Client>.
 *   - WorkflowHandle, ScheduleHandle: fill a workflow's or schedule's ids
 *     into each request. Pages: walks a listing's page tokens to the end.
 *   - json_quote(), json_string_member(), json_with_member(): build
 *     requests from any text and read responses without a JSON library.
 *
 *   temporal_capi::Runtime runtime;
 *   temporal_capi::Client client = runtime.connect(R"({"address": "127.0.0.1:7233"})").get();
 *   std::string started = client.start_workflow(request).get();
 *   client.workflow("order-1").signal(R"({"signal_name": "add", "args": [1]})").get();
 *
 * Futures complete on a library thread; waiting on them from any thread is
 * fine. Destroying a Runtime completes its pending futures (with an Error
 * whose code() is "cancelled") before the destructor returns.
 */

#ifndef TEMPORAL_CAPI_HPP
#define TEMPORAL_CAPI_HPP

#include "temporal_capi.h"

#include <cstddef>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

/** The C++ layer of temporal-capi. */
namespace temporal_capi {

/** Implementation details; not part of the API. */
namespace detail {

/** Whether `c` is JSON whitespace. */
inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/** The position of the first non-whitespace character of `s` at or after `i`. */
inline std::size_t skip_space(std::string_view s, std::size_t i) noexcept {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

/** Reads the four hex digits at `s[i]` into `out`; false when they are not hex. */
inline bool read_hex4(std::string_view s, std::size_t i, unsigned long &out) noexcept {
    if (i + 4 > s.size()) return false;
    out = 0;
    for (std::size_t k = i; k < i + 4; ++k) {
        const char c = s[k];
        const unsigned long digit = (c >= '0' && c <= '9')   ? static_cast<unsigned long>(c - '0')
                                    : (c >= 'a' && c <= 'f') ? static_cast<unsigned long>(c - 'a' + 10)
                                    : (c >= 'A' && c <= 'F') ? static_cast<unsigned long>(c - 'A' + 10)
                                                             : 16;
        if (digit == 16) return false;
        out = out * 16 + digit;
    }
    return true;
}

/** Appends code point `cp` to `out` as UTF-8. */
inline void append_utf8(std::string &out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/**
 * Reads the JSON string starting at the quote `s[i]`. Returns the position
 * after its closing quote, or std::string_view::npos when it is malformed.
 * The decoded text is stored in `*out` unless `out` is NULL.
 */
inline std::size_t read_string(std::string_view s, std::size_t i, std::string *out) {
    if (i >= s.size() || s[i] != '"') return std::string_view::npos;
    for (++i; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') return i + 1;
        if (c != '\\') {
            if (out) *out += c;
            continue;
        }
        if (++i >= s.size()) break;
        unsigned long cp = 0;
        switch (s[i]) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
            if (!read_hex4(s, i + 1, cp)) return std::string_view::npos;
            i += 4;
            unsigned long low = 0;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u' &&
                read_hex4(s, i + 3, low) && low >= 0xDC00 && low < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            break;
        }
        default: return std::string_view::npos;
        }
        if (out) append_utf8(*out, cp);
    }
    return std::string_view::npos;
}

/**
 * Skips the JSON value starting at `s[i]`. Returns the position after it,
 * or std::string_view::npos when it is malformed.
 */
inline std::size_t skip_value(std::string_view s, std::size_t i) {
    if (i >= s.size()) return std::string_view::npos;
    if (s[i] == '"') return read_string(s, i, nullptr);
    if (s[i] != '{' && s[i] != '[') {
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !is_space(s[i])) ++i;
        return i;
    }
    std::size_t depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = read_string(s, i, nullptr);
            if (i == std::string_view::npos) return i;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1;
        }
        ++i;
    }
    return std::string_view::npos;
}

/** Where find_member() found a member of a JSON object, or where the object ends. */
struct Member {
    /** Whether the text is a JSON object, well formed as far as it was scanned. */
    bool object = false;
    /** Whether the key was found; then [begin, end) is its value. */
    bool found = false;
    /** Found: the start of the value. Absent: the position of the closing '}'. */
    std::size_t begin = 0;
    /** Found: one past the end of the value. Absent: equal to `begin`. */
    std::size_t end = 0;
    /** Absent: whether the object has no members at all. */
    bool empty = false;
};

/**
 * Scans the JSON object `json` (top level only) for its first member named
 * `key`. Stops at that member; otherwise scans to the closing '}'.
 */
inline Member find_member(std::string_view json, std::string_view key) {
    constexpr std::size_t npos = std::string_view::npos;
    std::size_t i = skip_space(json, 0);
    if (i >= json.size() || json[i] != '{') return Member();
    i = skip_space(json, i + 1);
    const bool empty = i < json.size() && json[i] == '}';
    while (i < json.size() && json[i] == '"') {
        std::string name;
        i = read_string(json, i, &name);
        if (i == npos) return Member();
        i = skip_space(json, i);
        if (i >= json.size() || json[i] != ':') return Member();
        const std::size_t begin = skip_space(json, i + 1);
        i = skip_value(json, begin);
        if (i == npos || i == begin) return Member();
        if (name == key) return Member{true, true, begin, i, false};
        i = skip_space(json, i);
        if (i >= json.size() || json[i] != ',') break;
        i = skip_space(json, i + 1);
    }
    if (i >= json.size() || json[i] != '}') return Member();
    return Member{true, false, i, i, empty};
}

/**
 * The string member `key` of the JSON object `json` (top level only), or ""
 * when it is absent, not a string, or `json` is not an object.
 */
inline std::string string_member(std::string_view json, std::string_view key) {
    const Member member = find_member(json, key);
    std::string value;
    if (!member.found || read_string(json, member.begin, &value) == std::string_view::npos) return std::string();
    return value;
}

/** The text of Error::what(): "code: message", or the JSON when it has neither. */
inline std::string describe_error(std::string_view json) {
    const std::string code = string_member(json, "code");
    const std::string message = string_member(json, "message");
    if (code.empty() && message.empty()) return std::string(json);
    return code + ": " + message;
}

/** The deleter of an owner: calls the C `_free` function (NULL is a no-op). */
template <typename Handle, void (*FreeFn)(Handle *)> struct Deleter {
    /** Frees `handle`. */
    void operator()(Handle *handle) const noexcept { FreeFn(handle); }
};

}  // namespace detail

/**
 * `text` as a JSON string literal, quotes included: `"`, `\` and control
 * characters are escaped, everything else is copied (UTF-8 stays as it is;
 * the library rejects invalid UTF-8). Use it to put any text into a request:
 * `R"({"workflow_id": )" + json_quote(id) + "}"`.
 */
inline std::string json_quote(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

/**
 * The decoded string member `key` at the top level of the JSON object `json`
 * (e.g. `run_id` of a start response), or "" when it is absent, null, not a
 * string, or `json` is not an object.
 */
inline std::string json_string_member(std::string_view json, std::string_view key) {
    return detail::string_member(json, key);
}

/**
 * The JSON object `object` with its top-level member `key` set to `value`
 * (JSON text, e.g. from json_quote()): an existing member's value is
 * replaced, otherwise the member is added at the end. Empty `object` means
 * `{}`. Text that is not a JSON object is returned unchanged, so the library
 * reports it.
 */
inline std::string json_with_member(std::string_view object, std::string_view key, std::string_view value) {
    if (detail::skip_space(object, 0) == object.size()) return "{" + json_quote(key) + ":" + std::string(value) + "}";
    const detail::Member member = detail::find_member(object, key);
    if (!member.object) return std::string(object);
    std::string out(object.substr(0, member.begin));
    if (!member.found) out += (member.empty ? "" : ",") + json_quote(key) + ":";
    out += value;
    out += object.substr(member.end);
    return out;
}

/**
 * A failed call: the library's error object `{"code": ..., "message": ...,
 * ...}` (docs/ABI.md "Error codes"). what() is "code: message". Copying is
 * cheap and never throws.
 */
class Error : public std::runtime_error {
public:
    /** Wraps the error object `json` (UTF-8 JSON text). */
    explicit Error(std::string json)
        : std::runtime_error(detail::describe_error(json)),
          json_(std::make_shared<const std::string>(std::move(json))) {}

    /** The error object exactly as the library reported it. */
    const std::string &json() const noexcept { return *json_; }

    /** The stable error code, e.g. "not_found", "cancelled" ("" if absent). */
    std::string code() const { return detail::string_member(*json_, "code"); }

    /** The human-readable message ("" if absent). */
    std::string message() const { return detail::string_member(*json_, "message"); }

private:
    std::shared_ptr<const std::string> json_;
};

namespace detail {

/** The error a future receives when a call was refused with TC_RESULT_NULL_ARGUMENT. */
inline std::exception_ptr null_argument_error() {
    return std::make_exception_ptr(Error(
        R"({"code":"invalid_argument","message":"a required handle was NULL: an empty or moved-from owner"})"));
}

/**
 * Starts an asynchronous call whose completion fulfils a heap promise passed
 * as `user_data`. `start(promise)` makes the C call and returns its
 * TcResult. The callback owns the promise unless the call was refused with
 * TC_RESULT_NULL_ARGUMENT (no callback fires), in which case it is failed here.
 */
template <typename T, typename Start> std::future<T> launch(Start start) {
    auto promise = std::make_unique<std::promise<T>>();
    std::future<T> future = promise->get_future();
    if (start(promise.get()) == TC_RESULT_NULL_ARGUMENT) {
        promise->set_exception(null_argument_error());
    } else {
        (void)promise.release();  // owned (and possibly already freed) by the callback
    }
    return future;
}

/** Stores `error` (the exception in flight) in `promise`, ignoring a second failure. */
template <typename T> void fail(std::promise<T> &promise, std::exception_ptr error) noexcept {
    try {
        promise.set_exception(std::move(error));
    } catch (...) {
        // Already satisfied: nothing left to report to.
    }
}

}  // namespace detail

/**
 * A cancellation handle (TcCancel) shared by any number of calls; cancel()
 * makes them complete with an Error whose code() is "cancelled". Move-only;
 * the destructor frees the handle, which does not affect calls that got it.
 */
class Cancel {
public:
    /** Creates a handle; throws Error (code "panic") if the library failed. */
    Cancel() : handle_(tc_cancel_new()) {
        if (!handle_) throw Error(R"({"code":"panic","message":"tc_cancel_new failed"})");
    }

    /** Cancels every call that received this handle, now and later. Thread-safe. */
    void cancel() const noexcept { tc_cancel_cancel(handle_.get()); }

    /** The C handle (NULL after a move), still owned by this object. */
    TcCancel *get() const noexcept { return handle_.get(); }

    /** Gives up ownership: returns the handle, to be freed with tc_cancel_free. */
    TcCancel *release() noexcept { return handle_.release(); }

private:
    std::unique_ptr<TcCancel, detail::Deleter<TcCancel, tc_cancel_free>> handle_;
};

/**
 * The signature every asynchronous client operation shares (rule 5 of
 * docs/ABI.md): tc_workflow_* (start, result, signal, query, describe,
 * update, list, ...), tc_activity_*, tc_client_rpc, tc_client_system_info.
 */
using AsyncOp = TcResult (*)(TcClient *client, const char *request_json, std::size_t request_len,
                             const TcCancel *cancel, TcCallback callback, void *user_data);

namespace detail {

/** The TcCallback of call(): fulfils and frees the promise in `user_data`. */
inline void complete_call(void *user_data, TcStatus status, const char *json, std::size_t len) noexcept {
    std::unique_ptr<std::promise<std::string>> promise(static_cast<std::promise<std::string> *>(user_data));
    try {
        std::string text(json, len);
        if (status == TC_STATUS_OK) {
            promise->set_value(std::move(text));
        } else {
            promise->set_exception(std::make_exception_ptr(Error(std::move(text))));
        }
    } catch (...) {
        fail(*promise, std::current_exception());
    }
}

}  // namespace detail

/**
 * Runs the asynchronous operation `op` (any function of the AsyncOp shape,
 * e.g. tc_workflow_start) on `client` with the JSON `request`
 * (docs/JSON.md; empty means `{}`; copied before this returns) and the
 * nullable `cancel`. The future holds the JSON response, or an Error with
 * the library's error object (also for input the library rejected at once,
 * and for a NULL `client`). `op` must not be NULL.
 */
inline std::future<std::string> call(AsyncOp op, TcClient *client, std::string_view request,
                                     const TcCancel *cancel = nullptr) {
    return detail::launch<std::string>([&](std::promise<std::string> *promise) {
        return op(client, request.data(), request.size(), cancel, &detail::complete_call, promise);
    });
}

/**
 * A paged listing walked to its end: each next() makes one call of `op`
 * with the request plus the previous page's token and returns that page.
 * Works with every listing (tc_workflow_list, tc_schedule_list,
 * tc_workflow_fetch_history, tc_workflow_query_instances): all of them
 * page with `next_page_token`. Borrows the
 * client and cancel handles: keep their owners alive while paging (calls
 * on a freed client fail with `closed`). Not thread-safe.
 *
 *   temporal_capi::Pages pages = client.pages(tc_workflow_list, R"({"page_size": 100})");
 *   while (std::optional<std::string> page = pages.next()) { ... }
 */
class Pages {
    /** The token key of every listing's request and response. */
    static constexpr const char *kPageTokenKey = "next_page_token";

public:
    /**
     * Pages of `op` (not NULL) on `client` for the JSON `request` (copied;
     * a token in it picks the first page), each call with the nullable
     * `cancel`.
     */
    Pages(TcClient *client, AsyncOp op, std::string_view request, const TcCancel *cancel = nullptr)
        : client_(client), op_(op), request_(request), cancel_(cancel) {}

    /**
     * Waits for the next page and returns its JSON response, or
     * std::nullopt after the page whose token was null, absent or empty.
     * Throws Error when the call fails; the position is kept, so calling
     * again retries the same page.
     */
    std::optional<std::string> next() {
        if (done_) return std::nullopt;
        const std::string request =
            token_.empty() ? request_ : json_with_member(request_, kPageTokenKey, json_quote(token_));
        std::string page = call(op_, client_, request, cancel_).get();
        token_ = detail::string_member(page, kPageTokenKey);
        done_ = token_.empty();
        return page;
    }

private:
    TcClient *client_;
    AsyncOp op_;
    std::string request_;
    const TcCancel *cancel_;
    std::string token_;
    bool done_ = false;
};

/**
 * One workflow on a client, by id and optionally run id. Each call sets
 * `workflow_id` (and `run_id` when the handle has one) in its JSON request,
 * replacing any given there, so the request holds only the operation's own
 * keys (empty means `{}`); the rest is as Client's member of the same
 * operation. Copyable; borrows the client handle (calls fail with `closed`
 * once its Client is destroyed).
 */
class WorkflowHandle {
public:
    /** Binds `workflow_id` and `run_id` ("" for the latest run) on `client`. */
    WorkflowHandle(TcClient *client, std::string workflow_id, std::string run_id = std::string())
        : client_(client), workflow_id_(std::move(workflow_id)), run_id_(std::move(run_id)) {}

    /** The borrowed client handle. */
    TcClient *client() const noexcept { return client_; }

    /** The workflow id. */
    const std::string &workflow_id() const noexcept { return workflow_id_; }

    /** The run id, or "" for the latest run. */
    const std::string &run_id() const noexcept { return run_id_; }

    /** tc_workflow_result: waits for the result; `{result, run_id}`. */
    std::future<std::string> result(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_result, request, cancel);
    }

    /** tc_workflow_describe: the execution's description. */
    std::future<std::string> describe(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_describe, request, cancel);
    }

    /** tc_workflow_signal: request `{signal_name, args}`; `{}`. */
    std::future<std::string> signal(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_signal, request, cancel);
    }

    /** tc_workflow_query: request `{query_type, args, reject_condition}`; `{result}`. */
    std::future<std::string> query(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_query, request, cancel);
    }

    /** tc_workflow_cancel: requests cancellation (request `{reason}`); `{}`. */
    std::future<std::string> cancel(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_cancel, request, cancel);
    }

    /** tc_workflow_terminate: request `{reason, details}`; `{}`. */
    std::future<std::string> terminate(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_terminate, request, cancel);
    }

    /** tc_workflow_update: request `{update_name, args, update_id}`; `{update_id, result}`. */
    std::future<std::string> update(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_update, request, cancel);
    }

    /** tc_workflow_start_update: as update() plus `wait_for_stage`; `{update_id}` (+ `result`). */
    std::future<std::string> start_update(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_start_update, request, cancel);
    }

    /** tc_workflow_update_result: request `{update_id}`; `{update_id, result}`. */
    std::future<std::string> update_result(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_update_result, request, cancel);
    }

    /** tc_workflow_fetch_history: one page of history, `{events, next_page_token}`. */
    std::future<std::string> fetch_history(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_fetch_history, request, cancel);
    }

    /** tc_workflow_export_history: the whole history, `{events}`. */
    std::future<std::string> export_history(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_export_history, request, cancel);
    }

    /** tc_workflow_delete: deletes the execution and its history; `{}`. */
    std::future<std::string> remove(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_delete, request, cancel);
    }

    /** tc_workflow_pause: request `{reason, request_id}`; `{}`. */
    std::future<std::string> pause(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_pause, request, cancel);
    }

    /** tc_workflow_unpause: request `{reason, request_id}`; `{}`. */
    std::future<std::string> unpause(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_unpause, request, cancel);
    }

    /** tc_workflow_reset: request `{event_id | to, reason, request_id}`; `{run_id}` of the new run. */
    std::future<std::string> reset(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_reset, request, cancel);
    }

    /** tc_workflow_wait_for_start: waits until a worker started the run; its description. */
    std::future<std::string> wait_for_start(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_wait_for_start, request, cancel);
    }

    /** tc_workflow_wait_for_completion: waits for the close; how it ended, without raising. */
    std::future<std::string> wait_for_completion(std::string_view request = {},
                                                 const Cancel *cancel = nullptr) const {
        return bound_call(tc_workflow_wait_for_completion, request, cancel);
    }

private:
    /** Runs `op` with the ids set in `request`. */
    std::future<std::string> bound_call(AsyncOp op, std::string_view request, const Cancel *cancel) const {
        std::string bound = json_with_member(request, "workflow_id", json_quote(workflow_id_));
        if (!run_id_.empty()) bound = json_with_member(bound, "run_id", json_quote(run_id_));
        return call(op, client_, bound, cancel ? cancel->get() : nullptr);
    }

    TcClient *client_;
    std::string workflow_id_;
    std::string run_id_;
};

/**
 * One schedule on a client, by id. Each call sets `schedule_id` in its JSON
 * request, replacing any given there (empty means `{}`); the rest is as
 * Client's member of the same operation. Copyable; borrows the client
 * handle (calls fail with `closed` once its Client is destroyed).
 */
class ScheduleHandle {
public:
    /** Binds `schedule_id` on `client`. */
    ScheduleHandle(TcClient *client, std::string schedule_id) : client_(client), schedule_id_(std::move(schedule_id)) {}

    /** The borrowed client handle. */
    TcClient *client() const noexcept { return client_; }

    /** The schedule id. */
    const std::string &schedule_id() const noexcept { return schedule_id_; }

    /** tc_schedule_describe: the schedule's sections plus `info` and `conflict_token`. */
    std::future<std::string> describe(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_describe, request, cancel);
    }

    /** tc_schedule_update: request: the sections to replace, `conflict_token`; `{}`. */
    std::future<std::string> update(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_update, request, cancel);
    }

    /** tc_schedule_pause: request `{note}`; `{}`. */
    std::future<std::string> pause(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_pause, request, cancel);
    }

    /** tc_schedule_unpause: request `{note}`; `{}`. */
    std::future<std::string> unpause(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_unpause, request, cancel);
    }

    /** tc_schedule_trigger: takes one action now (request `{overlap}`); `{}`. */
    std::future<std::string> trigger(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_trigger, request, cancel);
    }

    /** tc_schedule_backfill: request `{backfills: [{start_at, end_at, overlap}]}`; `{}`. */
    std::future<std::string> backfill(std::string_view request, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_backfill, request, cancel);
    }

    /** tc_schedule_delete: deletes the schedule (its workflows keep running); `{}`. */
    std::future<std::string> remove(std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return bound_call(tc_schedule_delete, request, cancel);
    }

private:
    /** Runs `op` with the id set in `request`. */
    std::future<std::string> bound_call(AsyncOp op, std::string_view request, const Cancel *cancel) const {
        return call(op, client_, json_with_member(request, "schedule_id", json_quote(schedule_id_)),
                    cancel ? cancel->get() : nullptr);
    }

    TcClient *client_;
    std::string schedule_id_;
};

/**
 * A connected client (TcClient). Move-only; the destructor frees the handle
 * (calls in flight still complete). Thread-safe: calls may be made from
 * any thread. Every asynchronous operation is a member taking the JSON
 * request and a nullable Cancel; workflow(), schedule() and pages() give
 * the handles and the pager.
 */
class Client {
public:
    /** Takes ownership of `handle` (may be NULL) and its connect response `info`. */
    explicit Client(TcClient *handle, std::string info = std::string()) noexcept
        : handle_(handle), info_(std::move(info)) {}

    /** The connect response `{address, namespace, identity, system_info}` ("" if not known). */
    const std::string &info() const noexcept { return info_; }

    /** The C handle (NULL after a move), still owned by this object. */
    TcClient *get() const noexcept { return handle_.get(); }

    /** Gives up ownership: returns the handle, to be freed with tc_client_free. */
    TcClient *release() noexcept { return handle_.release(); }

    /**
     * Runs `op` on this client: temporal_capi::call(op, get(), request,
     * cancel). `cancel` is nullable.
     */
    std::future<std::string> call(AsyncOp op, std::string_view request, const Cancel *cancel = nullptr) const {
        return temporal_capi::call(op, get(), request, cancel ? cancel->get() : nullptr);
    }

    /**
     * A handle on workflow `workflow_id` (run `run_id`, "" for the latest)
     * that fills the ids into each request.
     */
    WorkflowHandle workflow(std::string workflow_id, std::string run_id = std::string()) const {
        return WorkflowHandle(get(), std::move(workflow_id), std::move(run_id));
    }

    /** A handle on schedule `schedule_id` that fills the id into each request. */
    ScheduleHandle schedule(std::string schedule_id) const { return ScheduleHandle(get(), std::move(schedule_id)); }

    /**
     * The pages of the listing `op` (tc_workflow_list, tc_schedule_list,
     * tc_workflow_fetch_history or tc_workflow_query_instances) for
     * `request`, walked to the end by Pages::next(). `cancel` is nullable.
     */
    Pages pages(AsyncOp op, std::string_view request = {}, const Cancel *cancel = nullptr) const {
        return Pages(get(), op, request, cancel ? cancel->get() : nullptr);
    }

    // One member per asynchronous operation: `name(request, &cancel)` is
    // call(tc_..., request, &cancel). Requests and responses: docs/JSON.md.

    // Workflows

    /** tc_workflow_start: starts a workflow; `{workflow_id, run_id, started}`. */
    std::future<std::string> start_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_start, request, cancel);
    }

    /** tc_workflow_signal_with_start: signals, starting first if needed; `{workflow_id, run_id, started}`. */
    std::future<std::string> signal_with_start(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_signal_with_start, request, cancel);
    }

    /** tc_workflow_result: waits for a workflow's result; `{result, run_id}`. */
    std::future<std::string> workflow_result(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_result, request, cancel);
    }

    /** tc_workflow_describe: describes a workflow execution. */
    std::future<std::string> describe_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_describe, request, cancel);
    }

    /** tc_workflow_signal: sends a signal; `{}`. */
    std::future<std::string> signal_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_signal, request, cancel);
    }

    /** tc_workflow_query: queries a workflow; `{result}`. */
    std::future<std::string> query_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_query, request, cancel);
    }

    /** tc_workflow_cancel: requests cancellation of a workflow; `{}`. */
    std::future<std::string> cancel_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_cancel, request, cancel);
    }

    /** tc_workflow_terminate: terminates a workflow; `{}`. */
    std::future<std::string> terminate_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_terminate, request, cancel);
    }

    // Visibility and history

    /** tc_workflow_list: one page of executions; `{executions, next_page_token}` (see pages()). */
    std::future<std::string> list_workflows(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_list, request, cancel);
    }

    /** tc_workflow_count: counts executions; `{count, groups}`. */
    std::future<std::string> count_workflows(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_count, request, cancel);
    }

    /** tc_workflow_describe_task_queue: a task queue's recent pollers and stats; `{pollers, stats}`. */
    std::future<std::string> describe_task_queue(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_describe_task_queue, request, cancel);
    }

    /** tc_workflow_fetch_history: one page of a run's history; `{events, next_page_token}` (see pages()). */
    std::future<std::string> fetch_history(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_fetch_history, request, cancel);
    }

    /** tc_workflow_export_history: a run's whole history; `{events}`. */
    std::future<std::string> export_history(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_export_history, request, cancel);
    }

    // Updates

    /** tc_workflow_update: executes an update and waits for its outcome; `{update_id, result}`. */
    std::future<std::string> update_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_update, request, cancel);
    }

    /** tc_workflow_start_update: sends an update and waits for `wait_for_stage`; `{update_id}` (+ `result`). */
    std::future<std::string> start_update(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_start_update, request, cancel);
    }

    /** tc_workflow_update_result: waits for an update's outcome by id; `{update_id, result}`. */
    std::future<std::string> update_result(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_update_result, request, cancel);
    }

    /**
     * tc_workflow_update_with_start: starts a workflow (or uses the running
     * one) and updates it; `{workflow_id, run_id, started, update_id, result?}`.
     */
    std::future<std::string> update_with_start(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_update_with_start, request, cancel);
    }

    // Lifecycle

    /** tc_workflow_delete: deletes an execution and its history; `{}`. */
    std::future<std::string> delete_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_delete, request, cancel);
    }

    /** tc_workflow_pause: pauses a running workflow; `{}`. */
    std::future<std::string> pause_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_pause, request, cancel);
    }

    /** tc_workflow_unpause: resumes a paused workflow; `{}`. */
    std::future<std::string> unpause_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_unpause, request, cancel);
    }

    /** tc_workflow_reset: resets a run to a workflow task; `{run_id}` of the new run. */
    std::future<std::string> reset_workflow(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_reset, request, cancel);
    }

    // Durable Task operations

    /** tc_workflow_wait_for_start: waits until a worker started the run; its description. */
    std::future<std::string> wait_for_start(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_wait_for_start, request, cancel);
    }

    /** tc_workflow_wait_for_completion: waits for the close and reports how it ended, without raising. */
    std::future<std::string> wait_for_completion(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_wait_for_completion, request, cancel);
    }

    /** tc_workflow_query_instances: one page by filter; `{instances, next_page_token, continuation_token, query}` (see pages()). */
    std::future<std::string> query_instances(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_query_instances, request, cancel);
    }

    /** tc_workflow_purge_instances: deletes every workflow the filter matches; `{purged_count}`. */
    std::future<std::string> purge_instances(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_workflow_purge_instances, request, cancel);
    }

    // Schedules

    /** tc_schedule_create: creates a schedule; `{schedule_id, conflict_token}`. */
    std::future<std::string> create_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_create, request, cancel);
    }

    /** tc_schedule_describe: describes a schedule. */
    std::future<std::string> describe_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_describe, request, cancel);
    }

    /** tc_schedule_list: one page of schedules; `{schedules, next_page_token}` (see pages()). */
    std::future<std::string> list_schedules(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_list, request, cancel);
    }

    /** tc_schedule_update: replaces the given sections of a schedule; `{}`. */
    std::future<std::string> update_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_update, request, cancel);
    }

    /** tc_schedule_pause: pauses a schedule; `{}`. */
    std::future<std::string> pause_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_pause, request, cancel);
    }

    /** tc_schedule_unpause: unpauses a schedule; `{}`. */
    std::future<std::string> unpause_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_unpause, request, cancel);
    }

    /** tc_schedule_trigger: takes one action of a schedule now; `{}`. */
    std::future<std::string> trigger_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_trigger, request, cancel);
    }

    /** tc_schedule_backfill: takes the actions due in past ranges; `{}`. */
    std::future<std::string> backfill_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_backfill, request, cancel);
    }

    /** tc_schedule_delete: deletes a schedule; `{}`. */
    std::future<std::string> delete_schedule(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_schedule_delete, request, cancel);
    }

    // Asynchronous activity completion

    /** tc_activity_complete: completes an activity with `result`; `{}`. */
    std::future<std::string> complete_activity(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_activity_complete, request, cancel);
    }

    /** tc_activity_fail: fails an activity with `failure`; `{}`. */
    std::future<std::string> fail_activity(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_activity_fail, request, cancel);
    }

    /** tc_activity_heartbeat: records a heartbeat; `{cancel_requested, paused, reset}`. */
    std::future<std::string> heartbeat_activity(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_activity_heartbeat, request, cancel);
    }

    /** tc_activity_report_cancellation: reports that an activity stopped after a cancellation request; `{}`. */
    std::future<std::string> report_activity_cancellation(std::string_view request,
                                                          const Cancel *cancel = nullptr) const {
        return call(tc_activity_report_cancellation, request, cancel);
    }

    // The service

    /** tc_client_rpc: any unary WorkflowService, OperatorService or Health method as proto3 JSON. */
    std::future<std::string> rpc(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_client_rpc, request, cancel);
    }

    /** tc_client_system_info: the server's version and capabilities; `{server_version, capabilities}`. */
    std::future<std::string> system_info(std::string_view request, const Cancel *cancel = nullptr) const {
        return call(tc_client_system_info, request, cancel);
    }

private:
    std::unique_ptr<TcClient, detail::Deleter<TcClient, tc_client_free>> handle_;
    std::string info_;
};

namespace detail {

/** The TcClientCallback of Runtime::connect(): fulfils and frees the promise in `user_data`. */
inline void complete_connect(void *user_data, TcClient *handle, TcStatus status, const char *json,
                             std::size_t len) noexcept {
    std::unique_ptr<std::promise<Client>> promise(static_cast<std::promise<Client> *>(user_data));
    Client client(handle);  // owns the handle on every path below
    try {
        std::string text(json, len);
        if (status == TC_STATUS_OK) {
            promise->set_value(Client(client.release(), std::move(text)));
        } else {
            promise->set_exception(std::make_exception_ptr(Error(std::move(text))));
        }
    } catch (...) {
        fail(*promise, std::current_exception());
    }
}

}  // namespace detail

/**
 * A runtime (TcRuntime): the library threads every call runs on. Move-only;
 * the destructor shuts it down, completing every pending call with an Error
 * whose code() is "cancelled" before it returns. Do not destroy it inside a
 * completion (the library finishes the shutdown in the background then).
 */
class Runtime {
public:
    /**
     * Creates a runtime. `options` is the JSON of docs/JSON.md "Runtime
     * options" (empty means defaults). Throws Error on invalid options.
     */
    explicit Runtime(std::string_view options = std::string_view()) {
        TcRuntime *handle = nullptr;
        char *error = nullptr;
        const TcResult result = tc_runtime_new(options.data(), options.size(), &handle, &error);
        const std::unique_ptr<char, detail::Deleter<char, tc_string_free>> owned_error(error);
        if (result != TC_RESULT_OK) {
            throw Error(error ? error : R"({"code":"internal","message":"tc_runtime_new failed"})");
        }
        handle_.reset(handle);
    }

    /** The C handle (NULL after a move), still owned by this object. */
    TcRuntime *get() const noexcept { return handle_.get(); }

    /** Gives up ownership: returns the handle, to be freed with tc_runtime_free. */
    TcRuntime *release() noexcept { return handle_.release(); }

    /**
     * Connects a client. `options` is the JSON of docs/JSON.md "Connect"
     * (empty means `{}`); `cancel` is nullable. The future holds the Client
     * (its info() is the connect response) or an Error.
     */
    std::future<Client> connect(std::string_view options, const Cancel *cancel = nullptr) const {
        TcRuntime *runtime = get();
        const TcCancel *c = cancel ? cancel->get() : nullptr;
        return detail::launch<Client>([&](std::promise<Client> *promise) {
            return tc_client_connect(runtime, options.data(), options.size(), c, &detail::complete_connect,
                                     promise);
        });
    }

private:
    std::unique_ptr<TcRuntime, detail::Deleter<TcRuntime, tc_runtime_free>> handle_;
};

}  // namespace temporal_capi

#endif /* TEMPORAL_CAPI_HPP */
