"""The binding's response decoders read only keys that the schema defines (issue 11).

If the Rust side renames or drops a response key, a decoder that still reads
the old key would silently get None; these tests fail instead. They read the
decoders' source (no library, no server):

- :data:`DECODERS` maps every function that decodes a response object to the
  ``$defs`` entries of include/temporal_capi.schema.json it reads (a decoder
  shared by two shapes lists both). Each key the function reads from its
  input -- ``v["k"]``, ``v.get("k")``, ``"k" in v`` -- must be a property of
  every listed ``$def``. A variable bound to a member read from the input
  (``parent = v.get("parent") or {}``, ``for g in v.get("groups") or []``)
  is checked against the ``$def`` the schema gives that member. The input
  passed whole to another decoder must match that decoder's table entry;
  passed to a helper of the package, the helper's reads count as the
  caller's.
- Besides the table, every function of the package that keeps the response of
  ``transport.call(lib.tc_<export>, ...)`` in a variable is checked the same
  way against ``operations.tc_<export>.response``.
- Every object ``$def`` reachable from an operation response must be read by
  something above or be listed in :data:`NOT_DECODED`, so a new response type
  cannot be forgotten.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import json
import textwrap
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import pytest

from temporal_capi import activity, client, common, durable, executions, history, schedule, schedule_description
from temporal_capi import durable_task, handle, schedule_handle, schedule_spec, service, task_queue, with_start
from temporal_capi._start import OptionSet

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "include" / "temporal_capi.schema.json").read_text(encoding="utf-8")
)
DEFS: dict[str, Any] = SCHEMA["$defs"]

DECODERS: list[tuple[Callable[..., Any], str | None, tuple[str, ...]]] = [
    # (decoder, the variable holding the response object (None: the first parameter), its $defs)
    (executions.WorkflowExecution.from_json, None, ("ExecutionRow",)),
    (executions.WorkflowExecution._common, None, ("ExecutionRow", "WorkflowDescription")),
    (executions.WorkflowExecutionDescription.from_json, None, ("WorkflowDescription",)),
    (executions.WorkflowExecutionPage.from_json, None, ("WorkflowPage",)),
    (executions.WorkflowExecutionCount.from_json, None, ("WorkflowCount",)),
    (task_queue.TaskQueueDescription.from_json, None, ("TaskQueueDescription",)),
    (task_queue.PollerInfo.from_json, None, ("Poller",)),
    (task_queue.TaskQueueStats.from_json, None, ("TaskQueueStats",)),
    (history.WorkflowHistory.from_json, "parsed", ("History",)),
    (durable.InstanceQueryResult.from_json, None, ("InstancePage",)),
    (durable.OrchestrationMetadata.from_json, None, ("Completion",)),
    (schedule_description.ScheduleDescription.from_json, None, ("ScheduleDescription",)),
    (schedule_description.ScheduleInfo.from_json, None, ("ScheduleInfo",)),
    (schedule_description.ScheduleActionResult.from_json, None, ("ScheduleActionResult",)),
    # the running_workflows entries, and the workflow keys of a ScheduleActionResult
    (
        schedule_description.ScheduleActionExecutionStartWorkflow.from_json,
        None,
        ("ScheduleRunningWorkflow", "ScheduleActionResult"),
    ),
    (schedule_description.ScheduleListPage.from_json, None, ("ScheduleListPage",)),
    (schedule_description.ScheduleListDescription.from_json, None, ("ScheduleListEntry",)),
    (schedule.Schedule.from_json, None, ("ScheduleDescription",)),
    (schedule.ScheduleActionStartWorkflow.from_json, None, ("ScheduleActionDescription",)),
    (schedule.SchedulePolicy.from_json, None, ("SchedulePoliciesDescription",)),
    (schedule.ScheduleState.from_json, None, ("ScheduleStateDescription",)),
    (schedule_spec.ScheduleSpec.from_json, None, ("ScheduleSpecDescription",)),
    (schedule_spec.ScheduleCalendarSpec.from_json, None, ("ScheduleCalendar",)),
    (schedule_spec.ScheduleIntervalSpec.from_json, None, ("ScheduleInterval",)),
    (schedule_spec.ScheduleRange.from_json, None, ("ScheduleRange",)),
    (common.RetryPolicy.from_json, None, ("ScheduleRetryPolicy",)),
    (common.Priority.from_json, None, ("PriorityInfo",)),
    (common.search_attributes_from_json, "typed", ("TypedValue",)),
    # Client.__init__ keeps the tc_client_connect response (see Transport.connect)
    (client.Client.__init__, "info", ("Connected",)),
    # the export is chosen at run time (start or signal-with-start), so name the variable here
    (client.Client.start_workflow, "started", ("Started",)),
    (handle.WorkflowUpdateHandle._from_response, "response", ("UpdateOutcome", "UpdateWithStartOutcome")),
]

NOT_DECODED: dict[str, str] = {
    # Object $defs reachable from a response that no Python code reads key by key:
    "Capabilities": "Client.system_info / get_system_info() hand the dict over as is",
    "SystemInfo": "Client.system_info / get_system_info() hand the dict over as is",
    "PendingActivity": "WorkflowExecutionDescription keeps pending_activities only in .raw",
    "RpcResponse": "free-form (additionalProperties: true); WorkflowService calls return it as is",
    "ScheduleCreated": "Client.create_schedule makes the handle from the id it sent; the reply is not read",
    "Empty": "no keys",
}

# Helpers that read keys computed at run time: the keys they read from their input.
DYNAMIC_READERS: dict[Any, Callable[[Any], Iterable[str]]] = {
    OptionSet.from_json: lambda bound: [option.json_key for option in bound.__self__.options],
}

# Callables the input may be passed to without being read key by key.
PASS_THROUGH = {dict, list, bool, isinstance, len, id, print}


def _target(callable_: Any) -> Any:
    return getattr(callable_, "__func__", callable_)


DECODER_DEFS = {_target(f): defs for f, _, defs in DECODERS}


def def_name(schema: Any) -> str | None:
    """The ``$def`` a property schema refers to (through ``anyOf``/``oneOf``/``allOf`` with null), if any."""
    if not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return ref[len("#/$defs/") :]
    names = {n for key in ("anyOf", "oneOf", "allOf") for s in schema.get(key, []) for n in [def_name(s)] if n}
    return names.pop() if len(names) == 1 else None


def properties(name: str) -> dict[str, Any]:
    """The properties of ``$defs.name``, with those of its ``allOf``/``anyOf``/``oneOf`` parts."""
    schema = DEFS[name]
    props = dict(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key, []):
            ref = def_name(part)
            if ref:
                props.update(properties(ref))
            elif isinstance(part, dict):
                props.update(part.get("properties", {}))
    return props


def is_object(name: str) -> bool:
    schema = DEFS[name]
    return schema.get("type") == "object" or bool(properties(name))


def member_def(owner: str, key: str, *, item: bool) -> str | None:
    """The object ``$def`` of member ``key`` of ``owner`` (of its array items with ``item``)."""
    schema = properties(owner).get(key)
    if item and isinstance(schema, dict):
        schema = schema.get("items")
    name = def_name(schema)
    return name if name and is_object(name) else None


def reachable_object_defs() -> set[str]:
    todo = [def_name(op["response"]) for op in SCHEMA["operations"].values() if op.get("response")]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if not name or name in seen:
            continue
        seen.add(name)
        text = json.dumps(DEFS[name])
        todo.extend(part.split('"')[0] for part in text.split('"#/$defs/')[1:])
    return {name for name in seen if is_object(name)}


@dataclass
class Findings:
    reads: dict[str, set[str]] = field(default_factory=dict)  # $def -> keys read
    where: dict[tuple[str, str], str] = field(default_factory=dict)  # ($def, key) -> function
    problems: list[str] = field(default_factory=list)

    def read(self, defs: Iterable[str], key: str, function: str) -> None:
        for name in defs:
            self.reads.setdefault(name, set()).add(key)
            self.where.setdefault((name, key), function)


def _key_and_var(node: ast.AST) -> tuple[str, ast.expr] | None:
    """``(variable, key expression)`` for ``var[key]`` and ``var.get(key, ...)``."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id, node.slice
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
        and node.args
    ):
        return node.func.value.id, node.args[0]
    return None


