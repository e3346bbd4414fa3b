"""Plans and phases: made from a template, shifted with launch day, summarised."""

from __future__ import annotations

import builtins
import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from opsdesk.model import Kpi, KpiTarget, Phase, Plan, Role, Task, TaskLink, TaskSeries
from opsdesk.model import anchors as A
from opsdesk.model.dates import MAX_DATE, MIN_DATE, shift
from opsdesk.services import anchors, permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.anchors import LaunchMove
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes
from opsdesk.services.plan_info import PhaseInfo, PlanInfo

if TYPE_CHECKING:  # the template loader (tomllib) loads only when a plan is made
    from opsdesk.templates.loader import Template

NO_PHASES = QT_TRANSLATE_NOOP("Errors", "A plan needs at least one phase.")
PHASE_ORDER = QT_TRANSLATE_NOOP("Errors", "The phase ends ({end}) before it starts ({start}).")


PHASE_COLUMNS = (Phase.id, Phase.plan_id, Phase.key, Phase.name_zh, Phase.name_en, Phase.start,
                 Phase.end, Phase.position, Phase.color)


def template_dates(template: Template, launch: dt.date
                   ) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """Each template task's (start, due) for ``launch``: offsets from launch day, or its
    anchor: a calendar or lunar date's first occurrence on or after the plan's first day,
    another task's due plus days."""
    first = min((p.start.on(launch) for p in template.phases), default=launch)
    specs = {t.key: t for t in template.tasks}
    out: dict[str, tuple[dt.date | None, dt.date | None]] = {}

    def dates_of(key: str) -> tuple[dt.date | None, dt.date | None]:
        if key in out:
            return out[key]
        t = specs[key]
        a = t.anchor
        if a is None:
            out[key] = (t.start.on(launch) if t.start else None,
                        t.due.on(launch) if t.due else None)
            return out[key]
        if a.kind == A.TASK:
            base = dates_of(a.task)[1] if a.task else None
        else:
            assert a.month is not None and a.day is not None
            try:
                base = A.first_on_or_after(a.kind, a.month, a.day, first).date
            except ValueError as exc:
                raise ValidationError(anchors.OUT_OF_RANGE, field="anchor",
                                      year=first.year) from exc
        due = shift(base, a.days) if base is not None else None
        start = shift(due, -a.length) if due is not None and a.length is not None else None
        out[key] = (start, due)
        return out[key]

    for key in specs:
        dates_of(key)
    return out


