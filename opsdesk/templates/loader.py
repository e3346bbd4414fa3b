"""Read a bilingual plan template: roles, phases, tasks, milestones, KPIs and targets,
with every date written relative to launch day ``L`` (``L-22``, ``L+1m``, ``L+3m-1``)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.model import anchors
from opsdesk.model.dates import add_months
from opsdesk.model.enums import Aggregation, Direction, Priority
from opsdesk.paths import RESOURCES

TEMPLATE_DIR = RESOURCES / "templates"  # (in the frozen app, inside its bundle folder)
_OFFSET = re.compile(r"^L(?:([+-]\d+)m)?(?:([+-]\d+))?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")

BAD_TEMPLATE = QT_TRANSLATE_NOOP("Errors", "The template {name} is not valid: {detail}")
NO_TEMPLATE = QT_TRANSLATE_NOOP("Errors", "There is no template “{name}”; available: {available}.")


@dataclass(frozen=True)
class Offset:
    """A date relative to launch day: ``months`` then ``days``."""

    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Offset:
        m = _OFFSET.match(text.replace(" ", ""))
        if not m:
            raise ValueError(f"bad date offset {text!r} (expected e.g. L-22, L+1m, L+3m-1)")
        return cls(int(m.group(1) or 0), int(m.group(2) or 0))

    def on(self, launch: dt.date) -> dt.date:
        return add_months(launch, self.months) + dt.timedelta(days=self.days)


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class RoleSpec:
    key: str
    name: Bilingual
    color: str


@dataclass(frozen=True)
class PhaseSpec:
    key: str
    name: Bilingual
    start: Offset
    end: Offset
    color: str


@dataclass(frozen=True)
class AnchorSpec:
    """What a task's due hangs on instead of launch day (``model/anchors.py``): a calendar
    date (``anchor = "11-11"``), a lunar date (``anchor = "lunar:8-15"``) or another task
    (``anchor = "task:double11"``), plus ``anchor_days`` (negative = before); the start is
    ``length`` days before the due (no start without ``length``)."""

    kind: str
    month: int | None = None
    day: int | None = None
    task: str | None = None
    days: int = 0
    length: int | None = None

    @classmethod
    def parse(cls, text: str, days: int = 0, length: int | None = None) -> AnchorSpec:
        text = text.strip()
        if text.startswith("task:"):
            return cls(anchors.TASK, task=text[5:].strip(), days=int(days),
                       length=None if length is None else int(length))
        kind = anchors.LUNAR if text.startswith("lunar:") else anchors.DATE
        body = text[6:] if kind == anchors.LUNAR else text.removeprefix("date:")
        m = _MONTH_DAY.match(body.strip())
        if not m or anchors.check(kind, int(m.group(1)), int(m.group(2))):
            raise ValueError(f"bad anchor {text!r} (expected e.g. 11-11, lunar:8-15, task:double11)")
        return cls(kind, int(m.group(1)), int(m.group(2)), days=int(days),
                   length=None if length is None else int(length))

    def text(self, explicit: bool = False) -> str:
        """``11-11`` (``date:11-11`` when ``explicit``), ``lunar:08-15``, ``task:KEY``."""
        if self.kind == anchors.TASK:
            return f"task:{self.task}"
        prefix = "lunar:" if self.kind == anchors.LUNAR else "date:" if explicit else ""
        return f"{prefix}{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class TaskSpec:
    key: str
    phase: str
    title: Bilingual
    notes: Bilingual
    role: str | None
    start: Offset | None
    due: Offset | None
    milestone: bool = False
    priority: str = "normal"
    parent: str | None = None
    after: tuple[str, ...] = ()
    anchor: AnchorSpec | None = None


@dataclass(frozen=True)
class TargetSpec:
    start: Offset
    end: Offset
    low: float | None
    high: float | None
    label: Bilingual


@dataclass(frozen=True)
class KpiSpec:
    key: str
    name: Bilingual
    unit: str
    direction: str
    aggregation: str
    owner: str | None
    decimals: int
    targets: tuple[TargetSpec, ...] = ()


@dataclass(frozen=True)
class RoutineSpec:
    """A recurring task: an RRULE body (``FREQ=DAILY``) from ``start`` to ``until``."""

    key: str
    title: Bilingual
    notes: Bilingual
    role: str | None
    rule: str
    start: Offset
    until: Offset
    priority: str = "normal"
    milestone: bool = False


@dataclass(frozen=True)
class Template:
    key: str
    name: Bilingual
    currency: str
    roles: tuple[RoleSpec, ...]
    phases: tuple[PhaseSpec, ...]
    tasks: tuple[TaskSpec, ...]
    kpis: tuple[KpiSpec, ...] = field(default=())
    routines: tuple[RoutineSpec, ...] = field(default=())


def _bi(d: dict, name: str, default: str = "") -> Bilingual:
    return Bilingual(d.get(f"{name}_zh", default), d.get(f"{name}_en", d.get(f"{name}_zh", default)))


def _opt(text: str | None) -> Offset | None:
    return None if text in (None, "") else Offset.parse(text)


def parse_template(data: dict, name: str = "template") -> Template:
    try:
        meta = data["template"]
        roles = tuple(RoleSpec(r["key"], _bi(r, "name"), r.get("color", "#607d8b"))
                      for r in data.get("roles", []))
        phases = tuple(PhaseSpec(p["key"], _bi(p, "name"), Offset.parse(p["start"]),
                                 Offset.parse(p["end"]), p.get("color", "#9e9e9e"))
                       for p in data.get("phases", []))
        tasks = tuple(TaskSpec(
            key=t["key"], phase=t["phase"], title=_bi(t, "title"), notes=_bi(t, "notes"),
            role=t.get("role"), start=_opt(t.get("start")), due=_opt(t.get("due")),
            milestone=bool(t.get("milestone", False)), priority=t.get("priority", "normal"),
            parent=t.get("parent"), after=tuple(t.get("after", ())),
            anchor=(AnchorSpec.parse(t["anchor"], t.get("anchor_days", 0), t.get("length"))
                    if t.get("anchor") else None),
        ) for t in data.get("tasks", []))
        kpis = tuple(KpiSpec(
            key=k["key"], name=_bi(k, "name"), unit=k["unit"], direction=k["direction"],
            aggregation=k["aggregation"], owner=k.get("owner"), decimals=int(k.get("decimals", 0)),
            targets=tuple(TargetSpec(Offset.parse(t["start"]), Offset.parse(t["end"]),
                                     t.get("low"), t.get("high"), _bi(t, "label"))
                          for t in k.get("targets", [])),
        ) for k in data.get("kpis", []))
        routines = tuple(RoutineSpec(
            key=r["key"], title=_bi(r, "title"), notes=_bi(r, "notes"), role=r.get("role"),
            rule=r["rule"], start=Offset.parse(r["start"]), until=Offset.parse(r["until"]),
            priority=r.get("priority", "normal"), milestone=bool(r.get("milestone", False)),
        ) for r in data.get("routines", []))
        template = Template(meta["key"], _bi(meta, "name"), meta.get("currency", "CNY"),
                            roles, phases, tasks, kpis, routines)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(BAD_TEMPLATE, field="template", name=name, detail=str(exc)) from exc
    _check(template, name)
    return template


def _check(t: Template, name: str) -> None:
    roles = {r.key for r in t.roles}
    phases = {p.key for p in t.phases}
    keys = [task.key for task in t.tasks]
    problems = []
    if len(set(keys)) != len(keys):
        problems.append("duplicate task keys")
    seen: set[str] = set()
    for task in t.tasks:
        if task.phase not in phases:
            problems.append(f"task {task.key}: unknown phase {task.phase}")
        if task.role is not None and task.role not in roles:
            problems.append(f"task {task.key}: unknown role {task.role}")
        if task.priority not in {p.value for p in Priority}:
            problems.append(f"task {task.key}: unknown priority {task.priority}")
        for ref in (*task.after, *([task.parent] if task.parent else [])):
            if ref not in keys:
                problems.append(f"task {task.key}: unknown task {ref}")
        if task.anchor is not None and task.anchor.kind == anchors.TASK:
            if task.anchor.task not in keys:
                problems.append(f"task {task.key}: anchored on unknown task {task.anchor.task}")
            elif task.anchor.task == task.key:
                problems.append(f"task {task.key}: anchored on itself")
        if task.parent in keys and task.parent not in seen:
            problems.append(f"task {task.key}: its parent {task.parent} must come before it")
        seen.add(task.key)
    after = {task.key: task.after for task in t.tasks}
    state: dict[str, int] = {}  # 1 = being visited, 2 = done

    def loop_at(key: str) -> str | None:
        """A task on a loop of "after" links reachable from ``key``, if there is one."""
        state[key] = 1
        for pred in after.get(key, ()):
            if state.get(pred) == 1:
                return pred
            if pred not in state and pred in after and (found := loop_at(pred)):
                return found
        state[key] = 2
        return None

    for key in after:
        if key not in state and (found := loop_at(key)):
            problems.append(f"task {found}: its “after” tasks make a loop")
            break
    hangs = {task.key: task.anchor.task for task in t.tasks
             if task.anchor is not None and task.anchor.kind == anchors.TASK}
    for key in hangs:
        path, current = {key}, hangs.get(key)
        while current is not None and current not in path:
            path.add(current)
            current = hangs.get(current)
        if current is not None:
            problems.append(f"task {key}: its anchors make a loop")
            break
    for r in t.routines:
        if r.role is not None and r.role not in roles:
            problems.append(f"routine {r.key}: unknown role {r.role}")
    for kpi in t.kpis:
        if kpi.owner is not None and kpi.owner not in roles:
            problems.append(f"kpi {kpi.key}: unknown role {kpi.owner}")
        if kpi.direction not in {d.value for d in Direction}:
            problems.append(f"kpi {kpi.key}: unknown direction {kpi.direction}")
        if kpi.aggregation not in {a.value for a in Aggregation}:
            problems.append(f"kpi {kpi.key}: unknown aggregation {kpi.aggregation}")
    if problems:
        raise ValidationError(BAD_TEMPLATE, field="template", name=name, detail="; ".join(problems))


def user_template_dir() -> Path:
    """Where "Save as template…" puts a plan's template (beside the built-in ones in the
    lists of New plan and ``opsdesk init --template``)."""
    from opsdesk.paths import data_dir

    return data_dir() / "templates"


def available_templates() -> dict[str, Path]:
    """Template key (``ecommerce-launch``) → file: the built-in ones, then the saved ones."""
    found = {p.stem.replace("_", "-"): p for p in sorted(TEMPLATE_DIR.glob("*.toml"))}
    user = user_template_dir()
    if user.is_dir():
        for p in sorted(user.glob("*.toml")):
            found.setdefault(p.stem.replace("_", "-"), p)
    return found


def load_template(key_or_path: str | Path) -> Template:
    path = Path(key_or_path)
    if path.suffix != ".toml":
        found = available_templates().get(str(key_or_path))
        if found is None:
            raise ValidationError(NO_TEMPLATE, field="template", name=key_or_path,
                                  available=", ".join(available_templates()))
        path = found
    from opsdesk.store import files

    with files.open_user_file(path, "rb") as fh:
        try:
            data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ValidationError(BAD_TEMPLATE, field="template", name=path.name,
                                  detail=str(exc)) from exc
    return parse_template(data, path.name)
