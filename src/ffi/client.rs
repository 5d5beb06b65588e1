//! Client handles (`TcClient`): connect, free, live credential updates, and
//! the shared plumbing of every asynchronous client operation.

use super::{
    buffers,
    callback::{self, with_c_text, TcCallback, UserData},
    cancel::{self, TcCancel},
    ffi_boundary,
    handles::Registry,
    runtime::{self as ffi_runtime, TcRuntime},
    TcResult, TcStatus,
};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::model::{self, connect::ConnectOptions};
use crate::runtime::{Completer, Outcome, Runtime};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::{
    collections::HashMap,
    ffi::{c_char, c_void},
    future::Future,
    sync::Arc,
};

/// A client connected to one namespace of a Temporal server.
pub struct TcClient {
    _opaque: (),
}

/// The completion callback of `tc_client_connect`: like `TcCallback` plus
/// the new client (NULL unless `status` is `TC_STATUS_OK`). The caller owns
/// the client and frees it with `tc_client_free`.
pub type TcClientCallback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        client: *mut TcClient,
        status: TcStatus,
        json: *const c_char,
        json_len: usize,
    ),
>;

/// What a client handle refers to.
pub(crate) struct ClientEntry {
    runtime: Arc<Runtime>,
    client: Arc<Client>,
}

static CLIENTS: Registry<ClientEntry> = Registry::new();

/// Starts an asynchronous operation on a client handle.
///
/// Implements DESIGN rule 5 for every `tc_<object>_<verb>(client, json,
/// len, cancel, callback, user_data)` export: NULL client or callback ->
/// `TC_RESULT_NULL_ARGUMENT` and no callback; otherwise the callback fires
/// exactly once, synchronously for rejected input (returning the matching
/// code) or later with the operation's outcome. The request is parsed and
/// validated ([`model::Validate`]) before anything is spawned, so every
/// problem that needs no server is reported synchronously.
///
/// # Safety
/// `json` must point to `len` readable bytes or be NULL.
pub(crate) unsafe fn client_op<Req, F, Fut>(
    client: *const TcClient,
    json: *const c_char,
    len: usize,
    cancel: *const TcCancel,
    callback: TcCallback,
    user_data: *mut c_void,
    op: F,
) -> TcResult
where
    Req: DeserializeOwned + model::Validate,
    F: FnOnce(Arc<Client>, Req) -> Fut,
    Fut: Future<Output = Result<Value>> + Send + 'static,
{
    let Some(callback) = callback else {
        return TcResult::NullArgument;
    };
    if client.is_null() {
        return TcResult::NullArgument;
    }
    let done = callback::completer(callback, user_data);
    ffi_boundary!(TcResult::Panic, {
        let prepared = (|| {
            let entry = CLIENTS
                .get(client.addr())
                .ok_or_else(|| Error::closed("the TcClient handle was freed"))?;
            // SAFETY: the caller's contract.
            let bytes = unsafe { buffers::input(json, len) };
            let request: Req = model::parse_valid(bytes)?;
            let token = cancel::token(cancel)?;
            if entry.runtime.is_closed() {
                return Err(Error::closed("the runtime of this client has been freed"));
            }
            Ok((entry, request, token))
        })();
        match prepared {
            Ok((entry, request, token)) => {
                let fut = op(entry.client.clone(), request);
                entry
                    .runtime
                    .spawn(async move { fut.await.map(|v| v.to_string()) }, token, done);
                TcResult::Ok
            }
            Err(e) => {
                let code = TcResult::for_error(&e);
                done.complete(Err(e));
                code
            }
        }
    })
}

