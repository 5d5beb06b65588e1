"""Blocking twins, generated from the asyncio classes: :class:`Twin` and :class:`Attribute`.

A twin wraps one asyncio object (``inner``) and has each of its public
methods and properties, with the same parameters and documentation. A
coroutine method blocks the calling thread until its native calls complete
(:func:`~temporal_capi._bridge.drive`); an async iterator becomes a plain
generator (:func:`~temporal_capi._bridge.drive_iterator`); a plain method
or property is called as is. Results that are asyncio objects with a twin
come back as their twin; twins passed as arguments are handed on as their
asyncio objects. A twin class only names its asyncio class and the plain
instance attributes to read through (:class:`Attribute`).
"""

from __future__ import annotations

import builtins
import inspect
import re
import sys
import typing
from types import ModuleType
from typing import Any, Callable, ClassVar, Mapping, Sequence

from ._bridge import drive, drive_iterator

_TWINS: dict[type, type[Twin]] = {}


def wrap(value: Any) -> Any:
    """``value``, or its twin when it is an asyncio object that has one."""
    twin = _TWINS.get(type(value))
    return twin._wrap(value) if twin is not None else value


def _unwrap_all(args: Sequence[Any], kwargs: Mapping[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    def unwrap(value: Any) -> Any:
        return value.inner if isinstance(value, Twin) else value

    return [unwrap(a) for a in args], {k: unwrap(v) for k, v in kwargs.items()}


class Attribute(property):
    """A read-only property giving the asyncio object's instance attribute of the same name."""

    def __init__(self, annotation: str, doc: str) -> None:
        """``annotation`` is the attribute's type, ``doc`` its contract."""
        attribute = self
        self.name = ""

        def read(self: Any) -> Any:
            return wrap(getattr(self.inner, attribute.name))

        read.__annotations__ = {"return": annotation}
        read.__doc__ = doc
        super().__init__(read, doc=doc)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name


def _blocking(of: type, name: str, function: Callable[..., Any], is_classmethod: bool) -> Callable[..., Any]:
    """The blocking form of the method ``name`` of ``of`` (``function`` is its plain function)."""

    def target(receiver: Any) -> Any:
        return getattr(of if is_classmethod else receiver.inner, name)

    if inspect.isasyncgenfunction(function):

        def method(receiver: Any, *args: Any, **kwargs: Any) -> Any:
            args, kwargs = _unwrap_all(args, kwargs)
            for item in drive_iterator(target(receiver)(*args, **kwargs)):
                yield wrap(item)

    elif inspect.iscoroutinefunction(function):

        def method(receiver: Any, *args: Any, **kwargs: Any) -> Any:
            args, kwargs = _unwrap_all(args, kwargs)
            return wrap(drive(target(receiver)(*args, **kwargs)))

    else:

        def method(receiver: Any, *args: Any, **kwargs: Any) -> Any:
            args, kwargs = _unwrap_all(args, kwargs)
            return wrap(target(receiver)(*args, **kwargs))

    signature = inspect.signature(function)
    returns = signature.return_annotation
    if isinstance(returns, str):
        returns = returns.replace("AsyncIterator[", "Iterator[")
    method.__signature__ = signature.replace(return_annotation=returns)  # type: ignore[attr-defined]
    method.__name__ = name
    doc = inspect.getdoc(function) or ""
    if inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function):
        doc = f"Blocking form of ``{function.__qualname__}``.\n\n{doc}"
    method.__doc__ = doc
    return classmethod(method) if is_classmethod else method


def _property(name: str, aio: property) -> property:
    """A property reading (and, where the asyncio one can, assigning) the asyncio object's property."""

    def read(self: Any) -> Any:
        return wrap(getattr(self.inner, name))

    def write(self: Any, value: Any) -> None:
        setattr(self.inner, name, value)

    read.__annotations__ = {"return": inspect.signature(aio.fget).return_annotation}  # type: ignore[arg-type]
    read.__doc__ = aio.__doc__
    return property(read, write if aio.fset else None, doc=aio.__doc__)


class Twin:
    """Base of the blocking twins: ``class X(Twin, of=AsyncX)`` gets every public member of ``AsyncX``.

    Members the twin class (or another base) already defines are left as
    they are. Constructing a twin with an asyncio object wraps it; with any
    other arguments it builds the asyncio object from them.
    """

    inner: Any
    _of: ClassVar[type]

    def __init_subclass__(cls, *, of: type, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._of = of
        _TWINS[of] = cls
        cls.__signature__ = inspect.signature(of)  # type: ignore[attr-defined]
        for name in dir(of):
            if name.startswith("_") or hasattr(cls, name):
                continue
            member = inspect.getattr_static(of, name)
            if isinstance(member, property):
                setattr(cls, name, _property(name, member))
            elif isinstance(member, classmethod) or inspect.isfunction(member):
                function = getattr(member, "__func__", member)
                method = _blocking(of, name, function, isinstance(member, classmethod))
                getattr(method, "__func__", method).__qualname__ = f"{cls.__qualname__}.{name}"
                setattr(cls, name, method)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Wraps an asyncio object, or builds one from the asyncio class's arguments (twins are unwrapped)."""
        if len(args) == 1 and not kwargs and isinstance(args[0], self._of):
            self.inner = args[0]
        else:
            args, kwargs = _unwrap_all(args, kwargs)
            self.inner = self._of(*args, **kwargs)

    @classmethod
    def _wrap(cls, inner: Any) -> Any:
        twin = cls.__new__(cls)
        twin.inner = inner
        return twin


# -- The stub (sync.pyi) ------------------------------------------------------

_STUB_HEADER = """\
# The blocking API as type checkers and IDEs see it; sync.py builds it at import time.
# Generated from the twins by temporal_capi._twin.render_stub: run
# `python bindings/python/render_sync_stub.py` after changing the asyncio API
# (tests/test_sync_stub.py fails while this file is stale). Do not edit.
"""

_PACKAGE = __name__.rpartition(".")[0]
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


def render_stub(module: ModuleType) -> str:
    """The ``.pyi`` text of a module of twins (:mod:`temporal_capi.sync`): every class and re-export of its ``__all__``.

    Each twin shows its public members with the signatures and one-line
    summaries its asyncio class gives them (async iterators as iterators);
    names in annotations resolve to the twins first, so ``-> WorkflowHandle``
    is the blocking handle.
    """
    exported = [getattr(module, name) for name in module.__all__]
    twins = [item for item in exported if isinstance(item, type) and issubclass(item, Twin)]
    stub = _Stub({item.__name__ for item in exported})
    body = [line for twin in twins for line in ["", "", *stub.twin(twin)]]
    lines = [_STUB_HEADER.rstrip("\n"), "", *stub.imports()]
    lines += [f"from . import {_relative(m)[1:]} as {_alias(m)}" for m in sorted({t._of.__module__ for t in twins})]
    lines += [f"from {_relative(i.__module__)} import {i.__name__} as {i.__name__}" for i in exported if i not in twins]
    lines += [*body, "", "", f"__all__ = {list(module.__all__)!r}".replace("'", '"')]
    return "\n".join(lines) + "\n"


class _Stub:
    """Renders twin classes as stub text and collects the imports their annotations need."""

    def __init__(self, local: set[str]) -> None:
        self.local = local
        self.needed: dict[str, set[str]] = {}

    def twin(self, twin: type[Twin]) -> list[str]:
        """The ``class`` block of one twin."""
        of = twin._of
        lines = [f"class {twin.__name__}:", f"    {_docstring(twin)}"]
        lines.append(f"    inner: {_alias(of.__module__)}.{of.__qualname__}")
        own = inspect.signature(twin).parameters.values()
        init = inspect.Signature([inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD), *own])
        lines.append(f"    def __init__{self.signature(init, None, of.__init__)}: ...")
        if hasattr(twin, "__enter__"):
            self.needed.setdefault("typing", set()).add("Any")
            lines.append(f"    def __enter__(self) -> {twin.__name__}: ...")
            lines.append("    def __exit__(self, *exc_info: Any) -> None: ...")
        for name in sorted(n for n in dir(twin) if not n.startswith("_")):
            lines += self.member(twin, name)
        return lines

    def member(self, twin: type[Twin], name: str) -> list[str]:
        """A public method or property of a twin, with the summary of its asyncio counterpart."""
        member = inspect.getattr_static(twin, name)
        if isinstance(member, property):
            returns = self.annotation(inspect.signature(member.fget).return_annotation, member.fget)
            lines = ["    @property", f"    def {name}(self) -> {returns}:", f"        {_docstring(member.fget)}"]
            if member.fset is not None:
                setter = inspect.getattr_static(twin._of, name).fset
                value = self.annotation(inspect.signature(setter).parameters["value"].annotation, setter)
                lines += [f"    @{name}.setter", f"    def {name}(self, value: {value}) -> None: ..."]
            return lines
        function = getattr(member, "__func__", member)
        source = getattr(twin._of, name, function)
        source = getattr(source, "__func__", source)
        signature = inspect.signature(function)
        returns = signature.return_annotation
        text = self.signature(signature.replace(return_annotation=inspect.Signature.empty), returns, source)
        decorator = ["    @classmethod"] if isinstance(member, classmethod) else []
        return [*decorator, f"    def {name}{text}:", f"        {_docstring(source)}"]

    def signature(self, signature: inspect.Signature, returns: Any, owner: Any) -> str:
        """``(params) -> returns`` with stub defaults (``...``); ``owner`` is the function the annotations are of."""
        parts: list[str] = []
        star = False
        for parameter in signature.parameters.values():
            kind = parameter.kind
            if kind is inspect.Parameter.KEYWORD_ONLY and not star:
                parts.append("*")
            star = star or kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_POSITIONAL)
            text = {inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.VAR_KEYWORD: "**"}.get(kind, "")
            text += parameter.name
            if parameter.annotation is not inspect.Parameter.empty:
                text += f": {self.annotation(parameter.annotation, owner)}"
            if parameter.default is not inspect.Parameter.empty:
                text += " = ..." if ":" in text else "=..."
            parts.append(text)
        return f"({', '.join(parts)}) -> {self.annotation(returns, owner)}"

    def annotation(self, annotation: Any, owner: Any) -> str:
        """An annotation as stub text; notes the import each name it uses needs (twins and builtins need none)."""
        if annotation is inspect.Signature.empty or annotation is None:
            return "None"
        text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
        namespace = getattr(inspect.unwrap(owner), "__globals__", {})
        for name in set(_IDENTIFIER.findall(_STRING.sub("", text))):
            if name not in self.local and not hasattr(builtins, name):
                self.needed.setdefault(_origin(name, namespace), set()).add(name)
        return text

    def imports(self) -> list[str]:
        """The ``from ... import ...`` lines: the standard library's first, then the package's."""
        modules = sorted(self.needed, key=lambda module: (module.startswith(_PACKAGE + "."), module))
        return [f"from {_relative(module)} import {', '.join(sorted(self.needed[module]))}" for module in modules]


