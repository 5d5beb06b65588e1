//! TLS and mTLS for real: a TLS-terminating proxy (tests/harness/tls_proxy.py)
//! in front of the dev server, with a test CA, a server certificate for
//! `tc-test.internal` (not the loopback address the client dials) and a
//! client certificate, all made by the `openssl` command line tool.

mod common;

use common::*;
use serde_json::{json, Value};
use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};
use temporal_capi::ffi::{
    client::tc_client_free, exports::tc_workflow_describe, runtime::tc_runtime_free,
};

const SERVER_NAME: &str = "tc-test.internal";

/// Files of the test PKI: a trusted CA, an unrelated CA, a server and a client certificate.
struct Pki {
    dir: PathBuf,
}

impl Pki {
    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    fn pem(&self, name: &str) -> String {
        fs::read_to_string(self.dir.join(name)).unwrap()
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl (apt-get install openssl)");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn new_ca(dir: &Path, name: &str) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            &format!("/CN={name}"),
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.pem"),
        ],
    );
}

fn new_leaf(dir: &Path, name: &str, extensions: &str) {
    fs::write(dir.join(format!("{name}.ext")), extensions).unwrap();
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-subj",
            &format!("/CN={name}"),
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.csr"),
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{name}.csr"),
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            &format!("{name}.ext"),
            "-out",
            &format!("{name}.pem"),
        ],
    );
}

