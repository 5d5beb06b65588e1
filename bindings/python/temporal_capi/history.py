"""Workflow histories: a whole exported history, and one page of history events."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class WorkflowHistory:
    """A workflow's id and its history events.

    ``events`` are canonical proto3 JSON ``HistoryEvent`` messages
    (lowerCamelCase keys, enums by name such as
    ``"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"``, int64 as strings), the
    format ``temporal workflow show --output json`` prints.
    """

    workflow_id: str
    events: list[dict[str, Any]]

    @property
    def run_id(self) -> str:
        """The run id recorded in the first (started) event."""
        if not self.events:
            raise RuntimeError("No events")
        attributes = self.events[0].get("workflowExecutionStartedEventAttributes")
        if attributes is None:
            raise RuntimeError("First event is not workflow start")
        return attributes.get("originalExecutionRunId", "")

    def to_json_dict(self) -> dict[str, Any]:
        """``{"events": [...]}``, the shape of an exported history file."""
        return {"events": list(self.events)}

    def to_json(self) -> str:
        """The history as JSON text (``{"events": [...]}``)."""
        return json.dumps(self.to_json_dict())

    @staticmethod
    def from_json(workflow_id: str, history: str | Mapping[str, Any]) -> WorkflowHistory:
        """A history from :meth:`to_json` output or an exported history (text or parsed)."""
        parsed = json.loads(history) if isinstance(history, str) else history
        return WorkflowHistory(workflow_id, list(parsed.get("events") or []))


@dataclass(frozen=True)
class WorkflowHistoryEventPage:
    """One page of :meth:`WorkflowHandle.fetch_history_events_page`.

    ``next_page_token`` is None after the last page (of a closed run).
    """

    events: list[dict[str, Any]]
    next_page_token: bytes | None


__all__ = ["WorkflowHistory", "WorkflowHistoryEventPage"]
