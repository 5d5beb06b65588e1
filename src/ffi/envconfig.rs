//! `tc_envconfig_load`: resolve environment configuration without connecting.

use super::{buffers, ffi_boundary, TcResult};
use crate::envconfig::{self, EnvConfigRequest};
use crate::model;
use std::ffi::c_char;

/// Loads a Temporal environment-configuration profile (TOML file and
/// `TEMPORAL_*` variables) and returns it in the connect options' JSON shape.
///
/// `options_json` (nullable; NULL or length 0 means `{}`): `profile`,
/// `config_file`, `config_data`, `disable_file`, `disable_env`, `strict`,
/// `env`, `all_profiles` (see docs/JSON.md). On success writes the profile
/// JSON to `*json_out`; on failure writes the error object there (code
/// `config_error` or `invalid_argument`). Either way free it with
/// `tc_string_free`. `json_len_out` is nullable. `json_out` NULL ->
/// `TC_RESULT_NULL_ARGUMENT`. Synchronous and thread-safe.
///
/// # Safety
/// `options_json` must point to `options_len` readable bytes or be NULL;
/// `json_out` and `json_len_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn tc_envconfig_load(
    options_json: *const c_char,
    options_len: usize,
    json_out: *mut *mut c_char,
    json_len_out: *mut usize,
) -> TcResult {
    if json_out.is_null() {
        return TcResult::NullArgument;
    }
    ffi_boundary!(TcResult::Panic, {
        // SAFETY: the caller's contract.
        let bytes = unsafe { buffers::input(options_json, options_len) };
        // The options may hold secrets: a parse error must not quote a value.
        let loaded = model::parse::<EnvConfigRequest>(bytes)
            .map_err(|e| e.map_message(crate::secrets::without_quoted_strings))
            .and_then(|r| envconfig::load(&r));
        let (code, text) = match loaded {
            Ok(v) => (TcResult::Ok, v.to_string()),
            Err(e) => (TcResult::for_error(&e), e.to_json_string()),
        };
        // SAFETY: `json_out` checked non-NULL; the caller's contract.
        unsafe { buffers::write_out(text, json_out, json_len_out) };
        code
    })
}
