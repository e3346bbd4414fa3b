"""A plan's phases in the manager's hands: add, remove an empty one, reorder.

Renaming and new dates are ``PlanService.update_phase`` (services/plans.py). Each method is
one transaction and one change-log entry, so one undo step.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, insert, select

from opsdesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from opsdesk.model import Phase, Plan, Task
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes
from opsdesk.services.plans import PHASE_ORDER

PHASE_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Errors", "The phase “{name}” still holds {count} task(s); move them to another phase first.")
LAST_PHASE = QT_TRANSLATE_NOOP("Errors", "A plan needs at least one phase.")
BAD_COLOR = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a colour; write it as #rrggbb.")
DEFAULT_COLOR = "#8e7cc3"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def overlapping(phases, start: dt.date, end: dt.date, skip: int | None = None) -> list:
    """The phases (anything with ``id``, ``start``, ``end``) whose dates overlap start … end,
    except the one with id ``skip``: what the Phases dialog warns about (allowed, not refused)."""
    return [p for p in phases if p.id != skip and p.start <= end and start <= p.end]


class PhaseService(Service):
    def add(self, actor: Actor, plan_id: int, *, name_zh: str, name_en: str, start: dt.date,
            end: dt.date, color: str = DEFAULT_COLOR, position: int | None = None) -> Changes:
        """A new phase (at the end, or at ``position``, the later ones moving down one)."""
        permissions.require_manager(actor)
        name_zh = validate.text(name_zh, "name", 200)
        name_en = validate.text(name_en, "name", 200)
        start, end = validate.date(start, "start"), validate.date(end, "due")
        if end < start:
            raise ValidationError(PHASE_ORDER, field="due", start=start.isoformat(),
                                  end=end.isoformat())
        if not _COLOR.match(color or ""):
            raise ValidationError(BAD_COLOR, field="color", value=color)
        with self.store.write() as s:
            if s.get(Plan, plan_id) is None:
                raise NotFound()
            rows = s.execute(select(Phase.id, Phase.key).where(Phase.plan_id == plan_id)
                             .order_by(Phase.position, Phase.start)).all()
            keys = {r.key for r in rows}
            n = len(rows) + 1
            while f"phase{n}" in keys:
                n += 1
            order = [r.id for r in rows]
            pos = len(order) if position is None else max(0, min(position, len(order)))
            phase_id = inserted_id(s.execute(insert(Phase).values(
                plan_id=plan_id, key=f"phase{n}", name_zh=name_zh, name_en=name_en,
                start=start, end=end, position=pos, color=color)))
            order.insert(pos, phase_id)
            self._renumber(s, order)
            cid = self.log(s, actor, "phase", phase_id, "create", plan_id=plan_id, after=dict(
                name_zh=name_zh, name_en=name_en, start=start, end=end, position=pos))
        return Changes(plans=True, ids=frozenset({phase_id}), change_id=cid, plan_id=plan_id)

    def remove(self, actor: Actor, phase_id: int, lang: str = "zh_CN") -> Changes:
        """Remove a phase that holds no task (a phase with tasks is refused, saying how many)."""
        permissions.require_manager(actor)
        with self.store.write() as s:
            phase = s.get(Phase, phase_id)
            if phase is None:
                raise NotFound()
            plan_id = phase.plan_id
            count = s.scalar(select(func.count()).select_from(Task)
                             .where(Task.phase_id == phase_id)) or 0
            if count:
                raise ValidationError(PHASE_NOT_EMPTY, field="phase", count=count,
                                      name=phase.name_zh if lang.startswith("zh") else phase.name_en)
            others = s.execute(select(Phase.id).where(Phase.plan_id == plan_id, Phase.id != phase_id)
                               .order_by(Phase.position, Phase.start)).scalars().all()
            if not others:
                raise ValidationError(LAST_PHASE, field="phase")
            before = dict(key=phase.key, name_zh=phase.name_zh, name_en=phase.name_en,
                          start=phase.start, end=phase.end, position=phase.position,
                          color=phase.color)
            s.delete(phase)
            s.flush()
            self._renumber(s, list(others))
            cid = self.log(s, actor, "phase", phase_id, "delete", plan_id=plan_id, before=before)
        return Changes(plans=True, ids=frozenset({phase_id}), change_id=cid, plan_id=plan_id)

    def move(self, actor: Actor, phase_id: int, offset: int) -> Changes:
        """Move a phase ``offset`` places up (negative) or down the plan's order."""
        permissions.require_manager(actor)
        with self.store.write() as s:
            phase = s.get(Phase, phase_id)
            if phase is None:
                raise NotFound()
            plan_id = phase.plan_id
            order = list(s.execute(select(Phase.id).where(Phase.plan_id == plan_id)
                                   .order_by(Phase.position, Phase.start)).scalars())
            old = order.index(phase_id)
            new = max(0, min(old + offset, len(order) - 1))
            order.insert(new, order.pop(old))
            self._renumber(s, order)
            cid = self.log(s, actor, "phase", phase_id, "move", plan_id=plan_id,
                           before=dict(position=old), after=dict(position=new))
        return Changes(plans=True, ids=frozenset({phase_id}), change_id=cid, plan_id=plan_id)

    def task_counts(self, plan_id: int) -> dict[int, int]:
        """How many tasks (routine occurrences included) each phase of the plan holds."""
        with self.store.read() as s:
            rows = s.execute(select(Task.phase_id, func.count()).where(Task.plan_id == plan_id)
                             .group_by(Task.phase_id)).all()
        return {int(pid): int(n) for pid, n in rows if pid is not None}

    @staticmethod
    def _renumber(s, order: list[int]) -> None:
        """Positions 0, 1, 2 … in ``order``; only the rows whose position changes are written."""
        current = dict(s.execute(select(Phase.id, Phase.position).where(Phase.id.in_(order))).all())
        for pos, pid in enumerate(order):
            if current.get(pid) != pos:
                phase = s.get(Phase, pid)
                phase.position = pos
        s.flush()
