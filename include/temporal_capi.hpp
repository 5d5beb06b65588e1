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
 *     std::future<std::string> holding the JSON response.
 *   - Runtime::connect(): a std::future<Client>.
 *
 *   temporal_capi::Runtime runtime;
 *   temporal_capi::Client client = runtime.connect(R"({"address": "127.0.0.1:7233"})").get();
 *   std::string started = client.call(tc_workflow_start, request).get();
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

/**
 * The string member `key` of the JSON object `json` (top level only), or ""
 * when it is absent, not a string, or `json` is not an object.
 */
inline std::string string_member(std::string_view json, std::string_view key) {
    constexpr std::size_t npos = std::string_view::npos;
    std::size_t i = skip_space(json, 0);
    if (i >= json.size() || json[i] != '{') return std::string();
    i = skip_space(json, i + 1);
    while (i < json.size() && json[i] == '"') {
        std::string name;
        i = read_string(json, i, &name);
        if (i == npos) break;
        i = skip_space(json, i);
        if (i >= json.size() || json[i] != ':') break;
        i = skip_space(json, i + 1);
        if (name == key) {
            std::string value;
            return read_string(json, i, &value) == npos ? std::string() : value;
        }
        i = skip_value(json, i);
        if (i == npos) break;
        i = skip_space(json, i);
        if (i >= json.size() || json[i] != ',') break;
        i = skip_space(json, i + 1);
    }
    return std::string();
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
 * A connected client (TcClient). Move-only; the destructor frees the handle
 * (calls in flight still complete). Thread-safe: calls may be made from
 * any thread.
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
