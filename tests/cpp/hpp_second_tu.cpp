// A second translation unit using all of include/temporal_capi.hpp, linked
// with hpp_checks.cpp: a header definition that is not inline would be
// defined twice and fail the link.
#include <temporal_capi.hpp>

#include <string>

/// Connects with `connect_options` on a fresh runtime and describes
/// `workflow_id` (with a cancel handle that is never used); returns "ok" or
/// the error code.
std::string second_tu_describe_code(const std::string &connect_options, const std::string &workflow_id) {
    const temporal_capi::Runtime runtime;
    const temporal_capi::Client client = runtime.connect(connect_options).get();
    const temporal_capi::Cancel unused;
    try {
        client.call(tc_workflow_describe, R"({"workflow_id": ")" + workflow_id + R"("})", &unused).get();
        return "ok";
    } catch (const temporal_capi::Error &e) {
        return e.code();
    }
}
