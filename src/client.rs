//! A connected (or lazily connecting) Temporal client.
//!
//! Wraps the official `temporalio-client` [`Connection`] (TLS, mTLS, API key,
//! headers, retries, keep-alive) with the namespace and identity every
//! operation needs. Cheap to share behind an `Arc`.

use crate::connect_checks;
use crate::convert::grpc_status;
use crate::envconfig;
use crate::error::{Error, ErrorCode, Result};
use crate::long_poll::{self, LongPolls};
use crate::model::connect::{BoolOr, ConnectOptions, GrpcCompression, KeepAliveSetting};
use crate::model::responses::{Capabilities, Connected, SystemInfo};
use crate::secrets::ClientSecrets;
use crate::tls::AnyHostNameVerifier;
use std::{
    collections::HashMap,
    future::Future,
    sync::{Arc, Mutex},
    time::Duration,
};
use temporalio_client::{
    grpc::{HealthService, OperatorService, WorkflowService},
    ClientKeepAliveOptions, Connection, ConnectionOptions, RetryOptions,
};
use temporalio_protos::temporal::api::workflowservice::v1::GetSystemInfoRequest;
use tokio::sync::OnceCell;

const DEFAULT_ADDRESS: &str = "127.0.0.1:7233";
const DEFAULT_NAMESPACE: &str = "default";

/// A client bound to one namespace.
pub struct Client {
    options: Mutex<ConnectionOptions>,
    connection: OnceCell<Connection>,
    namespace: String,
    identity: String,
    address: String,
    connect_timeout: Option<Duration>,
    long_polls: LongPolls,
    secrets: Mutex<ClientSecrets>,
}