def _literal(key: ast.expr) -> str | None:
    return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None


def _keys(key: ast.expr, function: Any, loops: dict[str, ast.expr]) -> list[str] | None:
    """The keys a key expression stands for: a literal, a module constant (``PAGE_TOKEN_KEY``), or a loop
    variable over a module tuple of literals (``for name in _CALENDAR_FIELDS``); None when unknown."""
    if _literal(key) is not None:
        return [_literal(key)]  # type: ignore[list-item]
    if isinstance(key, ast.Name):
        loop = loops.get(key.id)
        value = _evaluate(loop if loop is not None else key, function)
        if isinstance(value, str) and loop is None:
            return [value]
        if loop is not None and isinstance(value, (tuple, list)) and all(isinstance(k, str) for k in value):
            return list(value)
    return None


def _member_read(node: ast.expr, env: dict[str, tuple[str, ...]]) -> tuple[tuple[str, ...], str] | None:
    """``(defs, key)`` when ``node`` is (``x or default`` of) a literal-key read of a tracked variable."""
    if isinstance(node, ast.BoolOp):
        node = node.values[0]
    found = _key_and_var(node)
    if found and found[0] in env and _literal(found[1]) is not None:
        return env[found[0]], _literal(found[1])  # type: ignore[return-value]
    return None


