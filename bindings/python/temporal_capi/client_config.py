"""Temporal environment configuration: :class:`ClientConfig` loads a profile for :meth:`Client.connect
<temporal_capi.Client.connect>`."""

from __future__ import annotations

import ctypes
import json
from typing import Any, Mapping

from ._library import call_checked, lib, take_string
from ._transport import encode
from .common import TLSConfig, compact


class ClientConfig:
    """Temporal environment configuration (TOML profiles and ``TEMPORAL_*`` variables)."""

    @staticmethod
    def load(
        profile: str | None = None,
        config_file: str | None = None,
        *,
        config_data: str | None = None,
        disable_file: bool = False,
        disable_env: bool = False,
        env: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Resolves a profile into keyword arguments for :meth:`Client.connect <temporal_capi.Client.connect>`.

        ``profile`` defaults to ``$TEMPORAL_PROFILE`` then ``default``;
        ``config_file`` to ``$TEMPORAL_CONFIG_FILE`` then the user's
        ``temporalio/temporal.toml``; ``config_data`` is TOML text used
        instead of a file; ``env`` replaces the process environment. The
        result has ``target_host``, ``namespace``, ``api_key``, ``tls`` and
        ``rpc_metadata`` where the profile sets them. Raises the library's
        :class:`~temporal_capi.errors.ConfigError` for a missing profile or
        unreadable configuration, and
        :class:`~temporal_capi.errors.InvalidArgumentError` for bad options.
        """
        request = encode(
            compact(
                profile=profile,
                config_file=config_file,
                config_data=config_data,
                disable_file=disable_file or None,
                disable_env=disable_env or None,
                env=dict(env) if env is not None else None,
            )
        )
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        call_checked(lib.tc_envconfig_load, request, len(request), ctypes.byref(out), ctypes.byref(length))
        value = json.loads(take_string(out, length.value))
        tls = value.get("tls")
        return compact(
            target_host=value.get("address"),
            namespace=value.get("namespace"),
            api_key=value.get("api_key"),
            tls=TLSConfig.from_json(tls) if isinstance(tls, dict) else tls,
            rpc_metadata=value.get("headers"),
        )


__all__ = ["ClientConfig"]