class PlanService(Service):
    # ---- reading

    def list(self) -> list[PlanInfo]:
        with self.store.read() as s:
            rows = s.execute(select(Plan.id, Plan.name, Plan.launch_date, Plan.currency,
                                    Plan.template_key).order_by(Plan.id)).all()
        return [PlanInfo(*r) for r in rows]

    def get(self, plan_id: int) -> PlanInfo:
        with self.store.read() as s:
            row = s.execute(select(Plan.id, Plan.name, Plan.launch_date, Plan.currency,
                                   Plan.template_key).where(Plan.id == plan_id)).first()
        if row is None:
            raise NotFound()
        return PlanInfo(*row)

    def phases(self, plan_id: int) -> builtins.list[PhaseInfo]:
        with self.store.read() as s:
            rows = s.execute(select(*PHASE_COLUMNS).where(Phase.plan_id == plan_id)
                             .order_by(Phase.position, Phase.start)).all()
        return [PhaseInfo(*r) for r in rows]

    # ---- writing

    def create_from_template(self, actor: Actor, template: Template, launch: dt.date,
                             name: str | None = None, lang: str = "zh_CN",
                             routines: bool = False) -> Changes:
        """Make a whole plan (roles it needs, phases, tasks, links, KPIs) in one action;
        with ``routines`` also the template's recurring tasks (the sample, ``opsdesk init``)."""
        permissions.require_manager(actor)
        launch = validate.date(launch, "launch_date")
        name = validate.text(name or template.name.get(lang), "name", 200)
        if not template.phases:
            raise ValidationError(NO_PHASES, field="phases")
        with self.store.write() as s:
            plan_id = inserted_id(s.execute(insert(Plan).values(
                name=name, launch_date=launch, currency=template.currency,
                template_key=template.key, created_at=self.clock())))
            roles = dict(s.execute(select(Role.key, Role.id)).all())
            for role in template.roles:
                if role.key not in roles:
                    roles[role.key] = inserted_id(s.execute(insert(Role).values(
                        key=role.key, name_zh=role.name.zh, name_en=role.name.en, color=role.color)
                    ))
            phases: dict[str, int] = {}
            start: dt.date | None  # a phase's start, then a task's (which may have none)
            for pos, p in enumerate(template.phases):
                start, end = p.start.on(launch), p.end.on(launch)
                validate.date(start, "start"), validate.date(end, "due")
                phases[p.key] = inserted_id(s.execute(insert(Phase).values(
                    plan_id=plan_id, key=p.key, name_zh=p.name.zh, name_en=p.name.en,
                    start=start, end=end, position=pos, color=p.color)))
            tasks: dict[str, int] = {}
            dates = template_dates(template, launch)
            for pos, t in enumerate(template.tasks):
                start, due = dates[t.key]
                validate.date_order(start, due)
                a = t.anchor
                tasks[t.key] = inserted_id(s.execute(insert(Task).values(
                    plan_id=plan_id, phase_id=phases[t.phase],
                    parent_id=tasks[t.parent] if t.parent else None,
                    title=t.title.get(lang), notes=t.notes.get(lang),
                    role_id=roles[t.role] if t.role else None, start=start, due=due,
                    status="todo", priority=t.priority, is_milestone=t.milestone,
                    position=pos, version=1, anchor_kind=a.kind if a else A.LAUNCH,
                    anchor_month=a.month if a else None, anchor_day=a.day if a else None,
                    anchor_days=a.days if a else 0)))
            for t in template.tasks:
                if t.anchor is not None and t.anchor.task is not None:
                    s.execute(update(Task).where(Task.id == tasks[t.key])
                              .values(anchor_task_id=tasks[t.anchor.task]))
            links = [dict(pred_id=tasks[pred], succ_id=tasks[t.key], kind="FS", lag_days=0)
                     for t in template.tasks for pred in t.after]
            if links:
                s.execute(insert(TaskLink), links)
            from opsdesk.services.series import SeriesService, occurrence_dates

            for pos, r in enumerate(template.routines if routines else (),
                                    start=len(template.tasks)):
                start, until = r.start.on(launch), r.until.on(launch)
                sid = inserted_id(s.execute(insert(TaskSeries).values(
                    plan_id=plan_id, rule=r.rule, start=start, until=until)))
                SeriesService.insert_occurrences(
                    s, plan_id, sid, occurrence_dates(r.rule, start, until),
                    dict(title=r.title.get(lang), notes=r.notes.get(lang),
                         role_id=roles[r.role] if r.role else None, assignee_id=None,
                         priority=r.priority, is_milestone=r.milestone), None, pos)
            for pos, k in enumerate(template.kpis):
                kpi_id = inserted_id(s.execute(insert(Kpi).values(
                    plan_id=plan_id, key=k.key, name_zh=k.name.zh, name_en=k.name.en,
                    unit=k.unit, direction=k.direction, aggregation=k.aggregation,
                    owner_role_id=roles[k.owner] if k.owner else None, decimals=k.decimals,
                    position=pos)))
                for tg in k.targets:
                    s.execute(insert(KpiTarget).values(
                        kpi_id=kpi_id, period_start=tg.start.on(launch),
                        period_end=tg.end.on(launch), low=tg.low, high=tg.high,
                        label=tg.label.get(lang)))
            cid = self.log(s, actor, "plan", plan_id, "create", plan_id=plan_id, after=dict(
                name=name, launch_date=launch, template=template.key, tasks=len(tasks)))
        return Changes(plans=True, tasks=True, kpis=True, people=True,
                       ids=frozenset({plan_id}), change_id=cid, plan_id=plan_id)

    def set_launch_date(self, actor: Actor, plan_id: int, launch: dt.date) -> Changes:
        """Move launch day; what depends on it moves by the same number of days (``shift``)."""
        launch = validate.date(launch, "launch_date")
        return self.shift(actor, plan_id, (launch - self.get(plan_id).launch_date).days)

    def launch_move(self, plan_id: int, launch: dt.date) -> LaunchMove:
        """What moving launch day to ``launch`` would move and what would stay, and why
        (the confirmation before a launched plan's launch day moves)."""
        launch = validate.date(launch, "launch_date")
        with self.store.read() as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise NotFound()
            rows, moving, stay = anchors.classify_launch_move(s, plan_id)
            periods = s.execute(select(KpiTarget.period_start, KpiTarget.period_end).where(
                KpiTarget.kpi_id.in_(select(Kpi.id).where(Kpi.plan_id == plan_id)))).all()
            old = plan.launch_date
        kept = sum(anchors.month_aligned(a, b) for a, b in periods)
        return LaunchMove(plan_id, old, launch,
                          tuple((i, rows[i].title) for i in rows if i in moving),
                          tuple((i, rows[i].title, *stay[i]) for i in rows if i in stay),
                          len(periods) - kept, kept)

    def shift(self, actor: Actor, plan_id: int, days: int) -> Changes:
        """Move launch day by ``days`` in one action: the phases, the routines, the
        unfinished launch-relative tasks and what hangs on them (``anchors``) and the
        targets that are not whole calendar months move; finished tasks, calendar and
        lunar dates and monthly targets stay."""
        permissions.require_manager(actor)
        if abs(days) > (MAX_DATE - MIN_DATE).days:  # would overflow ``date``; out of bounds anyway
            raise ValidationError(validate.OUT_OF_BOUNDS, field="launch_date",
                                  label=validate.LABELS["launch_date"], value=f"{days:+d} days",
                                  low=MIN_DATE.isoformat(), high=MAX_DATE.isoformat())
        with self.store.write() as s:
            plan = s.get(Plan, plan_id)
            if plan is None:
                raise NotFound()
            before = plan.launch_date
            after = validate.date(shift(before, days), "launch_date")
            plan.launch_date = after
            rows, moving, stay = anchors.classify_launch_move(s, plan_id)
            direct = {i for i in moving if anchors.effective_kind(rows[i], rows) != A.TASK}
            self._shift_rows(s, Phase, Phase.plan_id == plan_id, ("start", "end"), days)
            self._shift_rows(s, Task, Task.plan_id == plan_id, ("start", "due"), days,
                             only=lambda row: row[0] in direct)
            followed = anchors.follow(s, plan_id, direct) if days else set()
            self._shift_rows(s, TaskSeries, TaskSeries.plan_id == plan_id, ("start", "until"), days)
            self._snap_routines(s, plan_id, direct)
            self._shift_rows(s, KpiTarget, KpiTarget.kpi_id.in_(
                select(Kpi.id).where(Kpi.plan_id == plan_id)), ("period_start", "period_end"), days,
                only=lambda row: not anchors.month_aligned(row[1], row[2]))
            cid = self.log(s, actor, "plan", plan_id, "shift", plan_id=plan_id,
                           before=dict(launch_date=before),
                           after=dict(launch_date=after, days=days,
                                      moved=len(direct | followed) if days else 0,
                                      kept=len(stay)))
        return Changes(plans=True, tasks=True, kpis=True, ids=frozenset({plan_id}),
                       change_id=cid, plan_id=plan_id)

    @staticmethod
    def _snap_routines(s, plan_id: int, moved: set[int]) -> None:
        """Occurrences of a routine that moved with launch day land on the routine's own
        days again (a "first Monday" meeting stays on a first Monday, a weekly check on its
        weekday): each goes to the nearest day its shifted rule gives that no other
        occurrence holds."""
        from opsdesk.services.series import occurrence_dates

        if not moved:
            return
        series = s.execute(select(TaskSeries.id, TaskSeries.rule, TaskSeries.start,
                                  TaskSeries.until).where(TaskSeries.plan_id == plan_id)).all()
        for sid, rule, start, until in series:
            rows = s.execute(select(Task.id, Task.due).where(Task.series_id == sid)
                             .order_by(Task.due, Task.id)).all()
            mine = [(i, due) for i, due in rows if i in moved and due is not None]
            if not mine:
                continue
            try:
                days = occurrence_dates(rule, start, until or max(d for _i, d in mine))
            except ValidationError:
                continue  # (a rule that gives no days now: the occurrences keep the shift)
            taken = {due for i, due in rows if i not in moved}
            free = [d for d in days if d not in taken]
            params = []
            def distance(day: dt.date, due: dt.date) -> tuple[int, bool]:
                return abs((day - due).days), day < due  # (a tie: the later day)

            for i, due in mine:
                if not free:
                    break
                near = min(free, key=functools.partial(distance, due=due))
                free.remove(near)
                if near != due:
                    params.append({"_id": i, "_due": near})
            if params:
                table = Task.__table__
                s.connection().execute(
                    update(table).where(table.c.id == bindparam("_id"))
                    .values(due=bindparam("_due"), version=table.c.version + 1), params)

    @staticmethod
    def _shift_rows(s, model, where, columns: tuple[str, ...], days: int,
                    only: Callable[[Any], bool] | None = None) -> None:
        """Read the dates, move them in Python (portable across backends), write back;
        ``only`` picks the rows (id, *columns) that move."""
        if days == 0:
            return
        cols = [getattr(model, c) for c in columns]
        rows = [r for r in s.execute(select(model.id, *cols).where(where)).all()
                if only is None or only(r)]
        if not rows:
            return
        params = []
        for row in rows:
            values = {c: shift(v, days) for c, v in zip(columns, row[1:], strict=True)}
            for v in values.values():
                if v is not None:
                    validate.date(v, "start")
            params.append({"_id": row[0], **{f"_{c}": v for c, v in values.items()}})
        stmt = (update(model.__table__).where(model.__table__.c.id == bindparam("_id"))
                .values({c: bindparam(f"_{c}") for c in columns}))
        if model is Task:
            stmt = stmt.values(version=model.__table__.c.version + 1)
        s.connection().execute(stmt, params)

    def update_phase(self, actor: Actor, phase_id: int, *, start: dt.date | None = None,
                     end: dt.date | None = None, name_zh: str | None = None,
                     name_en: str | None = None, color: str | None = None) -> Changes:
        permissions.require_manager(actor)
        with self.store.write() as s:
            phase = s.get(Phase, phase_id)
            if phase is None:
                raise NotFound()
            before = dict(start=phase.start, end=phase.end, name_zh=phase.name_zh,
                          name_en=phase.name_en, color=phase.color)
            if start is not None:
                phase.start = validate.date(start, "start")
            if end is not None:
                phase.end = validate.date(end, "due")
            if phase.end < phase.start:
                raise ValidationError(PHASE_ORDER, field="due", start=phase.start.isoformat(),
                                      end=phase.end.isoformat())
            if name_zh is not None:
                phase.name_zh = validate.text(name_zh, "name", 200)
            if name_en is not None:
                phase.name_en = validate.text(name_en, "name", 200)
            if color is not None:
                phase.color = color
            after = dict(start=phase.start, end=phase.end, name_zh=phase.name_zh,
                         name_en=phase.name_en, color=phase.color)
            cid = self.log(s, actor, "phase", phase_id, "update", before=before, after=after,
                           plan_id=phase.plan_id)
            plan_id = phase.plan_id
        return Changes(plans=True, ids=frozenset({phase_id}), change_id=cid, plan_id=plan_id)
