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

import inspect
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
