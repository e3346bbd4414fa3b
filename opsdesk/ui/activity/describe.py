"""The change log in words: "ticked off “X”", "moved due 9月1日 → 9月3日", in the interface language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.ui import fmt
from opsdesk.ui.labels import priority_name, status_name

# (entity, action) pairs a person filters by, with their English name (context "Activity").
KINDS: tuple[tuple[str, str | None, str | None], ...] = (
    (QT_TRANSLATE_NOOP("Activity", "Ticked off"), "task", "done"),
    (QT_TRANSLATE_NOOP("Activity", "Reopened"), "task", "reopen"),
    (QT_TRANSLATE_NOOP("Activity", "Tasks created"), "task", "create"),
    (QT_TRANSLATE_NOOP("Activity", "Tasks edited"), "task", "update"),
    (QT_TRANSLATE_NOOP("Activity", "Tasks deleted"), "task", "delete"),
    (QT_TRANSLATE_NOOP("Activity", "Comments"), "comment", None),
    (QT_TRANSLATE_NOOP("Activity", "Routines"), "series", None),
    (QT_TRANSLATE_NOOP("Activity", "People"), "user", None),
    (QT_TRANSLATE_NOOP("Activity", "Roles"), "role", None),
    (QT_TRANSLATE_NOOP("Activity", "Plans"), "plan", None),
)


def field_name(key: str) -> str:
    names = {"title": QCoreApplication.translate("Activity", "title"), "notes": QCoreApplication.translate("Activity", "notes"), "phase_id": QCoreApplication.translate("Activity", "phase"),
             "parent_id": QCoreApplication.translate("Activity", "parent task"), "role_id": QCoreApplication.translate("Activity", "role"), "assignee_id": QCoreApplication.translate("Activity", "assignee"),
             "start": QCoreApplication.translate("Activity", "start"), "due": QCoreApplication.translate("Activity", "due"), "status": QCoreApplication.translate("Activity", "status"),
             "priority": QCoreApplication.translate("Activity", "priority"), "is_milestone": QCoreApplication.translate("Activity", "milestone"),
             "position": QCoreApplication.translate("Activity", "position"), "name": QCoreApplication.translate("Activity", "name"), "is_manager": QCoreApplication.translate("Activity", "manager"),
             "active": QCoreApplication.translate("Activity", "active"), "color": QCoreApplication.translate("Activity", "colour"), "rule": QCoreApplication.translate("Activity", "repeat rule"),
             "until": QCoreApplication.translate("Activity", "until")}
    return names.get(key, key)


class Describer:
    """Turns change-log entries into text with the names of people, roles and phases."""

    def __init__(self, lang: str, users: dict[int, str], roles: dict[int, str],
                 phases: dict[int, str]) -> None:
        self.lang, self.users, self.roles, self.phases = lang, users, roles, phases

    def value(self, key: str, v: Any) -> str:
        if v is None or v == "":
            return "—"
        if key in ("start", "due", "until", "launch_date") and isinstance(v, str):
            try:
                return fmt.short_date(dt.date.fromisoformat(v[:10]), self.lang)
            except ValueError:
                return v
        if key in ("assignee_id", "done_by"):
            return self.users.get(v, str(v))
        if key == "role_id":
            return self.roles.get(v, str(v))
        if key == "phase_id":
            return self.phases.get(v, str(v))
        if key == "status":
            return status_name(v)
        if key == "priority":
            return priority_name(v)
        if isinstance(v, bool):
            return QCoreApplication.translate("Activity", "yes") if v else QCoreApplication.translate("Activity", "no")
        text = str(v)
        return text if len(text) <= 40 else text[:39] + "…"

    def what(self, entity: str, action: str, title: str, before: dict | None,
             after: dict | None) -> str:
        q = f"“{title}”" if title else ""
        before, after = before or {}, after or {}
        if entity == "task":
            if action == "done":
                return QCoreApplication.translate("Activity", "ticked off {task}").format(task=q)
            if action == "reopen":
                return QCoreApplication.translate("Activity", "reopened {task}").format(task=q)
            if action == "create":
                return QCoreApplication.translate("Activity", "created {task}").format(task=q)
            if action == "delete":
                return QCoreApplication.translate("Activity", "deleted {task}").format(task=q)
            if action == "bulk_create":
                return QCoreApplication.translate("Activity", "added {count} tasks").format(count=after.get("count", "?"))
            if action == "update":
                keys = list(after)
                if keys == ["due"]:
                    return QCoreApplication.translate("Activity", "moved due {before} → {after} of {task}").format(
                        before=self.value("due", before.get("due")),
                        after=self.value("due", after.get("due")), task=q)
                if keys == ["assignee_id"]:
                    return QCoreApplication.translate("Activity", "assigned {task} to {name}").format(
                        task=q, name=self.value("assignee_id", after.get("assignee_id")))
                if keys == ["status"] or set(keys) == {"status", "done_at", "done_by"}:
                    return QCoreApplication.translate("Activity", "set {task} to {status}").format(
                        task=q, status=status_name(after.get("status", "")))
                return QCoreApplication.translate("Activity", "edited {task}: {fields}").format(
                    task=q, fields=", ".join(field_name(k) for k in keys if k not in ("done_at", "done_by")))
        if entity == "comment":
            return QCoreApplication.translate("Activity", "commented on {task}").format(task=q)
        if entity == "link":
            return (QCoreApplication.translate("Activity", "linked {task} to a predecessor") if action == "create"
                    else QCoreApplication.translate("Activity", "removed a link of {task}")).format(task=q)
        if entity == "series":
            names = {"create": QCoreApplication.translate("Activity", "created the routine {task}"), "edit": QCoreApplication.translate("Activity", "edited the routine {task}"),
                     "rule": QCoreApplication.translate("Activity", "changed how {task} repeats"), "delete": QCoreApplication.translate("Activity", "stopped the routine {task}"),
                     "restore": QCoreApplication.translate("Activity", "put routines back as they were")}
            return names.get(action, QCoreApplication.translate("Activity", "changed a routine")).format(task=q)
        if entity == "user":
            names = {"create": QCoreApplication.translate("Activity", "added {name}"), "update": QCoreApplication.translate("Activity", "edited {name}"),
                     "password": QCoreApplication.translate("Activity", "changed the password of {name}"),
                     "roles": QCoreApplication.translate("Activity", "changed the roles of {name}")}
            return names.get(action, QCoreApplication.translate("Activity", "changed {name}")).format(name=title)
        if entity == "role":
            return (QCoreApplication.translate("Activity", "added the role {name}") if action == "create"
                    else QCoreApplication.translate("Activity", "edited the role {name}")).format(name=title)
        if entity == "plan":
            return QCoreApplication.translate("Activity", "created the plan {name}").format(name=q) if action == "create" else \
                QCoreApplication.translate("Activity", "changed the plan ({action})").format(action=action)
        if entity.startswith("kpi"):
            if action == "import":
                return QCoreApplication.translate("Activity", "imported {count} values of {kpi}").format(
                    count=after.get("count", "?"), kpi=q)
            return QCoreApplication.translate("Activity", "entered {count} values of {kpi}").format(
                count=after.get("count", "?"), kpi=q)
        return f"{entity} {action}"

    def change(self, before: dict | None, after: dict | None) -> str:
        """before → after of each field that has both (or only the new values)."""
        before, after = before or {}, after or {}
        if set(after) >= {"first", "last"} and not before:  # a range of KPI days
            return fmt.date_range(dt.date.fromisoformat(after["first"]),
                                  dt.date.fromisoformat(after["last"]), self.lang)
        hidden = {"done_at", "done_by", "scope", "task_id", "count", "text", "version"}
        parts = []
        for key, new in after.items():
            if key in hidden:
                continue
            if key in before:
                parts.append(f"{field_name(key)}: {self.value(key, before[key])} → {self.value(key, new)}")
            elif len(after) <= 4:
                parts.append(f"{field_name(key)}: {self.value(key, new)}")
        if not parts and "text" in after:
            parts.append(self.value("text", after["text"]))
        return "; ".join(parts)
