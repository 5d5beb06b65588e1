"""Connecting, environment configuration and live credential rotation."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import closed_port, run, unique

from temporal_capi import (
    Client,
    ClientConfig,
    ClosedError,
    ConfigError,
    ConnectionFailedError,
    InvalidArgumentError,
    KeepAliveConfig,
    RetryConfig,
    RPCError,
    RPCStatusCode,
    TLSConfig,
    sync,
)


def test_connect_reports_address_namespace_identity_and_server(env) -> None:
    client = run(
        Client.connect(
            env.address,
            namespace=env.namespace,
            identity="py-test@here",
            rpc_metadata={"x-team": "tests"},
            keep_alive=KeepAliveConfig(interval=20, timeout=5),
            retry=RetryConfig(max_retries=3),
            connect_timeout=5,
        )
    )
    assert client.target_host == env.address
    assert client.namespace == env.namespace
    assert client.identity == "py-test@here"
    assert client.system_info and client.system_info["server_version"]
    assert client.rpc_metadata == {"x-team": "tests"}


def test_unreachable_server_raises_connection_failed() -> None:
    with pytest.raises(ConnectionFailedError) as raised:
        run(Client.connect(f"127.0.0.1:{closed_port()}", retry=RetryConfig(max_retries=0), connect_timeout=2))
    assert isinstance(raised.value, RPCError)
    assert raised.value.status is RPCStatusCode.UNAVAILABLE


def test_lazy_client_connects_on_first_call(env, task_queue: str) -> None:
    client = run(Client.connect(env.address, lazy=True))
    assert client.system_info is None
    assert run(client.execute_workflow("Echo", 5, id=unique("lazy"), task_queue=task_queue)) == 5


def test_api_key_and_rpc_metadata_can_be_rotated(env, task_queue: str) -> None:
    client = run(Client.connect(env.address, api_key="first", tls=False))
    assert client.api_key == "first"
    client.api_key = "second"
    client.rpc_metadata = {"x-tenant": "a"}
    assert client.api_key == "second" and client.rpc_metadata == {"x-tenant": "a"}
    assert run(client.execute_workflow("Echo", "ok", id=unique("rotate"), task_queue=task_queue)) == "ok"
    client.api_key = None
    assert client.api_key is None
    with pytest.raises(InvalidArgumentError):
        client.api_key = "line\nbreak"
    assert client.api_key is None
    with pytest.raises(InvalidArgumentError):
        client.rpc_metadata = {"bad": 1}  # type: ignore[dict-item]
    client.close()
    with pytest.raises(ClosedError):
        client.api_key = "third"


def test_tls_config_reaches_the_library() -> None:
    with pytest.raises(ConnectionFailedError) as raised:
        run(Client.connect(f"127.0.0.1:{closed_port()}", tls=TLSConfig(domain="example"), connect_timeout=1,
                           retry=RetryConfig(max_retries=0)))
    assert raised.value.code == "connection_failed"
    with pytest.raises(ConfigError):
        run(Client.connect("127.0.0.1:1", tls=TLSConfig(server_root_ca_cert_path="/nonexistent/ca.pem")))
    with pytest.raises(ConfigError, match="CA certificate"):
        run(Client.connect("127.0.0.1:1", tls=TLSConfig(server_root_ca_cert="not PEM", disable_host_verification=True)))


def test_disable_host_verification_round_trips_through_a_profile() -> None:
    tls = TLSConfig.from_json({"server_name": "x", "disable_host_verification": True})
    assert tls.disable_host_verification
    assert tls.to_json() == {"server_name": "x", "disable_host_verification": True}
    assert "disable_host_verification" not in TLSConfig(domain="x").to_json()


def _profile_file(tmp_path: Path, address: str) -> Path:
    path = tmp_path / "temporal.toml"
    path.write_text(
        f"""
[profile.default]
address = "127.0.0.1:1"

[profile.dev]
address = "{address}"
namespace = "default"
[profile.dev.grpc_meta]
x-from-file = "yes"

[profile.cloud]
address = "example.tmprl.cloud:7233"
namespace = "ns.acct"
api_key = "secret"
"""
    )
    return path


def test_client_config_load_reads_profiles_and_environment(env, tmp_path: Path) -> None:
    path = _profile_file(tmp_path, env.address)
    dev = ClientConfig.load("dev", str(path), env={})
    assert dev == {"target_host": env.address, "namespace": "default", "rpc_metadata": {"x-from-file": "yes"}}
    cloud = ClientConfig.load("cloud", str(path), env={})
    assert cloud == {"target_host": "example.tmprl.cloud:7233", "namespace": "ns.acct", "api_key": "secret"}
    overridden = ClientConfig.load("dev", str(path), env={"TEMPORAL_NAMESPACE": "from-env"})
    assert overridden["namespace"] == "from-env"
    from_env = ClientConfig.load(env={"TEMPORAL_CONFIG_FILE": str(path), "TEMPORAL_PROFILE": "cloud"})
    assert from_env["target_host"] == "example.tmprl.cloud:7233"
    inline = ClientConfig.load(config_data='[profile.default]\naddress = "h:1"\n', env={})
    assert inline == {"target_host": "h:1"}
    with pytest.raises(ConfigError):
        ClientConfig.load("missing", str(path), env={})


def test_connect_with_a_profile_and_explicit_override(env, tmp_path: Path, task_queue: str) -> None:
    path = _profile_file(tmp_path, env.address)
    client = run(Client.connect(profile="dev", config_file=str(path)))
    assert client.target_host == env.address
    loaded = ClientConfig.load("default", str(path), env={})
    overridden = sync.Client.connect(**{**loaded, "target_host": env.address})
    assert overridden.execute_workflow("Echo", 1, id=unique("profile"), task_queue=task_queue) == 1
    with pytest.raises(ConfigError):
        run(Client.connect(profile="missing", config_file=str(path)))


def test_a_budget_of_one_long_poll_still_completes_every_wait(env, task_queue: str) -> None:
    async def scenario() -> list[str]:
        client = await Client.connect(env.address, max_long_polls=1)
        handles = [
            await client.start_workflow("Sleep", 2, id=unique("budget"), task_queue=task_queue) for _ in range(3)
        ]
        return list(await asyncio.gather(*(h.result() for h in handles)))

    assert run(scenario()) == ["slept"] * 3


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"max_long_polls": 0}, "max_long_polls"),
        ({"secret_headers": [1]}, "secret_headers[0]"),
        ({"grpc_compression": "brotli"}, "grpc_compression"),
    ],
)
def test_connect_options_are_checked_before_connecting(options: dict, key: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        run(Client.connect(f"127.0.0.1:{closed_port()}", lazy=True, **options))
    assert raised.value.key == key


def test_a_client_without_compression_works(env, task_queue: str) -> None:
    client = run(Client.connect(env.address, grpc_compression="none"))
    assert run(client.execute_workflow("Echo", "plain", id=unique("plain"), task_queue=task_queue)) == "plain"


def test_secret_headers_are_sent_like_other_metadata(env, task_queue: str) -> None:
    client = run(
        Client.connect(env.address, rpc_metadata={"x-token": "t0ken-value-for-tests"}, secret_headers=["X-Token"])
    )
    assert run(client.execute_workflow("Echo", "ok", id=unique("secret-header"), task_queue=task_queue)) == "ok"
