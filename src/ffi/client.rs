//! Client handles (`TcClient`): connect, free, live credential updates, and
//! the shared plumbing of every asynchronous client operation.

use super::{
    buffers,
    callback::{self, with_c_text, TcCallback, UserData},
    cancel::{self, TcCancel},
    ffi_boundary,
    runtime::{self as ffi_runtime, TcRuntime},
    sync_error::{self, SyncError},
    TcResult, TcStatus,
};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::model::{self, connect::ConnectOptions};
use crate::registry::Registry;
use crate::runtime::{Completer, Outcome, Runtime};
use serde::{de::DeserializeOwned, Serialize};
use std::{
    collections::HashMap,
    ffi::{c_char, c_void},
    future::Future,
    sync::Arc,
};
use tokio_util::sync::CancellationToken;

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
pub(crate) unsafe fn client_op<Req, F, Fut, Resp>(
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
    Fut: Future<Output = Result<Resp>> + Send + 'static,
    Resp: Serialize,
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
            let fut = op(entry.client.clone(), request);
            let run = async move { fut.await.and_then(|r| model::to_json(&r)) };
            Ok((entry.runtime.clone(), run, token))
        })();
        launch(prepared, done)
    })
}

/// Spawns a prepared operation on its runtime, or, when preparing it
/// failed, completes `done` with the error at once. Returns the result code
/// that names the outcome so far.
fn launch<T, F>(
    prepared: Result<(Arc<Runtime>, F, Option<CancellationToken>)>,
    done: Completer<T>,
) -> TcResult
where
    T: Send + 'static,
    F: Future<Output = Outcome<T>> + Send + 'static,
{
    match prepared {
        Ok((runtime, run, token)) => {
            runtime.spawn(run, token, done);
            TcResult::Ok
        }
        Err(e) => {
            let code = TcResult::for_error(&e);
            done.complete(Err(e));
            code
        }
    }
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
            let (runtime, lazy) = (rt.clone(), options.lazy);
            let run = async move {
                let info = client.describe_connection(lazy).await?;
                Ok((
                    Arc::new(ClientEntry { runtime, client }),
                    model::to_json(&info)?,
                ))
            };
            Ok((rt, run, token))
        })();
        launch(prepared, done)
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

/// The live entry behind a client handle, for a synchronous export.
fn entry_of(client: *mut TcClient) -> std::result::Result<Arc<ClientEntry>, SyncError> {
    if client.is_null() {
        return Err(SyncError::null("client"));
    }
    CLIENTS
        .get(client.addr())
        .ok_or_else(|| Error::closed("the TcClient handle was freed").into())
}

/// Replaces the API key sent as `authorization: Bearer <key>` by every later
/// call of this client. `api_key` NULL or length 0 removes it. Thread-safe.
/// Fails (the key stays as it was) with `TC_RESULT_NULL_ARGUMENT` for a
/// NULL client, `TC_RESULT_INVALID_ARGUMENT` for invalid UTF-8 or a key that
/// cannot be a header value (control characters), `TC_RESULT_CLOSED` for a
/// freed client; the error object then goes to `*error_json_out` unless it
/// is NULL (see docs/ABI.md, "Synchronous errors").
///
/// # Safety
/// `api_key` must point to `api_key_len` readable bytes or be NULL;
/// `error_json_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn tc_client_update_api_key(
    client: *mut TcClient,
    api_key: *const c_char,
    api_key_len: usize,
    error_json_out: *mut *mut c_char,
) -> TcResult {
    let body = || {
        let entry = entry_of(client)?;
        // SAFETY: the caller's contract.
        let key = unsafe { buffers::input_str(api_key, api_key_len, "api_key") }?;
        let key = (!key.is_empty()).then(|| key.to_owned());
        Ok(entry.client.set_api_key(key)?)
    };
    // SAFETY: `error_json_out` is NULL or writable by the caller's contract.
    unsafe { sync_error::run(error_json_out, body) }
}

/// Replaces the gRPC headers sent by every later call of this client.
/// `headers_json` is an object of string values (NULL or length 0 means
/// `{}`, which removes them all). Fails (the headers stay as they were) with
/// `TC_RESULT_INVALID_ARGUMENT` for malformed JSON or invalid header
/// names/values, `TC_RESULT_NULL_ARGUMENT` for a NULL client,
/// `TC_RESULT_CLOSED` for a freed client; the error object then goes to
/// `*error_json_out` unless it is NULL.
///
/// # Safety
/// `headers_json` must point to `headers_len` readable bytes or be NULL;
/// `error_json_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn tc_client_update_headers(
    client: *mut TcClient,
    headers_json: *const c_char,
    headers_len: usize,
    error_json_out: *mut *mut c_char,
) -> TcResult {
    let body = || {
        let entry = entry_of(client)?;
        // SAFETY: the caller's contract.
        let bytes = unsafe { buffers::input(headers_json, headers_len) };
        let headers = model::parse::<HashMap<String, String>>(bytes)?;
        Ok(entry.client.set_headers(headers)?)
    };
    // SAFETY: `error_json_out` is NULL or writable by the caller's contract.
    unsafe { sync_error::run(error_json_out, body) }
}