def _loop_names(function: ast.AST) -> dict[str, ast.expr]:
    """Comprehension and ``for`` variables and the iterables they run over."""
    loops: dict[str, ast.expr] = {}
    for node in ast.walk(function):
        if isinstance(node, (ast.comprehension, ast.For)) and isinstance(node.target, ast.Name):
            loops[node.target.id] = node.iter
    return loops


def _evaluate(node: ast.expr, function: Any) -> Any:
    """The object a dotted name in ``function`` denotes (``cls``/``self``: its class); None when unknown."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    if node.id in ("cls", "self"):
        owner = function.__globals__.get(function.__qualname__.split(".")[0])
        value: Any = owner
    elif node.id in function.__globals__:
        value = function.__globals__[node.id]
    else:
        value = getattr(builtins, node.id, None)
    for part in reversed(parts):
        value = getattr(value, part, None)
    return value


def _export_of(node: ast.expr) -> str | None:
    """``tc_x`` when ``node`` is (``await``) ``<...>.call(lib.tc_x, ...)``."""
    if isinstance(node, ast.Await):
        node = node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "call"
        and node.args
        and isinstance(node.args[0], ast.Attribute)
        and node.args[0].attr.startswith("tc_")
    ):
        return node.args[0].attr
    return None


def _response_def(export: str) -> tuple[str, ...]:
    name = def_name(SCHEMA["operations"][export]["response"])
    return (name,) if name else ()


def analyse(function: Any, env: dict[str, tuple[str, ...]], findings: Findings, seen: set[Any] | None = None) -> None:
    """Records the keys ``function`` reads from the variables of ``env`` (variable -> $defs)."""
    function = _target(function)
    seen = set() if seen is None else seen
    if (function, tuple(sorted(env.items()))) in seen:
        return
    seen.add((function, tuple(sorted(env.items()))))
    name = function.__qualname__
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    env = dict(env)
    # Exports called in the body bind the variables that keep their response.
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            export = _export_of(node.value)
            if export:
                env[node.targets[0].id] = _response_def(export)
    # Variables bound to members of tracked ones, until nothing changes.
    loops = _loop_names(tree)
    changed = True
    while changed:
        changed = False
        candidates: list[tuple[str, ast.expr, bool]] = [(var, it, True) for var, it in loops.items()]
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                candidates.append((node.targets[0].id, node.value, False))
        for var, value, item in candidates:
            if var in env:
                continue
            read = _member_read(value, env)
            if read:
                defs = tuple(d for d in (member_def(owner, read[1], item=item) for owner in read[0]) if d)
                if defs:
                    env[var] = defs
                    changed = True
    for node in ast.walk(tree):
        found = _key_and_var(node)
        if found and found[0] in env:
            var, key = found
            keys = _keys(key, function, loops)
            if keys is None:
                findings.problems.append(f"{name}: {ast.unparse(node)} reads {var} by a key not known statically")
            for k in keys or []:
                findings.read(env[var], k, name)
        elif (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
            and isinstance(node.ops[0], (ast.In, ast.NotIn))
            and isinstance(node.comparators[0], ast.Name)
            and node.comparators[0].id in env
        ):
            findings.read(env[node.comparators[0].id], node.left.value, name)
        elif isinstance(node, ast.Call):
            _check_call(node, function, env, findings, seen)


def _passed(node: ast.Call, env: dict[str, tuple[str, ...]]) -> list[tuple[int | str, tuple[str, ...], str]]:
    """The tracked objects a call receives: (argument position or keyword, $defs, description)."""
    passed = []
    arguments: list[tuple[int | str, ast.expr]] = list(enumerate(node.args))
    arguments += [(kw.arg, kw.value) for kw in node.keywords if kw.arg]
    for position, argument in arguments:
        if isinstance(argument, ast.Name) and argument.id in env:
            passed.append((position, env[argument.id], argument.id))
        else:
            read = _member_read(argument, env)
            export = _export_of(argument)
            if read:
                defs = tuple(d for d in (member_def(o, read[1], item=False) for o in read[0]) if d)
                if defs:
                    passed.append((position, defs, ast.unparse(argument)))
            elif export:
                passed.append((position, _response_def(export), ast.unparse(argument)))
    return passed


def _check_call(node: ast.Call, function: Any, env: dict[str, tuple[str, ...]], findings: Findings, seen: set[Any]) -> None:
    passed = _passed(node, env)
    if not passed:
        return
    callee = _evaluate(node.func, function)
    name = function.__qualname__
    if callee is None or callee in PASS_THROUGH or isinstance(callee, type) and not hasattr(callee, "__init__"):
        return
    for dynamic, keys in DYNAMIC_READERS.items():
        if _target(callee) is dynamic:
            for _, defs, _text in passed:
                for key in keys(callee):
                    findings.read(defs, key, name)
            return
    target = _target(callee)
    if target in DECODER_DEFS:
        for _, defs, text in passed:
            missing = [d for d in defs if d not in DECODER_DEFS[target]]
            if missing:
                findings.problems.append(
                    f"{name} passes {text} ({', '.join(missing)}) to {target.__qualname__}, "
                    f"whose DECODERS entry lists {DECODER_DEFS[target]}"
                )
        return
    if isinstance(target, types.FunctionType) and target.__module__.startswith("temporal_capi"):
        parameters = list(inspect.signature(target).parameters)
        if isinstance(callee, types.MethodType):
            parameters = parameters[1:]
        helper_env = {}
        for position, defs, _ in passed:
            helper_env[parameters[position] if isinstance(position, int) else position] = defs
        analyse(target, helper_env, findings, seen)


def _module_functions() -> Iterable[Any]:
    for module in (activity, client, durable_task, handle, schedule_handle, service, task_queue, with_start):
        for obj in vars(module).values():
            if inspect.isfunction(obj) and obj.__code__.co_filename == module.__file__:
                yield obj
            elif inspect.isclass(obj) and obj.__module__ == module.__name__:
                for member in vars(obj).values():
                    member = getattr(member, "__func__", member)
                    if inspect.isfunction(member) and member.__code__.co_filename == module.__file__:
                        yield member


def collect() -> Findings:
    findings = Findings()
    for decoder, var, defs in DECODERS:
        target = _target(decoder)
        if var is None:
            parameters = list(inspect.signature(target).parameters)
            var = parameters[1] if parameters[0] in ("cls", "self") else parameters[0]
        analyse(target, {var: defs}, findings)
    for function in _module_functions():
        analyse(function, {}, findings)
    return findings


FINDINGS = collect()


@pytest.mark.parametrize("name", sorted(FINDINGS.reads))
def test_decoders_read_only_schema_keys(name: str) -> None:
    unknown = sorted(FINDINGS.reads[name] - set(properties(name)))
    assert not unknown, [
        f"{FINDINGS.where[(name, key)]} reads {key!r}, which $defs.{name} does not define" for key in unknown
    ]


def test_decoder_table_is_consistent() -> None:
    assert not FINDINGS.problems


def test_every_decoder_reads_something() -> None:
    assert {d for _, _, defs in DECODERS for d in defs} <= set(FINDINGS.reads)


def test_every_response_object_is_decoded_or_listed() -> None:
    reachable = reachable_object_defs()
    forgotten = sorted(reachable - set(FINDINGS.reads) - set(NOT_DECODED))
    assert not forgotten, f"add a DECODERS entry or a NOT_DECODED reason for: {forgotten}"
    stale = sorted(set(NOT_DECODED) - reachable)
    assert not stale, f"NOT_DECODED names $defs no response reaches: {stale}"
    read = sorted(set(NOT_DECODED) & set(FINDINGS.reads))
    assert not read, f"NOT_DECODED names $defs that are read after all: {read}"



def _drifted_decoder(value: Any) -> Any:
    parent = value.get("parent") or {}
    return value["workflow_id"], value.get("first_execution_run_id"), parent.get("run_id"), parent.get("workflowId")


def test_the_check_catches_a_drifted_key() -> None:
    findings = Findings()
    analyse(_drifted_decoder, {"value": ("WorkflowDescription",)}, findings)
    assert findings.reads["WorkflowDescription"] - set(properties("WorkflowDescription")) == {"first_execution_run_id"}
    assert findings.reads["ExecutionIds"] - set(properties("ExecutionIds")) == {"workflowId"}