/// Connects a client.
///
/// `options_json` (nullable; NULL or length 0 means `{}`): see docs/JSON.md
/// (`address`, `namespace`, `identity`, `api_key`, `tls`, `headers`,
/// `secret_headers`, `keep_alive`, `retry`, `connect_timeout`, `lazy`,
/// `load`). The callback fires exactly once with the new client and
/// `{address, namespace, identity, system_info}`, or with NULL and an error
/// object. Options that can be checked locally (invalid headers:
/// `TC_RESULT_INVALID_ARGUMENT`; unusable TLS material or configuration:
/// `TC_RESULT_ERROR` with `config_error`) are rejected before this returns,
/// the callback having fired. Secrets never appear in errors. `cancel` is
/// nullable. NULL runtime or callback -> `TC_RESULT_NULL_ARGUMENT`, no
/// callback. A client keeps working after other clients are freed; it stops
/// (calls fail with `closed`) when its runtime is freed.
///
/// # Safety
/// `options_json` must point to `options_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_connect(
    runtime: *mut TcRuntime,
    options_json: *const c_char,
    options_len: usize,
    cancel: *const TcCancel,
    callback: TcClientCallback,
    user_data: *mut c_void,
) -> TcResult {
    let Some(callback) = callback else {
        return TcResult::NullArgument;
    };
    if runtime.is_null() {
        return TcResult::NullArgument;
    }
    let user_data = UserData(user_data);
    let done = Completer::new(move |outcome: Outcome<(Arc<ClientEntry>, String)>| {
        let user_data = user_data;
        let (handle, status, text) = match outcome {
            Ok((entry, text)) => {
                let id = CLIENTS.insert(entry);
                (std::ptr::without_provenance_mut(id), TcStatus::Ok, text)
            }
            Err(e) => {
                let (status, text) = callback::status_and_text(Err(e));
                (std::ptr::null_mut(), status, text)
            }
        };
        with_c_text(text, |ptr, len| {
            // SAFETY: the caller supplied a valid function pointer.
            unsafe { callback(user_data.0, handle, status, ptr, len) }
        });
    });
    ffi_boundary!(TcResult::Panic, {
        let prepared = (|| {
            let rt = ffi_runtime::lookup(runtime)
                .filter(|rt| !rt.is_closed())
                .ok_or_else(|| Error::closed("the TcRuntime handle was freed"))?;
            // SAFETY: the caller's contract.
            let bytes = unsafe { buffers::input(options_json, options_len) };
            // The options hold secrets: a parse error must not quote a value.
            let options: ConnectOptions = model::parse(bytes)
                .map_err(|e| e.map_message(crate::secrets::without_quoted_strings))?;
            let client = Arc::new(Client::new(&options)?);
            let token = cancel::token(cancel)?;
            Ok((rt, options.lazy, client, token))
        })();
        match prepared {
            Ok((rt, lazy, client, token)) => {
                let runtime = rt.clone();
                rt.spawn(
                    async move {
                        let info = client.describe_connection(lazy).await?;
                        Ok((Arc::new(ClientEntry { runtime, client }), info.to_string()))
                    },
                    token,
                    done,
                );
                TcResult::Ok
            }
            Err(e) => {
                let code = TcResult::for_error(&e);
                done.complete(Err(e));
                code
            }
        }
    })
}

/// Frees a client handle. Calls already in flight on it still complete.
/// NULL and already freed handles: no-op. Safe from inside a callback.
#[no_mangle]
pub extern "C" fn tc_client_free(client: *mut TcClient) {
    ffi_boundary!((), {
        CLIENTS.remove(client.addr());
    })
}

fn entry_of(client: *mut TcClient) -> std::result::Result<Arc<ClientEntry>, TcResult> {
    if client.is_null() {
        return Err(TcResult::NullArgument);
    }
    CLIENTS.get(client.addr()).ok_or(TcResult::Closed)
}

/// Replaces the API key sent as `authorization: Bearer <key>` by every later
/// call of this client. `api_key` NULL or length 0 removes it. Thread-safe.
/// Returns `TC_RESULT_NULL_ARGUMENT` for a NULL client,
/// `TC_RESULT_INVALID_ARGUMENT` (the key stays as it was) for invalid UTF-8
/// or a key that cannot be a header value (control characters),
/// `TC_RESULT_CLOSED` for a freed client.
///
/// # Safety
/// `api_key` must point to `api_key_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_update_api_key(
    client: *mut TcClient,
    api_key: *const c_char,
    api_key_len: usize,
) -> TcResult {
    ffi_boundary!(TcResult::Panic, {
        let entry = match entry_of(client) {
            Ok(e) => e,
            Err(code) => return code,
        };
        // SAFETY: the caller's contract.
        let applied = match unsafe { buffers::input_str(api_key, api_key_len, "api_key") } {
            Ok("") => entry.client.set_api_key(None),
            Ok(key) => entry.client.set_api_key(Some(key.to_owned())),
            Err(_) => return TcResult::InvalidArgument,
        };
        match applied {
            Ok(()) => TcResult::Ok,
            Err(_) => TcResult::InvalidArgument,
        }
    })
}

/// Replaces the gRPC headers sent by every later call of this client.
/// `headers_json` is an object of string values (NULL or length 0 means
/// `{}`, which removes them all). Returns `TC_RESULT_INVALID_ARGUMENT` for
/// malformed JSON or invalid header names/values, `TC_RESULT_NULL_ARGUMENT`
/// for a NULL client, `TC_RESULT_CLOSED` for a freed client.
///
/// # Safety
/// `headers_json` must point to `headers_len` readable bytes or be NULL.
#[no_mangle]
pub unsafe extern "C" fn tc_client_update_headers(
    client: *mut TcClient,
    headers_json: *const c_char,
    headers_len: usize,
) -> TcResult {
    ffi_boundary!(TcResult::Panic, {
        let entry = match entry_of(client) {
            Ok(e) => e,
            Err(code) => return code,
        };
        // SAFETY: the caller's contract.
        let bytes = unsafe { buffers::input(headers_json, headers_len) };
        let updated = model::parse::<HashMap<String, String>>(bytes)
            .and_then(|h| entry.client.set_headers(h));
        match updated {
            Ok(()) => TcResult::Ok,
            Err(e) => TcResult::for_error(&e),
        }
    })
}
