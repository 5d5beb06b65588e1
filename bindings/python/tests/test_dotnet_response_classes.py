"""The .NET binding's response readers read only keys that the schema defines (issue 11).

The .NET classes read responses through the ``JsonFields`` extension methods
(``json.GetString("k")``, ``GetLong``, ``GetObject``, ``GetList``, ...,
``ContainsKey("k")``) and two helpers taking ``(object, "k")``
(``TemporalClient.Rows``, ``ValuesOrNull``). This test scans
bindings/dotnet/src/**/*.cs for those calls, attributes each to the member
(method or constructor) it is written in and the variable it reads, and
checks the key against the ``$defs`` that :data:`READERS` gives that member
and variable. ``x.GetObject("m").GetString("k")`` checks ``k`` against the
``$def`` of member ``m``. A read in a scanned file that :data:`READERS` does
not map fails the test, so a new reader cannot go unchecked.
"""

from __future__ import annotations

import re
from pathlib import Path

from test_response_classes import DEFS, member_def, properties, reachable_object_defs

SOURCE = Path(__file__).resolve().parents[3] / "bindings" / "dotnet" / "src"

READERS: dict[tuple[str, str, str], tuple[str, ...]] = {
    # (file under src/, member, variable): the $defs that variable holds there
    ("Activities/ActivityHeartbeatResult.cs", "ActivityHeartbeatResult", "response"): ("HeartbeatReply",),
    ("DurableTask/DurableTaskClient.Instances.cs", "PurgeAllInstancesAsync", "response"): ("Purged",),
    ("DurableTask/DurableTaskClient.Instances.cs", "QueryPageAsync", "response"): ("InstancePage",),
    ("DurableTask/OrchestrationMetadata.cs", "FromCompletion", "json"): ("Completion",),
    ("History/WorkflowHistory.cs", "FromJson", "parsed"): ("History",),
    ("RetryPolicy.cs", "FromJson", "json"): ("ScheduleRetryPolicy",),
    ("Rpc/ServerSystemInfo.cs", "ServerSystemInfo", "response"): ("SystemInfo",),
    ("Schedules/Schedule.cs", "FromJson", "json"): ("ScheduleDescription",),
    ("Schedules/ScheduleAction.cs", "FromJson", "json"): ("ScheduleActionDescription",),
    # the running_workflows entries, and the workflow keys of a recent action
    ("Schedules/ScheduleActionExecutionStartWorkflow.cs", "ScheduleActionExecutionStartWorkflow", "json"): (
        "ScheduleRunningWorkflow",
        "ScheduleActionResult",
    ),
    ("Schedules/ScheduleActionResult.cs", "ScheduleActionResult", "json"): ("ScheduleActionResult",),
    ("Schedules/ScheduleActionStartWorkflow.cs", "FromStartJson", "json"): ("ScheduledWorkflow",),
    ("Schedules/ScheduleCalendarSpec.cs", "FromJson", "json"): ("ScheduleCalendar",),
    ("Schedules/ScheduleDescription.cs", "ScheduleDescription", "json"): ("ScheduleDescription",),
    ("Schedules/ScheduleInfo.cs", "ScheduleInfo", "json"): ("ScheduleInfo",),
    ("Schedules/ScheduleIntervalSpec.cs", "FromJson", "json"): ("ScheduleInterval",),
    ("Schedules/ScheduleListDescription.cs", "ScheduleListDescription", "json"): ("ScheduleListEntry",),
    ("Schedules/ScheduleListInfo.cs", "ScheduleListInfo", "row"): ("ScheduleListEntry",),
    ("Schedules/ScheduleListSchedule.cs", "ScheduleListSchedule", "row"): ("ScheduleListEntry",),
    ("Schedules/SchedulePolicy.cs", "FromJson", "json"): ("SchedulePoliciesDescription",),
    ("Schedules/ScheduleRange.cs", "FromJson", "range"): ("ScheduleRange",),
    ("Schedules/ScheduleSpec.cs", "FromJson", "json"): ("ScheduleSpecDescription",),
    ("Schedules/ScheduleState.cs", "FromJson", "json"): ("ScheduleStateDescription",),
    ("SearchAttributeCollection.cs", "FromJson", "typed"): ("TypedValue",),
    ("TaskQueues/TaskQueueDescription.cs", "TaskQueueDescription", "response"): ("TaskQueueDescription",),
    ("TaskQueues/TaskQueueDescription.cs", "ReadPoller", "poller"): ("Poller",),
    ("TaskQueues/TaskQueueDescription.cs", "ReadStats", "stats"): ("TaskQueueStats",),
    ("TemporalClient.Schedules.cs", "CreateScheduleAsync", "response"): ("ScheduleCreated",),
    ("TemporalClient.Schedules.cs", "FetchSchedulePageAsync", "response"): ("ScheduleListPage",),
    ("TemporalClient.UpdateWithStart.cs", "StartUpdateWithStartWorkflowAsync", "response"): ("UpdateWithStartOutcome",),
    ("TemporalClient.Visibility.cs", "ListWorkflowsPageAsync", "response"): ("WorkflowPage",),
    ("TemporalClient.cs", "Started", "response"): ("Started",),
    ("TemporalConnection.cs", "TemporalConnection", "response"): ("Connected",),
    ("Updates/WorkflowUpdateHandle.cs", "OutcomeAsync", "response"): ("UpdateOutcome",),
    # the base constructor of WorkflowExecutionDescription too
    ("Visibility/WorkflowExecution.cs", "WorkflowExecution", "json"): ("ExecutionRow", "WorkflowDescription"),
    ("Visibility/WorkflowExecutionCount.cs", "WorkflowExecutionCount", "json"): ("WorkflowCount",),
    ("Visibility/WorkflowExecutionCount.cs", "AggregationGroup", "json"): ("CountGroup",),
    ("WorkflowExecutionDescription.cs", "WorkflowExecutionDescription", "json"): ("WorkflowDescription",),
    ("WorkflowHandle.Lifecycle.cs", "PinnedToNewRun", "response"): ("ResetRun",),
    ("History/HistoryEvent.cs", "ListOf", "response"): ("HistoryPage",),
    # the result of tc_workflow_result, tc_workflow_query and tc_workflow_update
    ("WorkflowHandle.cs", "Result", "response"): ("WorkflowResult", "QueryResult", "UpdateOutcome"),
}