def _origin(name: str, namespace: Mapping[str, Any]) -> str:
    """The module to import ``name`` from: where it is defined, or the package module exporting it."""
    value = namespace.get(name, getattr(typing, name, None))
    defined = getattr(value, "__module__", None)
    if defined and getattr(sys.modules.get(defined), name, None) is value:
        return defined
    for module_name, candidate in sorted(sys.modules.items()):
        found = getattr(candidate, name, None) if module_name.startswith(_PACKAGE + ".") else None
        if found is None or (value is not None and found is not value):
            continue
        if name in getattr(candidate, "__all__", ()) or getattr(found, "__module__", None) == module_name:
            return module_name
    raise LookupError(f"cannot tell where {name!r} (in an annotation) comes from")


def _relative(module: str) -> str:
    """A module of the package as a relative import (``.common``); others as they are."""
    return "." + module[len(_PACKAGE) + 1 :] if module.startswith(_PACKAGE + ".") else module


def _alias(module: str) -> str:
    """The stub's name for a module of the package: ``_client`` for ``temporal_capi.client``."""
    return "_" + module.rpartition(".")[2].lstrip("_")


def _docstring(item: Any) -> str:
    """The first paragraph of an item's documentation as a one-line docstring."""
    summary = " ".join((inspect.getdoc(item) or "").split("\n\n", 1)[0].split())
    return f'r"""{summary}"""' if "\\" in summary else f'"""{summary}"""'
