"""Turns start options into the ``tc_workflow_start`` request.

:meth:`Client.start_workflow <temporal_capi.Client.start_workflow>` and
:class:`~temporal_capi.WithStartWorkflowOperation` take the same keywords;
:func:`start_request` is the one place they become JSON.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .common import (
    Duration,
    Priority,
    RetryPolicy,
    SearchAttributes,
    WorkflowIDConflictPolicy,
    WorkflowIDReusePolicy,
    compact,
    duration_json,
    enum_json,
    search_attributes_json,
)


def start_request(
    workflow: str,
    args: Sequence[Any],
    *,
    task_queue: str,
    id: str | None = None,  # noqa: A002
    execution_timeout: Duration | None = None,
    run_timeout: Duration | None = None,
    task_timeout: Duration | None = None,
    id_reuse_policy: WorkflowIDReusePolicy | str | None = None,
    id_conflict_policy: WorkflowIDConflictPolicy | str | None = None,
    retry_policy: RetryPolicy | None = None,
    cron_schedule: str | None = None,
    memo: Mapping[str, Any] | None = None,
    search_attributes: SearchAttributes | None = None,
    start_delay: Duration | None = None,
    static_summary: str | None = None,
    static_details: str | None = None,
    priority: Priority | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The ``tc_workflow_start`` request for :meth:`Client.start_workflow`'s arguments."""
    return compact(
        workflow_type=workflow,
        task_queue=task_queue,
        id=id,
        args=list(args),
        execution_timeout=duration_json(execution_timeout),
        run_timeout=duration_json(run_timeout),
        task_timeout=duration_json(task_timeout),
        id_reuse_policy=enum_json(id_reuse_policy),
        id_conflict_policy=enum_json(id_conflict_policy),
        retry_policy=retry_policy.to_json() if retry_policy else None,
        cron_schedule=cron_schedule,
        memo=dict(memo) if memo is not None else None,
        search_attributes=search_attributes_json(search_attributes) if search_attributes else None,
        start_delay=duration_json(start_delay),
        static_summary=static_summary,
        static_details=static_details,
        priority=priority.to_json() if priority else None,
        request_id=request_id,
    )