NOT_SCANNED = {
    # Files that read JSON which is not an operation response of the schema's $defs:
    "Exceptions/ErrorMapper.cs": "the error object (#/error, checked by the Rust contract tests)",
    "Exceptions/FailureMapper.cs": "failures inside the error object and Completion.failure (#/error)",
    "ClientEnvConfig.cs": "tc_envconfig_load's reply, which is not one of the schema's operations",
    "TlsOptions.cs": "the tls object of that envconfig reply",
    "TemporalLogRecord.cs": "log records from the runtime logger callback",
    "Json/JsonFields.cs": "the readers themselves",
}

UNCHECKED_READS = {
    # (file, member, variable) reading JSON the schema leaves open:
    ("History/HistoryEvent.cs", "HistoryEvent", "json"): "a proto3 JSON history event (camelCase keys)",
}

NOT_DECODED = {
    # Response object $defs no .NET code reads key by key:
    "Capabilities": "ServerSystemInfo keeps the capabilities object as a dictionary",
    "PendingActivity": "not exposed by WorkflowExecutionDescription",
    "PriorityInfo": "priorities of described workflows and schedule actions are not read back",
    "RpcResponse": "free-form (additionalProperties: true); raw RPC calls return it as is",
    "Empty": "no keys",
}

MEMBER = re.compile(r"^\s*(?:public|internal|private|protected)\b[^;=]*?(\w+)\s*(?:<[^>]*>)?\s*\(")
READ = re.compile(r'\b(\w+)((?:\.GetObject\("\w+"\))*)\.(?:Get\w*(?:<[^>]*>)?|ContainsKey)\("(\w+)"')
HELPER = re.compile(r'\b(?:Rows|ValuesOrNull)\((\w+), "(\w+)"')


def scan() -> list[tuple[str, str | None, str, list[str], str, int]]:
    """Every read: (file, member, variable, GetObject chain, key, line)."""
    reads = []
    for path in sorted(SOURCE.rglob("*.cs")):
        name = path.relative_to(SOURCE).as_posix()
        if name in NOT_SCANNED:
            continue
        member = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = MEMBER.match(line)
            if match:
                member = match.group(1)
            for read in READ.finditer(line):
                if (name, member, read.group(1)) in UNCHECKED_READS:
                    continue
                chain = re.findall(r'"(\w+)"', read.group(2))
                reads.append((name, member, read.group(1), chain, read.group(3), number))
            for read in HELPER.finditer(line):
                reads.append((name, member, read.group(1), [], read.group(2), number))
    return reads


READS = scan()


def test_every_read_is_mapped_to_a_schema_def() -> None:
    unmapped = sorted({f"{f}:{n} {m}() reads {v}" for f, m, v, _, _, n in READS if (f, m, v) not in READERS})
    assert not unmapped, "add a READERS entry (or a NOT_SCANNED reason) for:\n" + "\n".join(unmapped)
    stale = sorted(set(READERS) - {(f, m, v) for f, m, v, _, _, _ in READS})
    assert not stale, f"READERS entries that read nothing: {stale}"


def test_dotnet_readers_read_only_schema_keys() -> None:
    unknown = []
    for file, member, var, chain, key, line in READS:
        for name in READERS.get((file, member, var), ()):
            owner: str | None = name
            for step in chain:
                owner = member_def(owner, step, item=False) if owner else None
            if owner is None:
                unknown.append(f"{file}:{line} reads {'.'.join(chain)} of {name}, not an object member")
            elif key not in properties(owner):
                unknown.append(f"{file}:{line} {member}() reads {key!r}, which $defs.{owner} does not define")
    assert not unknown, "\n".join(unknown)


def test_every_response_object_is_read_or_listed() -> None:
    read = set()
    for file, member, var, chain, _, _ in READS:
        for name in READERS.get((file, member, var), ()):
            read.add(name)
            owner: str | None = name
            for step in chain:
                owner = member_def(owner, step, item=False) if owner else None
                if owner:
                    read.add(owner)
    reachable = reachable_object_defs()
    forgotten = sorted(reachable - read - set(NOT_DECODED))
    assert not forgotten, f"add a READERS entry or a NOT_DECODED reason for: {forgotten}"
    assert not sorted(set(NOT_DECODED) - reachable), "NOT_DECODED names $defs no response reaches"
    assert not sorted(set(NOT_DECODED) & read), "NOT_DECODED names $defs that are read after all"
    assert set(NOT_SCANNED) <= {p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*.cs")}
    assert all(name in DEFS for names in READERS.values() for name in names)
