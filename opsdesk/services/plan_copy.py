"""Next season from this one: copy a plan to a new launch day, and save a plan as a
bilingual template (``resources/templates/*.toml``) that New plan and ``init`` offer."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, NotFound, StorageError, ValidationError
from opsdesk.model import Kpi, KpiTarget, Phase, Plan, Role, Task, TaskLink, TaskSeries
from opsdesk.model import anchors as A
from opsdesk.model.dates import add_months, shift
from opsdesk.services import anchors, permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes

BAD_KEY = QT_TRANSLATE_NOOP(
    "Errors", "“{value}” cannot be a template key: use letters, digits and “-” (e.g. shop-2027).")
CANNOT_WRITE = QT_TRANSLATE_NOOP("Errors", "The template could not be written to {path}: {detail}")
COPY_SUFFIX = "({year})"


@dataclass(frozen=True)
class CopyResult:
    changes: Changes
    warnings: list[ValidationError] = field(default_factory=list)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def offset_text(day: dt.date, launch: dt.date) -> str:
    """``day`` as an offset from ``launch`` (``L-22``, ``L+1m``, ``L+3m-1``): whole months
    when that makes the days smaller, so a template keeps "the end of the third month"."""
    months = _month_index(day) - _month_index(launch)
    best: tuple[int, int] | None = None
    for m in (months - 1, months, months + 1):
        try:
            rest = (day - add_months(launch, m)).days
        except ValueError:
            continue
        if best is None or abs(rest) < abs(best[1]) or (abs(rest) == abs(best[1]) and m == 0):
            best = (m, rest)
    m, rest = best if best is not None else (0, (day - launch).days)
    if m == 0:
        return "L" if rest == 0 else f"L{rest:+d}"
    return f"L{m:+d}m" + (f"{rest:+d}" if rest else "")


def _s(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


class _Bilingual:
    """Finds both languages of a text the plan holds in one: from the template the plan
    was made from (its titles, notes, labels); otherwise the same text twice."""

    def __init__(self, template_key: str | None) -> None:
        self.pairs: dict[str, tuple[str, str]] = {}
        if not template_key:
            return
        from opsdesk.templates.loader import available_templates, load_template

        if template_key not in available_templates():
            return
        try:
            t = load_template(template_key)
        except ValidationError:
            return
        texts = [t.name]
        for task in t.tasks:
            texts += [task.title, task.notes]
        for r in t.routines:
            texts += [r.title, r.notes]
        for k in t.kpis:
            texts += [tg.label for tg in k.targets]
        for b in texts:
            for one in (b.zh, b.en):
                if one:
                    self.pairs.setdefault(one, (b.zh, b.en))

    def lines(self, name: str, text: str) -> list[str]:
        if not text:
            return []
        zh, en = self.pairs.get(text, (text, text))
        return [f"{name}_zh = {_s(zh)}", f"{name}_en = {_s(en)}"]

    def inline(self, name: str, text: str) -> str:
        if not text:
            return ""
        zh, en = self.pairs.get(text, (text, text))
        return f", {name}_zh = {_s(zh)}, {name}_en = {_s(en)}"


class PlanCopyService(Service):
    # ---- copy plan

    def copy(self, actor: Actor, plan_id: int, launch: dt.date, name: str | None = None,
             ) -> CopyResult:
        """A new plan from ``plan_id`` for launch day ``launch``, in one action: the phases
        and launch-relative work shift, calendar and lunar dates land on the new year's
        dates, what hangs on another task follows it; statuses, comments and KPI actuals
        start empty; roles and people stay. Warns about festivals that are already late."""
        permissions.require_manager(actor)
        launch = validate.date(launch, "launch_date")
        with self.store.write() as s:
            src = s.get(Plan, plan_id)
            if src is None:
                raise NotFound()
            delta = (launch - src.launch_date).days
            if name is None or not name.strip():
                year = str(src.launch_date.year)
                name = (src.name.replace(year, str(launch.year)) if year in src.name
                        and launch.year != src.launch_date.year
                        else f"{src.name} {COPY_SUFFIX.format(year=launch.isoformat())}")
            name = validate.text(name, "name", 200)
            new_id = inserted_id(s.execute(insert(Plan).values(
                name=name, launch_date=launch, currency=src.currency,
                template_key=src.template_key, created_at=self.clock())))
            old_first = anchors.plan_start(s, plan_id)
            phases: dict[int, int] = {}
            spans: list[tuple[int, dt.date, dt.date]] = []
            for p in s.execute(select(Phase).where(Phase.plan_id == plan_id)
                               .order_by(Phase.position, Phase.id)).scalars():
                start = validate.date(shift(p.start, delta), "start")
                end = validate.date(shift(p.end, delta), "due")
                phases[p.id] = inserted_id(s.execute(insert(Phase).values(
                    plan_id=new_id, key=p.key, name_zh=p.name_zh, name_en=p.name_en,
                    start=start, end=end, position=p.position, color=p.color)))
                spans.append((phases[p.id], start, end))
            new_first = anchors.plan_start(s, new_id)
            tasks = self._copy_tasks(s, plan_id, new_id, delta, old_first, new_first, phases, spans)
            links = [dict(pred_id=tasks[p], succ_id=tasks[q], kind=k, lag_days=lag)
                     for p, q, k, lag in s.execute(
                         select(TaskLink.pred_id, TaskLink.succ_id, TaskLink.kind,
                                TaskLink.lag_days).join(Task, Task.id == TaskLink.succ_id)
                         .where(Task.plan_id == plan_id))
                     if p in tasks and q in tasks]
            if links:
                s.execute(insert(TaskLink), links)
            self._copy_routines(s, plan_id, new_id, delta)
            anchors.follow(s, new_id, set(tasks.values()))
            self._copy_kpis(s, plan_id, new_id, delta, src.launch_date, launch)
            warnings = anchors.plan_warnings(s, new_id)
            cid = self.log(s, actor, "plan", new_id, "create", plan_id=new_id, after=dict(
                name=name, launch_date=launch, copy_of=plan_id, tasks=len(tasks)))
        return CopyResult(Changes(plans=True, tasks=True, kpis=True, ids=frozenset({new_id}),
                                  change_id=cid, plan_id=new_id), warnings)

    @staticmethod
    def _copy_tasks(s, plan_id: int, new_id: int, delta: int, old_first: dt.date,
                    new_first: dt.date, phases: dict[int, int],
                    spans: list[tuple[int, dt.date, dt.date]]) -> dict[int, int]:
        rows = s.execute(select(Task).where(Task.plan_id == plan_id, Task.series_id.is_(None))
                         .order_by(Task.id)).scalars().all()
        by_id = {t.id: t for t in rows}
        tasks: dict[int, int] = {}
        for t in rows:
            kind = anchors.effective_kind(t, by_id)
            start, due = shift(t.start, delta), shift(t.due, delta)
            phase_id = phases.get(t.phase_id) if t.phase_id is not None else None
            if kind in A.FIXED and t.due is not None and t.anchor_month and t.anchor_day:
                base = t.due - dt.timedelta(days=t.anchor_days)
                try:
                    old = A.first_on_or_after(kind, t.anchor_month, t.anchor_day, old_first)
                    new = A.first_on_or_after(kind, t.anchor_month, t.anchor_day, new_first)
                    found = A.on(kind, t.anchor_month, t.anchor_day,
                                 new.year + A.year_of(kind, base) - old.year)
                except ValueError as exc:
                    raise ValidationError(anchors.OUT_OF_RANGE, field="launch_date",
                                          year=new_first.year) from exc
                due = found.date + dt.timedelta(days=t.anchor_days)
                start = None if t.start is None else due - (t.due - t.start)
            for value, label in ((start, "start"), (due, "due")):
                if value is not None:
                    validate.date(value, label)
            tasks[t.id] = inserted_id(s.execute(insert(Task).values(
                plan_id=new_id, phase_id=phase_id, title=t.title, notes=t.notes,
                role_id=t.role_id, assignee_id=t.assignee_id, start=start, due=due,
                status="todo", priority=t.priority, is_milestone=t.is_milestone,
                position=t.position, version=1, anchor_kind=kind,
                anchor_month=t.anchor_month if kind in A.FIXED else None,
                anchor_day=t.anchor_day if kind in A.FIXED else None,
                anchor_days=t.anchor_days if kind != A.LAUNCH else 0)))
        for t in rows:
            values: dict[str, Any] = {}
            if t.parent_id in tasks:
                values["parent_id"] = tasks[t.parent_id]
            if anchors.effective_kind(t, by_id) == A.TASK and t.anchor_task_id in tasks:
                values["anchor_task_id"] = tasks[t.anchor_task_id]
            if values:
                s.execute(update(Task).where(Task.id == tasks[t.id]).values(**values))
        return tasks

    @staticmethod
    def _copy_routines(s, plan_id: int, new_id: int, delta: int) -> None:
        from opsdesk.services.series import SeriesService, occurrence_dates

        for sr in s.execute(select(TaskSeries).where(TaskSeries.plan_id == plan_id)
                            .order_by(TaskSeries.id)).scalars().all():
            first = s.execute(select(Task).where(Task.series_id == sr.id)
                              .order_by(Task.due, Task.id).limit(1)).scalar()
            if first is None:
                continue
            start = validate.date(shift(sr.start, delta), "start")
            until = validate.date(shift(sr.until, delta), "due") if sr.until else None
            sid = inserted_id(s.execute(insert(TaskSeries).values(
                plan_id=new_id, rule=sr.rule, start=start, until=until)))
            SeriesService.insert_occurrences(
                s, new_id, sid, occurrence_dates(sr.rule, start, until),
                dict(title=first.title, notes=first.notes, role_id=first.role_id,
                     assignee_id=first.assignee_id, priority=first.priority,
                     is_milestone=first.is_milestone), None, first.position)

    @staticmethod
    def _copy_kpis(s, plan_id: int, new_id: int, delta: int, old_launch: dt.date,
                   launch: dt.date) -> None:
        months = _month_index(launch) - _month_index(old_launch)
        for k in s.execute(select(Kpi).where(Kpi.plan_id == plan_id)
                           .order_by(Kpi.position, Kpi.id)).scalars().all():
            kpi_id = inserted_id(s.execute(insert(Kpi).values(
                plan_id=new_id, key=k.key, name_zh=k.name_zh, name_en=k.name_en, unit=k.unit,
                direction=k.direction, aggregation=k.aggregation, owner_role_id=k.owner_role_id,
                decimals=k.decimals, position=k.position)))
            for tg in s.execute(select(KpiTarget).where(KpiTarget.kpi_id == k.id)
                                .order_by(KpiTarget.id)).scalars().all():
                if anchors.month_aligned(tg.period_start, tg.period_end):  # stays on months
                    start = add_months(tg.period_start, months)
                    end = add_months(tg.period_end + dt.timedelta(days=1), months) - dt.timedelta(days=1)
                else:
                    start, end = shift(tg.period_start, delta), shift(tg.period_end, delta)
                s.execute(insert(KpiTarget).values(
                    kpi_id=kpi_id, period_start=validate.date(start, "start"),
                    period_end=validate.date(end, "due"), low=tg.low, high=tg.high,
                    label=tg.label))

    # ---- save as template

    def template_text(self, plan_id: int, key: str, name_zh: str, name_en: str) -> str:
        """The plan as a bilingual template (the format of ``resources/templates``): dates
        as offsets from launch day, festivals as their anchors."""
        key = self.check_key(key)
        name_zh = validate.text(name_zh, "name", 200)
        name_en = validate.text(name_en or name_zh, "name", 200)
        with self.store.read() as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise NotFound()
            return _TemplateWriter(s, plan, key, name_zh, name_en).text()

    def save_template(self, actor: Actor, plan_id: int, path: Path, key: str, name_zh: str,
                      name_en: str) -> Path:
        """Write ``template_text`` to ``path`` (a ``.toml`` file); returns the path."""
        permissions.require_manager(actor)
        text = self.template_text(plan_id, key, name_zh, name_en)
        path = Path(path)
        if path.suffix != ".toml":
            path = path.with_suffix(".toml")
        from opsdesk.store import files

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with files.open_user_file(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            raise StorageError(CANNOT_WRITE, path=str(path), detail=exc.strerror or exc) from exc
        return path

    @staticmethod
    def check_key(key: str) -> str:
        key = (key or "").strip().lower()
        if not key or len(key) > 64 or not all(c.isalnum() and c.isascii() or c in "-_"
                                               for c in key):
            raise ValidationError(BAD_KEY, field="key", value=key)
        return key.replace("_", "-")


class _TemplateWriter:
    def __init__(self, s, plan: Plan, key: str, name_zh: str, name_en: str) -> None:
        self.s, self.plan, self.key = s, plan, key
        self.name_zh, self.name_en = name_zh, name_en
        self.bi = _Bilingual(plan.template_key)
        self.roles = {i: k for i, k in s.execute(select(Role.id, Role.key))}

    def off(self, day: dt.date) -> str:
        return offset_text(day, self.plan.launch_date)

    def text(self) -> str:
        s, plan = self.s, self.plan
        out = [f"# {self.name_zh} / {self.name_en}: saved from the plan “{plan.name}”",
               f"# (launch day {plan.launch_date.isoformat()}). Dates are offsets from launch day L;",
               "# anchored tasks follow the calendar (see resources/templates/ecommerce_launch.toml).",
               "", "[template]", f"key = {_s(self.key)}", f"name_zh = {_s(self.name_zh)}",
               f"name_en = {_s(self.name_en)}", f"currency = {_s(plan.currency)}", ""]
        for r in s.execute(select(Role).order_by(Role.id)).scalars():
            out += ["[[roles]]", f"key = {_s(r.key)}", f"name_zh = {_s(r.name_zh)}",
                    f"name_en = {_s(r.name_en)}", f"color = {_s(r.color)}", ""]
        phase_keys: dict[int, str] = {}
        for p in s.execute(select(Phase).where(Phase.plan_id == plan.id)
                           .order_by(Phase.position, Phase.id)).scalars():
            phase_keys[p.id] = p.key
            out += ["[[phases]]", f"key = {_s(p.key)}", f"name_zh = {_s(p.name_zh)}",
                    f"name_en = {_s(p.name_en)}", f"start = {_s(self.off(p.start))}",
                    f"end = {_s(self.off(p.end))}", f"color = {_s(p.color)}", ""]
        if not phase_keys:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A plan needs at least one phase."),
                                  field="phases")
        out += self._tasks(phase_keys)
        out += self._kpis()
        out += self._routines()
        return "\n".join(out).rstrip() + "\n"

    def _tasks(self, phase_keys: dict[int, str]) -> list[str]:
        s, plan = self.s, self.plan
        rows = s.execute(select(Task).where(Task.plan_id == plan.id, Task.series_id.is_(None))
                         .order_by(Task.position, Task.id)).scalars().all()
        by_id = {t.id: t for t in rows}
        order: list[Task] = []
        placed: set[int] = set()

        def place(t: Task) -> None:  # a parent before its subtasks
            if t.id in placed:
                return
            placed.add(t.id)
            if t.parent_id in by_id:
                place(by_id[t.parent_id])
            order.append(t)

        for t in rows:
            place(t)
        keys = {t.id: f"t{n}" for n, t in enumerate(order, start=1)}
        first_phase = next(iter(phase_keys.values()))
        after: dict[int, list[int]] = {}
        for p, q in s.execute(select(TaskLink.pred_id, TaskLink.succ_id).join(
                Task, Task.id == TaskLink.succ_id).where(Task.plan_id == plan.id)
                .order_by(TaskLink.pred_id)):
            if p in keys and q in keys:
                after.setdefault(q, []).append(p)
        out: list[str] = []
        for t in order:
            kind = anchors.effective_kind(t, by_id)
            lines = ["[[tasks]]", f"key = {_s(keys[t.id])}"]
            if t.parent_id in keys:
                lines.append(f"parent = {_s(keys[t.parent_id])}")
            lines.append(f"phase = {_s(phase_keys.get(t.phase_id or -1, first_phase))}")
            lines += self.bi.lines("title", t.title) + self.bi.lines("notes", t.notes)
            if t.role_id in self.roles:
                lines.append(f"role = {_s(self.roles[t.role_id])}")
            if kind != A.LAUNCH and t.due is not None:
                if kind == A.TASK:
                    anchor = f"task:{keys[t.anchor_task_id]}" if t.anchor_task_id in keys else None
                else:
                    prefix = "lunar:" if kind == A.LUNAR else ""
                    anchor = f"{prefix}{t.anchor_month:02d}-{t.anchor_day:02d}"
                if anchor is not None:
                    lines.append(f"anchor = {_s(anchor)}")
                    if t.anchor_days:
                        lines.append(f"anchor_days = {t.anchor_days}")
                    if t.start is not None:
                        lines.append(f"length = {(t.due - t.start).days}")
                else:
                    kind = A.LAUNCH
            if kind == A.LAUNCH:
                if t.start is not None:
                    lines.append(f"start = {_s(self.off(t.start))}")
                if t.due is not None:
                    lines.append(f"due = {_s(self.off(t.due))}")
            if t.is_milestone:
                lines.append("milestone = true")
            if t.priority != "normal":
                lines.append(f"priority = {_s(t.priority)}")
            if after.get(t.id):
                lines.append("after = [" + ", ".join(_s(keys[p]) for p in after[t.id]) + "]")
            out += lines + [""]
        return out

    def _kpis(self) -> list[str]:
        out: list[str] = []
        for k in self.s.execute(select(Kpi).where(Kpi.plan_id == self.plan.id)
                                .order_by(Kpi.position, Kpi.id)).scalars().all():
            out += ["[[kpis]]", f"key = {_s(k.key)}", f"name_zh = {_s(k.name_zh)}",
                    f"name_en = {_s(k.name_en)}", f"unit = {_s(k.unit)}",
                    f"direction = {_s(k.direction)}", f"aggregation = {_s(k.aggregation)}"]
            if k.owner_role_id in self.roles:
                out.append(f"owner = {_s(self.roles[k.owner_role_id])}")
            out.append(f"decimals = {k.decimals}")
            targets = self.s.execute(select(KpiTarget).where(KpiTarget.kpi_id == k.id)
                                     .order_by(KpiTarget.id)).scalars().all()
            if targets:
                out.append("targets = [")
                for tg in targets:
                    bounds = "".join(f", {n} = {v!r}" for n, v in (("low", tg.low), ("high", tg.high))
                                     if v is not None)
                    out.append(f"  {{ start = {_s(self.off(tg.period_start))}, "
                               f"end = {_s(self.off(tg.period_end))}{bounds}"
                               f"{self.bi.inline('label', tg.label)} }},")
                out.append("]")
            out.append("")
        return out

    def _routines(self) -> list[str]:
        out: list[str] = []
        for n, sr in enumerate(self.s.execute(
                select(TaskSeries).where(TaskSeries.plan_id == self.plan.id)
                .order_by(TaskSeries.id)).scalars().all(), start=1):
            first = self.s.execute(select(Task).where(Task.series_id == sr.id)
                                   .order_by(Task.due, Task.id).limit(1)).scalar()
            if first is None:
                continue
            until = sr.until or sr.start
            out += ["[[routines]]", f"key = {_s(f'r{n}')}"]
            out += self.bi.lines("title", first.title) + self.bi.lines("notes", first.notes)
            if first.role_id in self.roles:
                out.append(f"role = {_s(self.roles[first.role_id])}")
            out += [f"rule = {_s(sr.rule)}", f"start = {_s(self.off(sr.start))}",
                    f"until = {_s(self.off(until))}"]
            if first.priority != "normal":
                out.append(f"priority = {_s(first.priority)}")
            if first.is_milestone:
                out.append("milestone = true")
            out.append("")
        return out

