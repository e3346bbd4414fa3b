"""The change log in words: "ticked off “X”", "moved due 9月1日 → 9月3日", in the interface language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from opsdesk.errors import QT_TRANSLATE_NOOP
from opsdesk.ui import fmt
from opsdesk.ui.i18n_contexts import TrContext
from opsdesk.ui.labels import priority_name, status_name


class Activity(TrContext):
    """The context "Activity" for plural ("%n") strings: lupdate extracts them as plurals only
    from ``Activity.tr(…, "", n)`` (see opsdesk/ui/i18n_contexts.py); never instantiated."""


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
             "until": QCoreApplication.translate("Activity", "until"),
             "launch_date": QCoreApplication.translate("Activity", "launch day"),
             "end": QCoreApplication.translate("Activity", "end"),
             "name_zh": QCoreApplication.translate("Activity", "Chinese name"),
             "name_en": QCoreApplication.translate("Activity", "English name"),
             "role_ids": QCoreApplication.translate("Activity", "other roles"),
             "kind": QCoreApplication.translate("Activity", "link type"),
             "lag_days": QCoreApplication.translate("Activity", "lag (days)")}
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
        if key == "role_ids" and isinstance(v, list):
            return ", ".join(self.roles.get(r, str(r)) for r in v) or "—"
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
        if action in ("undo", "redo"):
            return self._undo(action, q, after)
        if entity == "task":
            return self._task(action, q, before, after)
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
            if action == "update" and set(after) == {"active"}:
                text = (QCoreApplication.translate("Activity", "reactivated {name}") if after["active"]
                        else QCoreApplication.translate("Activity", "deactivated {name}"))
                return text.format(name=title)
            names = {"create": QCoreApplication.translate("Activity", "added {name}"), "update": QCoreApplication.translate("Activity", "edited {name}"),
                     "password": QCoreApplication.translate("Activity", "changed the password of {name}"),
                     "roles": QCoreApplication.translate("Activity", "changed the roles of {name}")}
            return names.get(action, QCoreApplication.translate("Activity", "changed {name}")).format(name=title)
        if entity == "role":
            return (QCoreApplication.translate("Activity", "added the role {name}") if action == "create"
                    else QCoreApplication.translate("Activity", "edited the role {name}")).format(name=title)
        if entity == "plan":
            return self._plan(action, q, before, after)
        if entity == "phase":
            key = "name_zh" if self.lang.startswith("zh") else "name_en"
            name = after.get(key) or before.get(key) or title
            text = {"create": QCoreApplication.translate("Activity", "added the phase {name}"),
                    "delete": QCoreApplication.translate("Activity", "removed the phase {name}"),
                    "move": QCoreApplication.translate("Activity", "moved the phase {name}")}.get(
                action, QCoreApplication.translate("Activity", "edited the phase {name}"))
            return text.format(name=f"“{name}”" if name else "")
        if entity.startswith("kpi"):
            return self._kpi(entity, action, q, before, after)
        return QCoreApplication.translate("Activity", "made a change ({what})").format(
            what=f"{entity} {action}")

    def _undo(self, action: str, q: str, after: dict) -> str:
        n = self._count(after)
        if q and n <= 1:
            text = (QCoreApplication.translate("Activity", "undid a change of {task}")
                    if action == "undo"
                    else QCoreApplication.translate("Activity", "redid a change of {task}"))
            return text.format(task=q)
        if action == "undo":
            return Activity.tr("undid a change of %n task(s)", "", n)
        return Activity.tr("redid a change of %n task(s)", "", n)

    # ---- tasks
    def _task(self, action: str, q: str, before: dict, after: dict) -> str:
        if action == "done":
            return QCoreApplication.translate("Activity", "ticked off {task}").format(task=q)
        if action == "reopen":
            return QCoreApplication.translate("Activity", "reopened {task}").format(task=q)
        if action == "create":
            return QCoreApplication.translate("Activity", "created {task}").format(task=q)
        if action == "delete":
            with_what = self._family(before.get("subtasks"), before.get("comments"), before.get("links"))
            if with_what:
                text = QCoreApplication.translate("Activity", "deleted {task} with {what}")
                return text.format(task=q, what=with_what)
            return QCoreApplication.translate("Activity", "deleted {task}").format(task=q)
        if action == "restore":
            tasks = after.get("tasks")
            with_what = self._family(tasks - 1 if isinstance(tasks, int) else None,
                                     after.get("comments"), after.get("links"))
            if with_what:
                text = QCoreApplication.translate("Activity", "restored {task} with {what}")
                return text.format(task=q, what=with_what)
            return QCoreApplication.translate("Activity", "restored {task}").format(task=q)
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
                task=q, fields=self._fields(keys))
        n = self._count(after)
        if action == "bulk_update":
            return self._bulk_update(n, after)
        if action == "skip":
            return Activity.tr("marked %n missed day(s) skipped", "", n)
        if action in ("bulk_shift", "move"):
            days = int(after.get("days") or 0)
            tasks = q if action == "move" and n == 1 and q else Activity.tr("%n task(s)", "", n)
            if days > 0:
                span = Activity.tr("%n day(s)", "", days)
                return QCoreApplication.translate("Activity", "moved {tasks} {days} later").format(
                    tasks=tasks, days=span)
            if days < 0:
                span = Activity.tr("%n day(s)", "", -days)
                return QCoreApplication.translate("Activity", "moved {tasks} {days} earlier").format(
                    tasks=tasks, days=span)
            return QCoreApplication.translate("Activity", "moved {tasks}").format(tasks=tasks)
        if action == "bulk_restore":
            fields = self._fields(after.get("fields") or [])
            if fields:
                text = Activity.tr("undid a change of {fields} to %n task(s)", "", n)
                return text.format(fields=fields)
            return Activity.tr("undid a change to %n task(s)", "", n)
        if action == "bulk_create":
            return Activity.tr("added %n task(s)", "", n)
        if action == "import":
            parts = []
            if after.get("created"):
                parts.append(Activity.tr("%n new task(s)", "", int(after["created"])))
            if after.get("updated"):
                parts.append(Activity.tr("%n task(s) updated", "", int(after["updated"])))
            file = str(after.get("file") or "").replace("\\", "/").rsplit("/", 1)[-1]
            text = QCoreApplication.translate("Activity", "imported tasks from {file}: {what}")
            return text.format(file=file, what=self._list(parts) or "—")
        return QCoreApplication.translate("Activity", "changed {task} ({action})").format(
            task=q, action=action)

    def _bulk_update(self, n: int, after: dict) -> str:
        keys = [k for k in after if k not in ("ids", "count", "done_at", "done_by")]
        if keys == ["assignee_id"]:
            if after["assignee_id"] is None:
                return Activity.tr("unassigned %n task(s)", "", n)
            text = Activity.tr("assigned %n task(s) to {name}", "", n)
            return text.format(name=self.value("assignee_id", after["assignee_id"]))
        if keys == ["status"]:
            text = Activity.tr("set %n task(s) to {status}", "", n)
            return text.format(status=status_name(after["status"]))
        if len(keys) == 1:
            text = Activity.tr("set the {field} of %n task(s) to {value}", "", n)
            return text.format(field=field_name(keys[0]), value=self.value(keys[0], after[keys[0]]))
        text = Activity.tr("edited %n task(s): {fields}", "", n)
        return text.format(fields=self._fields(keys))

    @staticmethod
    def _count(after: dict) -> int:
        ids = after.get("ids")
        count = after.get("count")
        if isinstance(count, int):
            return count
        return len(ids) if isinstance(ids, list) else 0

    @staticmethod
    def _fields(keys) -> str:
        sep = QCoreApplication.translate("Activity", ", ")
        return sep.join(field_name(k) for k in keys if k not in ("done_at", "done_by"))

    @staticmethod
    def _list(parts: list[str]) -> str:
        sep = QCoreApplication.translate("Activity", ", ")
        return sep.join(parts)

    def _family(self, subtasks, comments, links) -> str:
        """"2 subtasks, 3 comments, 1 link" of a deleted or restored task ("" when none)."""
        parts = []
        if isinstance(subtasks, int) and subtasks > 0:
            parts.append(Activity.tr("%n subtask(s)", "", subtasks))
        if isinstance(comments, int) and comments > 0:
            parts.append(Activity.tr("%n comment(s)", "", comments))
        if isinstance(links, int) and links > 0:
            parts.append(Activity.tr("%n link(s)", "", links))
        return self._list(parts)

    # ---- plans and KPIs
    def _plan(self, action: str, q: str, before: dict, after: dict) -> str:
        if action == "create":
            return QCoreApplication.translate("Activity", "created the plan {name}").format(name=q)
        if action == "import":
            file = str(after.get("file") or "").replace("\\", "/").rsplit("/", 1)[-1]
            text = QCoreApplication.translate("Activity", "imported the plan {name} from {file}")
            return text.format(name=q, file=file or after.get("source") or "—")
        if action == "shift":
            days = int(after.get("days") or 0)
            span = Activity.tr("%n day(s)", "", abs(days))
            if days < 0:
                return QCoreApplication.translate("Activity", "moved the whole plan {days} earlier").format(days=span)
            return QCoreApplication.translate("Activity", "moved the whole plan {days} later").format(days=span)
        return QCoreApplication.translate("Activity", "changed the plan ({action})").format(action=action)

    def _kpi(self, entity: str, action: str, q: str, before: dict, after: dict) -> str:
        if entity == "kpis":
            names = {"create": QCoreApplication.translate("Activity", "added the KPI {kpi}"),
                     "update": QCoreApplication.translate("Activity", "edited the KPI {kpi}"),
                     "delete": QCoreApplication.translate("Activity", "deleted the KPI {kpi}")}
            name = q or (f"“{before.get('name_zh') or after.get('name_zh')}”"
                         if before.get("name_zh") or after.get("name_zh") else "")
            return names.get(action, QCoreApplication.translate("Activity", "edited the KPI {kpi}")).format(kpi=name)
        if entity == "kpi_targets":
            return QCoreApplication.translate("Activity", "set the targets of {kpi}").format(kpi=q)
        count = int(after.get("count") or 0)
        kpis = after.get("kpis")
        if not q and isinstance(kpis, list) and len(kpis) > 1:
            q = Activity.tr("%n KPI(s)", "", len(kpis))
        if action == "import":
            text = Activity.tr("imported %n value(s) of {kpi}", "", count)
        else:
            text = Activity.tr("entered %n value(s) of {kpi}", "", count)
        return text.format(kpi=q)

    def change(self, before: dict | None, after: dict | None) -> str:
        """before → after of each field that has both (or only the new values); for a bulk
        entry (its ``before`` per task id) the earlier values of all its tasks."""
        before, after = before or {}, after or {}
        if set(after) >= {"first", "last"} and not before:  # a range of KPI days
            return fmt.date_range(dt.date.fromisoformat(after["first"]),
                                  dt.date.fromisoformat(after["last"]), self.lang)
        hidden = {"done_at", "done_by", "scope", "task_id", "count", "text", "version", "ids",
                  "days", "tasks", "comments", "links", "subtasks", "fields", "file", "source",
                  "created", "updated", "removed", "kpis", "template", "title", "targets",
                  "has_password", "pred_id", "succ_id", "phases", "of", "action"}
        if isinstance(after.get("ids"), list) and before and all(
                isinstance(v, dict) for v in before.values()):
            return self._bulk_change(before, after, hidden)
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

    def _bulk_change(self, before: dict, after: dict, hidden: set[str]) -> str:
        """"assignee: 李客服, — → 王经理": the distinct earlier values (up to three) → the new one."""
        parts = []
        for key, new in after.items():
            if key in hidden:
                continue
            olds: list = []
            for values in before.values():
                old = values.get(key)
                if old not in olds:
                    olds.append(old)
            if len(olds) <= 3:
                was = self._list([self.value(key, o) for o in olds])
            else:
                was = QCoreApplication.translate("Activity", "{count} different values").format(
                    count=len(olds))
            parts.append(f"{field_name(key)}: {was} → {self.value(key, new)}")
        return "; ".join(parts)