impl Client {
    /// Builds a client from connect options. Nothing is contacted yet, but
    /// everything that can be checked locally is: headers
    /// (`invalid_argument`), TLS material and the loaded profile
    /// (`config_error`). The client's secrets stay registered for scrubbing
    /// ([`crate::secrets`]) while it lives.
    pub fn new(options: &ConnectOptions) -> Result<Self> {
        let max_long_polls = options
            .max_long_polls
            .unwrap_or(long_poll::DEFAULT_MAX_LONG_POLLS);
        long_poll::check_budget(max_long_polls)?;
        let mut profile = envconfig::resolve(options)?;
        let secrets = connect_checks::prepare(options, &mut profile)?;
        if let Some(key) = &profile.api_key {
            check_api_key(key)?;
        }
        let any_host_name = profile
            .tls
            .as_ref()
            .is_some_and(|t| t.disable_host_verification && t.disabled != Some(true));
        let address = profile
            .address
            .get_or_insert_with(|| DEFAULT_ADDRESS.to_owned())
            .clone();
        let namespace = profile
            .namespace
            .clone()
            .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned());
        let mut conn = ConnectionOptions::try_from(profile)
            .map_err(|e| Error::new(ErrorCode::ConfigError, e.to_string()))?;
        if any_host_name {
            if let Some(tls) = conn.tls_options.as_mut() {
                let ca = tls.server_root_ca_cert.take();
                tls.server_cert_verifier = Some(Arc::new(AnyHostNameVerifier::new(ca.as_deref())?));
            }
        }
        let identity = options.identity.clone().unwrap_or_else(default_identity);
        conn.identity = identity.clone();
        conn.connect_timeout = options.connect_timeout.map(|d| d.0);
        conn.grpc_compression = match options.grpc_compression {
            None | Some(GrpcCompression::Gzip) => temporalio_client::GrpcCompression::Gzip,
            Some(GrpcCompression::None) => temporalio_client::GrpcCompression::None,
        };
        conn.keep_alive = match &options.keep_alive {
            None | Some(KeepAliveSetting::Enabled(true)) => Some(ClientKeepAliveOptions::default()),
            Some(KeepAliveSetting::Enabled(false)) => None,
            Some(KeepAliveSetting::Config(k)) => {
                let mut ka = ClientKeepAliveOptions::default();
                if let Some(i) = k.interval {
                    ka.interval = i.0;
                }
                if let Some(t) = k.timeout {
                    ka.timeout = t.0;
                }
                Some(ka)
            }
        };
        match &options.retry {
            None | Some(BoolOr::Enabled(true)) => {}
            Some(BoolOr::Enabled(false)) => conn.retry_options = RetryOptions::no_retries(),
            Some(BoolOr::Config(r)) => {
                let mut retry = RetryOptions::default();
                if let Some(v) = r.initial_interval {
                    retry.initial_interval = v.0;
                }
                if let Some(v) = r.multiplier {
                    retry.multiplier = v;
                }
                if let Some(v) = r.max_interval {
                    retry.max_interval = v.0;
                }
                if let Some(v) = r.max_elapsed {
                    retry.max_elapsed_time = Some(v.0);
                }
                match r.max_retries {
                    // The official client reads 0 as "unlimited"; ours means "none".
                    Some(0) => retry = RetryOptions::no_retries(),
                    Some(v) => retry.max_retries = v,
                    None => {}
                }
                conn.retry_options = retry;
            }
        }
        Ok(Client {
            options: Mutex::new(conn),
            connection: OnceCell::new(),
            namespace,
            identity,
            address,
            connect_timeout: options.connect_timeout.map(|d| d.0),
            long_polls: LongPolls::new(max_long_polls),
            secrets: Mutex::new(secrets),
        })
    }

    /// The namespace every operation targets.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The identity sent with every operation.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The long-poll budget and shared waits of this client.
    pub fn long_polls(&self) -> &LongPolls {
        &self.long_polls
    }

    /// Connects now if not yet connected; concurrent callers share one
    /// attempt. `connect_timeout` bounds the whole attempt (TCP, TLS and the
    /// first RPC), also when a lazy client connects on its first call.
    pub async fn connection(&self) -> Result<&Connection> {
        // The connect future is large (TLS, HTTP/2, the official client's
        // setup): boxed, and only built on the first call, it stays out of
        // the state of every operation that asks for the connection.
        if let Some(connection) = self.connection.get() {
            return Ok(connection);
        }
        Box::pin(self.connection.get_or_try_init(|| async {
            let connection = self
                .within_connect_timeout(async {
                    Connection::connect(self.current_options())
                        .await
                        .map_err(|e| self.connect_error(e))
                })
                .await?;
            // Apply updates made while the connection was being established.
            let latest = self.current_options();
            connection.set_api_key(latest.api_key);
            connection
                .set_headers(latest.headers.unwrap_or_default())
                .map_err(|e| Error::invalid(format!("invalid header: {e}")))?;
            Ok(connection)
        }))
        .await
    }

    /// The WorkflowService through the official client's retrying `call`:
    /// retryable codes are retried with the connection's backoff policy
    /// (the connect option `retry`), and history waits are marked as long
    /// polls. (`Connection::workflow_service()` would be the raw stub,
    /// which skips every retry.)
    pub async fn workflow_service(&self) -> Result<Box<dyn WorkflowService>> {
        Ok(Box::new(self.connection().await?.clone()))
    }

    /// The OperatorService, retrying like [`Client::workflow_service`].
    pub async fn operator_service(&self) -> Result<Box<dyn OperatorService>> {
        Ok(Box::new(self.connection().await?.clone()))
    }

    /// The gRPC health service, retrying like [`Client::workflow_service`].
    pub async fn health_service(&self) -> Result<Box<dyn HealthService>> {
        Ok(Box::new(self.connection().await?.clone()))
    }

    /// The server's version and capabilities (`GetSystemInfo`).
    pub async fn system_info(&self) -> Result<SystemInfo> {
        let mut svc = self.workflow_service().await?;
        let info = svc
            .get_system_info(tonic::Request::new(GetSystemInfoRequest::default()))
            .await
            .map_err(|s| grpc_status::to_error(&s))?
            .into_inner();
        Ok(SystemInfo {
            server_version: info.server_version,
            capabilities: info.capabilities.map(|c| Capabilities {
                signal_and_query_header: c.signal_and_query_header,
                internal_error_differentiation: c.internal_error_differentiation,
                activity_failure_include_heartbeat: c.activity_failure_include_heartbeat,
                supports_schedules: c.supports_schedules,
                encoded_failure_attributes: c.encoded_failure_attributes,
                build_id_based_versioning: c.build_id_based_versioning,
                upsert_memo: c.upsert_memo,
                eager_workflow_start: c.eager_workflow_start,
                sdk_metadata: c.sdk_metadata,
                count_group_by_execution_status: c.count_group_by_execution_status,
                nexus: c.nexus,
            }),
        })
    }

    /// The success response of connect: address, namespace, identity and,
    /// when connected, the server's system info. Unless `lazy`, connecting
    /// and reading the system info together are bounded by `connect_timeout`.
    pub async fn describe_connection(&self, lazy: bool) -> Result<Connected> {
        let system_info = if lazy {
            None
        } else {
            Some(self.within_connect_timeout(self.system_info()).await?)
        };
        Ok(Connected {
            address: self.address.clone(),
            namespace: self.namespace.clone(),
            identity: self.identity.clone(),
            system_info,
        })
    }

    /// Replaces the API key (`None` removes it) for every later call,
    /// whether or not the client has connected yet. `invalid_argument`
    /// (nothing changes) for a key that cannot be a header value.
    pub fn set_api_key(&self, key: Option<String>) -> Result<()> {
        if let Some(k) = &key {
            check_api_key(k)?;
        }
        self.lock_secrets().set_api_key(key.as_deref());
        self.lock_options().api_key = key.clone();
        if let Some(c) = self.connection.get() {
            c.set_api_key(key);
        }
        Ok(())
    }

    /// Replaces the user gRPC headers for every later call.
    /// `invalid_argument` (nothing changes), with `key` naming the header,
    /// for a name or value that is not valid gRPC metadata.
    pub fn set_headers(&self, headers: HashMap<String, String>) -> Result<()> {
        connect_checks::check_headers(&headers, |name, what| {
            Error::invalid(format!("header {name:?} has an invalid {what}")).with("key", name)
        })?;
        self.lock_secrets().set_headers(&headers);
        if let Some(c) = self.connection.get() {
            c.set_headers(headers.clone())
                .map_err(|e| Error::invalid(format!("invalid header: {e}")))?;
        }
        self.lock_options().headers = Some(headers);
        Ok(())
    }

    /// Runs `attempt`, failing with `connection_failed` once `connect_timeout`
    /// (if set) has passed.
    async fn within_connect_timeout<T>(
        &self,
        attempt: impl Future<Output = Result<T>>,
    ) -> Result<T> {
        let Some(limit) = self.connect_timeout else {
            return attempt.await;
        };
        tokio::time::timeout(limit, attempt)
            .await
            .unwrap_or_else(|_| {
                Err(self.connect_error(format!(
                    "no answer within connect_timeout ({} s)",
                    limit.as_secs_f64()
                )))
            })
    }

    fn connect_error(&self, cause: impl std::fmt::Display) -> Error {
        Error::new(
            ErrorCode::ConnectionFailed,
            format!("cannot connect to {}: {cause}", self.address),
        )
        .with("address", self.address.clone())
    }

    fn current_options(&self) -> ConnectionOptions {
        self.lock_options().clone()
    }

    fn lock_secrets(&self) -> std::sync::MutexGuard<'_, ClientSecrets> {
        self.secrets.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn lock_options(&self) -> std::sync::MutexGuard<'_, ConnectionOptions> {
        self.options.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The official client silently sends no `authorization` header for a key
/// that does not parse as a header value (control characters other than
/// tab), so such keys are refused up front, by the same parse.
fn check_api_key(key: &str) -> Result<()> {
    format!("Bearer {key}")
        .parse::<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>()
        .map(drop)
        .map_err(|_| {
            Error::invalid(
                "api_key must not contain control characters (it is sent as a gRPC header)",
            )
            .with("key", "api_key")
        })
}

/// `pid@hostname`, like the official SDKs.
fn default_identity() -> String {
    format!(
        "{}@{}",
        std::process::id(),
        gethostname::gethostname().to_string_lossy()
    )
}
