//! `tc_envconfig_load`: resolve environment configuration without connecting.

use super::{
    buffers,
    sync_error::{self, SyncError},
    TcResult,
};
use crate::envconfig::{self, EnvConfigRequest};
use crate::model;
use std::ffi::c_char;

/// Loads a Temporal environment-configuration profile (TOML file and
/// `TEMPORAL_*` variables) and returns it in the connect options' JSON shape.
///
/// `options_json` (nullable; NULL or length 0 means `{}`): `profile`,
/// `config_file`, `config_data`, `disable_file`, `disable_env`, `strict`,
/// `env`, `all_profiles` (see docs/JSON.md). On success writes the profile
/// JSON to `*json_out` (free it with `tc_string_free`) and its length to
/// `*json_len_out` (nullable). On failure (`config_error` or
/// `invalid_argument`) writes nothing there and, when `error_json_out` is
/// not NULL, the error object to `*error_json_out`. `json_out` NULL ->
/// `TC_RESULT_NULL_ARGUMENT`. Synchronous and thread-safe.
///
/// # Safety
/// `options_json` must point to `options_len` readable bytes or be NULL;
/// `json_out`, `json_len_out` and `error_json_out` must be NULL or valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn tc_envconfig_load(
    options_json: *const c_char,
    options_len: usize,
    json_out: *mut *mut c_char,
    json_len_out: *mut usize,
    error_json_out: *mut *mut c_char,
) -> TcResult {
    let body = || {
        if json_out.is_null() {
            return Err(SyncError::null("json_out"));
        }
        // SAFETY: the caller's contract.
        let bytes = unsafe { buffers::input(options_json, options_len) };
        // The options may hold secrets: a parse error must not quote a value.
        let profile = model::parse::<EnvConfigRequest>(bytes)
            .map_err(|e| e.map_message(crate::secrets::without_quoted_strings))
            .and_then(|r| envconfig::load(&r))?;
        // SAFETY: `json_out` checked non-NULL; the caller's contract.
        unsafe { buffers::write_out(profile.to_string(), json_out, json_len_out) };
        Ok(())
    };
    // SAFETY: `error_json_out` is NULL or writable by the caller's contract.
    unsafe { sync_error::run(error_json_out, body) }
}
