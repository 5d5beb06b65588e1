"""The ctypes declarations match the committed C header, and versions agree."""

from __future__ import annotations

import ctypes
import re
import tomllib

from conftest import REPOSITORY

from temporal_capi import _library

HEADER = (REPOSITORY / "include" / "temporal_capi.h").read_text()

C_TO_CTYPES = {
    "void": None,
    "TcResult": ctypes.c_int,
    "TcStatus": ctypes.c_int,
    "uint32_t": ctypes.c_uint32,
    "size_t": ctypes.c_size_t,
    "size_t *": ctypes.POINTER(ctypes.c_size_t),
    "const char *": (ctypes.c_char_p, ctypes.POINTER(ctypes.c_char)),
    "char *": ctypes.c_void_p,
    "char **": ctypes.POINTER(ctypes.c_void_p),
    "void *": ctypes.c_void_p,
    "TcRuntime *": ctypes.c_void_p,
    "TcRuntime **": ctypes.POINTER(ctypes.c_void_p),
    "TcClient *": ctypes.c_void_p,
    "TcCancel *": ctypes.c_void_p,
    "const TcCancel *": ctypes.c_void_p,
    "TcCallback": _library.CALLBACK,
    "TcClientCallback": _library.CLIENT_CALLBACK,
}


def _type_of(declaration: str) -> str:
    """``const char *json`` -> ``const char *``."""
    declaration = " ".join(declaration.split())
    match = re.fullmatch(r"(.*?)\s*(\**)\s*\w+", declaration)
    assert match, declaration
    base, stars = match.group(1), match.group(2)
    return f"{base} {stars}" if stars else base


def _matches(c_type: str, declared: object) -> bool:
    expected = C_TO_CTYPES[c_type]
    if isinstance(expected, tuple):
        return declared in expected
    return declared is expected


def header_functions() -> dict[str, tuple[str, list[str]]]:
    """Every function prototype in the header: name -> (return type, parameter types)."""
    body = re.sub(r"/\*.*?\*/", "", HEADER, flags=re.S)
    functions = {}
    for match in re.finditer(r"^([A-Za-z_][\w ]*?\s*\**)\s*(tc_\w+)\(([^)]*)\);", body, flags=re.M):
        returns, name, params = match.groups()
        parameters = [] if params.strip() == "void" else [_type_of(p) for p in params.split(",")]
        functions[name] = (" ".join(returns.split()).replace(" *", " *"), parameters)
    return functions


def header_callback(name: str) -> list[str]:
    """Parameter types of a callback typedef."""
    match = re.search(r"typedef void \(\*" + name + r"\)\(([^)]*)\);", HEADER, flags=re.S)
    assert match, name
    return [_type_of(p) for p in match.group(1).split(",")]


def test_every_export_is_declared_and_nothing_else() -> None:
    assert set(header_functions()) == set(_library.SIGNATURES)


def test_argument_and_return_types_match_the_header() -> None:
    for name, (returns, parameters) in header_functions().items():
        argtypes, restype = _library.SIGNATURES[name]
        assert len(argtypes) == len(parameters), name
        for position, (c_type, declared) in enumerate(zip(parameters, argtypes)):
            assert _matches(c_type, declared), f"{name} parameter {position}: {c_type} vs {declared}"
        assert _matches(returns.replace("*", " *").replace("  ", " ").strip(), restype), f"{name} returns {returns}"


def test_callback_types_match_the_header() -> None:
    for name, declared in (("TcCallback", _library.CALLBACK), ("TcClientCallback", _library.CLIENT_CALLBACK)):
        parameters = header_callback(name)
        assert declared._restype_ is None
        assert len(declared._argtypes_) == len(parameters)
        for c_type, ctype in zip(parameters, declared._argtypes_):
            assert _matches(c_type, ctype), f"{name}: {c_type} vs {ctype}"


def test_enum_values_match_the_header() -> None:
    values = {name: int(value) for name, value in re.findall(r"(TC_(?:RESULT|STATUS)_\w+) = (\d+)", HEADER)}
    assert values == {
        "TC_RESULT_OK": _library.RESULT_OK,
        "TC_RESULT_NULL_ARGUMENT": _library.RESULT_NULL_ARGUMENT,
        "TC_RESULT_INVALID_ARGUMENT": _library.RESULT_INVALID_ARGUMENT,
        "TC_RESULT_PANIC": _library.RESULT_PANIC,
        "TC_RESULT_CLOSED": _library.RESULT_CLOSED,
        "TC_RESULT_ERROR": _library.RESULT_ERROR,
        "TC_STATUS_OK": _library.STATUS_OK,
        "TC_STATUS_ERROR": _library.STATUS_ERROR,
        "TC_STATUS_CANCELLED": _library.STATUS_CANCELLED,
    }


def test_versions_agree() -> None:
    cargo = tomllib.loads((REPOSITORY / "Cargo.toml").read_text())["package"]["version"]
    project = tomllib.loads((REPOSITORY / "bindings" / "python" / "pyproject.toml").read_text())["project"]
    abi = int(re.search(r"#define TC_ABI_VERSION (\d+)", HEADER).group(1))
    assert "version" not in project and "version" in project["dynamic"], "the package takes Cargo.toml's version (setup.py)"
    assert cargo == _library.lib.tc_version().decode()
    assert abi == _library.ABI_VERSION == _library.lib.tc_abi_version()