impl Pki {
    /// Makes a fresh PKI in a temporary directory, removed on drop.
    fn new() -> Pki {
        let dir = std::env::temp_dir().join(unique_id("tc-tls"));
        fs::create_dir_all(&dir).unwrap();
        new_ca(&dir, "ca");
        new_ca(&dir, "other-ca");
        new_leaf(
            &dir,
            "server",
            &format!("basicConstraints=CA:FALSE\nsubjectAltName=DNS:{SERVER_NAME}\nextendedKeyUsage=serverAuth\n"),
        );
        new_leaf(
            &dir,
            "client",
            "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n",
        );
        Pki { dir }
    }
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The TLS proxy with the PKI's server certificate, requiring a client
/// certificate signed by the test CA when `require_client_cert`.
fn tls_proxy(pki: &Pki, require_client_cert: bool) -> Proxy {
    let (cert, key, ca) = (
        pki.path("server.pem"),
        pki.path("server.key"),
        pki.path("ca.pem"),
    );
    let mut args = vec!["--cert", cert.as_str(), "--key", key.as_str()];
    if require_client_cert {
        args.extend(["--client-ca", ca.as_str()]);
    }
    Proxy::start("tls_proxy.py", &args)
}

/// Connects through `proxy` with `tls` (no retries).
fn connect_through(proxy: &Proxy, tls: Value) -> Result<(), Value> {
    connect_and_call(json!({
        "address": proxy.address, "namespace": env().namespace, "tls": tls,
        "connect_timeout": "10s", "retry": {"max_retries": 0},
    }))
}

/// Connects with `options`; on success, proves an RPC makes the round trip
/// (an unknown workflow is `not_found`) and returns `Ok(())`; otherwise
/// returns the connect error.
fn connect_and_call(options: Value) -> Result<(), Value> {
    let runtime = new_runtime();
    let (client, reply) = connect_with(runtime, &options);
    let outcome = if client.is_null() {
        Err(reply.json)
    } else {
        let info = reply.ok();
        assert!(info["system_info"]["server_version"].is_string(), "{info}");
        call(
            tc_workflow_describe,
            client,
            &json!({"workflow_id": unique_id("tls")}),
        )
        .err("not_found");
        Ok(())
    };
    tc_client_free(client);
    tc_runtime_free(runtime);
    outcome
}

fn assert_refused(outcome: Result<(), Value>) -> Value {
    let error = outcome.expect_err("the TLS handshake must be refused");
    assert_eq!(error["code"], "connection_failed", "{error}");
    error
}

#[test]
fn the_server_ca_and_name_give_a_working_tls_connection() {
    let pki = Pki::new();
    let proxy = tls_proxy(&pki, false);
    connect_through(
        &proxy,
        json!({"server_ca_cert": pki.pem("ca.pem"), "server_name": SERVER_NAME}),
    )
    .unwrap();
    connect_through(
        &proxy,
        json!({"server_ca_cert_path": pki.path("ca.pem"), "server_name": SERVER_NAME}),
    )
    .unwrap();
}

#[test]
fn a_certificate_for_another_host_name_is_refused() {
    let pki = Pki::new();
    let proxy = tls_proxy(&pki, false);
    let error = assert_refused(connect_through(
        &proxy,
        json!({"server_ca_cert": pki.pem("ca.pem")}),
    ));
    assert_eq!(error["address"], proxy.address);
}

#[test]
fn an_untrusted_ca_is_refused() {
    let pki = Pki::new();
    let proxy = tls_proxy(&pki, false);
    assert_refused(connect_through(
        &proxy,
        json!({"server_ca_cert": pki.pem("other-ca.pem"), "server_name": SERVER_NAME}),
    ));
}

#[test]
fn disable_host_verification_accepts_another_host_name_but_checks_the_chain() {
    let pki = Pki::new();
    let proxy = tls_proxy(&pki, false);
    connect_through(
        &proxy,
        json!({"server_ca_cert": pki.pem("ca.pem"), "disable_host_verification": true}),
    )
    .unwrap();
    connect_through(
        &proxy,
        json!({"server_ca_cert_path": pki.path("ca.pem"), "disable_host_verification": true}),
    )
    .unwrap();
    assert_refused(connect_through(
        &proxy,
        json!({"server_ca_cert": pki.pem("other-ca.pem"), "disable_host_verification": true}),
    ));
    // Without a CA the system roots are used, which do not know the test CA.
    assert_refused(connect_through(
        &proxy,
        json!({"disable_host_verification": true}),
    ));
}

#[test]
fn disable_host_verification_from_a_toml_profile() {
    let pki = Pki::new();
    let proxy = tls_proxy(&pki, false);
    let config = format!(
        "[profile.default]\naddress = \"{}\"\nnamespace = \"{}\"\n\n[profile.default.tls]\nserver_ca_cert_path = \"{}\"\ndisable_host_verification = true\n",
        proxy.address,
        env().namespace,
        pki.path("ca.pem")
    );
    connect_and_call(
        json!({"load": {"config_data": config, "disable_env": true}, "retry": {"max_retries": 0}}),
    )
    .unwrap();
}

#[test]
fn mutual_tls_needs_the_client_certificate() {
    let pki = Pki::new();
    let proxy = tls_proxy(&pki, true);
    let server = json!({"server_ca_cert": pki.pem("ca.pem"), "server_name": SERVER_NAME});
    assert!(connect_through(&proxy, server.clone()).is_err());
    let mut with_pem = server.clone();
    with_pem["client_cert"] = json!(pki.pem("client.pem"));
    with_pem["client_key"] = json!(pki.pem("client.key"));
    connect_through(&proxy, with_pem).unwrap();
    let mut with_paths = server;
    with_paths["client_cert_path"] = json!(pki.path("client.pem"));
    with_paths["client_key_path"] = json!(pki.path("client.key"));
    connect_through(&proxy, with_paths).unwrap();
}

#[test]
fn disable_host_verification_without_a_usable_ca_is_a_config_error() {
    let runtime = new_runtime();
    let (client, reply) = connect_with(
        runtime,
        &json!({"address": env().address, "tls": {"server_ca_cert": "not PEM", "disable_host_verification": true}}),
    );
    assert!(client.is_null());
    let error = reply.err("config_error");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("CA certificate"),
        "{error}"
    );
    tc_runtime_free(runtime);
}
