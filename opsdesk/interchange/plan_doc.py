"""A plan as other planners describe it: tasks in an outline, links, resources."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any, Protocol
from xml.parsers import expat

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.model import anchors
from opsdesk.templates.loader import AnchorSpec

BAD_FILE = QT_TRANSLATE_NOOP("Errors", "{file} cannot be read as {kind}: {detail}")
XML_UNSAFE = QT_TRANSLATE_NOOP(
    "Errors", "{file} cannot be read as {kind}: the file contains XML that is refused for safety "
    "(entities or a DTD).")
XML_EMPTY = QT_TRANSLATE_NOOP("Errors", "{file} cannot be read as {kind}: the file is empty.")
XML_BROKEN = QT_TRANSLATE_NOOP(
    "Errors", "{file} cannot be read as {kind}: the XML is broken at line {line}, column {column}.")
WRONG_ROOT = QT_TRANSLATE_NOOP(
    "Errors", "{file} cannot be read as {kind}: the root element is <{tag}>, not <{expected}>.")
BAD_PROJECT_START = QT_TRANSLATE_NOOP(
    "Errors", "{file}: the project start “{value}” is not a date.")
BAD_START = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the start “{value}” is not a date.")
BAD_FINISH = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the finish “{value}” is not a date.")
BAD_PERCENT = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the percent complete “{value}” is not a number "
    "from 0 to 100.")
BAD_OUTLINE_LEVEL = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the outline level “{value}” is not a whole number.")
BAD_LAG = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: the lag “{value}” of its link from task {pred} is "
    "not a number.")
NO_TASK_ID = QT_TRANSLATE_NOOP(
    "Errors", "{file}: task number {position} in the file, “{name}”, has no id.")
DUPLICATE_TASK_ID = QT_TRANSLATE_NOOP(
    "Errors", "{file}: two tasks have the id {task}: “{first}” and “{second}”.")
LINK_CYCLE = QT_TRANSLATE_NOOP(
    "Errors", "{file}: the links between these tasks form a cycle, so they cannot be scheduled: "
    "{tasks}.")
END_BEFORE_START = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: it finishes ({finish}) before it starts ({start}); "
    "it is imported finishing on its start day.")
DANGLING_LINK = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: its link from task {pred} is left out; there is no "
    "task {pred}.")
SELF_LINK = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: its link to itself is left out.")
BAD_ANCHOR = QT_TRANSLATE_NOOP(
    "Errors", "{file}, task {task} “{name}”: its anchor “{value}” is not understood (e.g. "
    "date:11-11, lunar:08-15, task:12|-2) and is left out; its dates stay as they are.")


@dataclass(slots=True)  # a plan file may hold 300,000 of them: no __dict__ each
class TaskDoc:
    uid: str
    name: str
    start: dt.date | None
    finish: dt.date | None
    parent: str | None = None
    milestone: bool = False
    summary: bool = False
    percent_complete: int = 0
    notes: str = ""
    resources: list[str] = field(default_factory=list)  # resource uids
    depth: int = 0
    # What OpsDesk itself keeps (read back from its own exports, or from a file's own fields);
    # None: the file does not say, the importer decides
    status: str | None = None  # todo, doing, done, blocked, cancelled
    priority: str | None = None  # low, normal, high, urgent
    role: str | None = None  # the role key, for a task nobody is assigned to
    name_en: str | None = None  # a phase's English name (``name`` is the Chinese one)
    phase_key: str | None = None
    color: str | None = None  # a phase's colour
    routine: str | None = None  # "RRULE|start|until" of the routine it is an occurrence of
    done_by: str | None = None  # login of who ticked it off
    done_at: dt.datetime | None = None
    # OpsDesk's own start when ``start`` only stands in for it (a milestone is shown on its
    # day; a task with a due day only starts that day in other planners)
    start_unset: bool = False
    exact_start: dt.date | None = None
    # What the due hangs on besides launch day (model/anchors.py), spelt as templates spell
    # it; a ``task`` anchor names the other task's ``uid`` in this document
    anchor: AnchorSpec | None = None


@dataclass(frozen=True)
class LinkDoc:
    pred: str
    succ: str
    kind: str = "FS"  # FS, SS, FF, SF
    lag_days: int = 0


@dataclass(frozen=True)
class ResourceDoc:
    uid: str
    name: str
    group: str = ""
    short_name: str = ""
    login: str = ""  # OpsDesk's own exports: the login, the role key, the manager flag
    role_key: str = ""
    is_manager: bool = False
    active: bool = True


@dataclass(frozen=True)
class RoleDoc:
    """A role OpsDesk's own export carries, so an import into a new file recreates it."""

    key: str
    name_zh: str
    name_en: str
    color: str = ""


@dataclass
class PlanDoc:
    name: str
    start: dt.date | None
    tasks: list[TaskDoc] = field(default_factory=list)
    links: list[LinkDoc] = field(default_factory=list)
    resources: list[ResourceDoc] = field(default_factory=list)
    source: str = ""
    roles: list[RoleDoc] = field(default_factory=list)
    launch: dt.date | None = None  # OpsDesk's own exports: the launch day (``start`` is the first day)
    currency: str = ""
    # What the reader fixed or left out, each naming its task (shown in the import's preview)
    warnings: list[ValidationError] = field(default_factory=list)

    def span(self) -> tuple[dt.date, dt.date] | None:
        days = [d for t in self.tasks for d in (t.start, t.finish) if d is not None]
        return (min(days), max(days)) if days else None

    def children(self) -> dict[str | None, list[TaskDoc]]:
        out: dict[str | None, list[TaskDoc]] = {}
        for t in self.tasks:
            out.setdefault(t.parent, []).append(t)
        return out


def bad_file(file: str, kind: str, detail: str) -> ValidationError:
    return ValidationError(BAD_FILE, field="file", file=file, kind=kind, detail=detail)


# ---- reading untrusted plan files: every problem names its file and element


def parse_xml(data: bytes, file: str, kind: str) -> ET.Element:
    """Untrusted XML: no DTD, no entities, no external references (``defusedxml``)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if not data.strip():
        raise ValidationError(XML_EMPTY, field="file", file=file, kind=kind)
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ValidationError(XML_UNSAFE, field="file", file=file, kind=kind) from exc
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise ValidationError(XML_BROKEN, field="file", file=file, kind=kind, line=line,
                              column=column + 1) from exc


# ---- reading a plan file as it streams: no whole tree in memory

Source = bytes | IO[bytes]
"""A plan file's bytes, or the file itself opened for binary reading (read in chunks)."""
Progress = Callable[[int, int], object]
"""``progress(done, total)``: the bytes read so far of all; raises to stop (``Cancelled``)."""
CHUNK = 1 << 20  # bytes fed to the parser at once
_XML_ERRORS = (XML_BROKEN, XML_UNSAFE, XML_EMPTY)


class XmlTarget(Protocol):
    """What ``stream_xml`` hands the elements to, as they are read (``ET.TreeBuilder``'s
    interface): tags as ElementTree spells them (``{namespace}Task``)."""

    def start(self, tag: str, attrib: dict[str, str]) -> None: ...

    def end(self, tag: str) -> None: ...


class _Unsafe(Exception):
    """A DTD, an entity declaration or an external reference (``defusedxml`` refuses them)."""


def _refuse(*_args: Any) -> int:  # (an external entity handler returns an int)
    raise _Unsafe()


def _size(source: Source) -> int:
    if isinstance(source, bytes | bytearray | memoryview):
        return len(source)
    try:
        return os.fstat(source.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        return 0


def _chunks(source: Source):
    if isinstance(source, bytes | bytearray | memoryview):
        view = memoryview(source)
        for at in range(0, len(view), CHUNK):
            yield view[at:at + CHUNK]
        return
    source.seek(0)
    while chunk := source.read(CHUNK):
        yield chunk


def _feed(source: Source, file: str, kind: str, target: XmlTarget | None, text: bool,
          raw_names: bool, progress: Progress | None, namespaces: bool = True) -> None:
    """One pass of a safe expat parser over ``source``, handing ``target`` its elements."""
    parser = expat.ParserCreate(None, "}") if namespaces else expat.ParserCreate(None)
    parser.buffer_text = True
    parser.ordered_attributes = False
    parser.StartDoctypeDeclHandler = _refuse  # what defusedxml forbids, refused as it does
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    if target is not None and raw_names:
        parser.StartElementHandler = target.start
        parser.EndElementHandler = target.end
    elif target is not None:
        names: dict[str, str] = {}

        def tag_of(name: str) -> str:  # "ns}Task" → "{ns}Task", as ElementTree has it
            fixed = names.get(name)
            if fixed is None:
                fixed = names[name] = "{" + name if "}" in name else name
            return fixed

        start, end = target.start, target.end
        parser.StartElementHandler = lambda name, attrib: start(tag_of(name), attrib)
        parser.EndElementHandler = lambda name: end(tag_of(name))
    if target is not None and text:
        parser.CharacterDataHandler = target.data  # type: ignore[attr-defined]
    total, done, seen = _size(source), 0, False
    try:
        for chunk in _chunks(source):
            seen = seen or bool(bytes(chunk).strip())
            parser.Parse(chunk, False)
            done += len(chunk)
            if progress is not None:
                progress(done, max(total, done))
        if not seen:
            raise ValidationError(XML_EMPTY, field="file", file=file, kind=kind)
        parser.Parse(b"", True)
    except _Unsafe:
        raise ValidationError(XML_UNSAFE, field="file", file=file, kind=kind) from None
    except expat.ExpatError as exc:
        raise ValidationError(XML_BROKEN, field="file", file=file, kind=kind,
                              line=exc.lineno, column=exc.offset + 1) from None


def stream_xml(source: Source, file: str, kind: str, target: XmlTarget, *, text: bool = False,
               raw_names: bool = False, namespaces: bool = True,
               progress: Progress | None = None) -> None:
    """Read untrusted XML as it streams, handing each element to ``target`` as it starts and
    ends (and its text to ``target.data`` when ``text``); nothing is kept but what the target
    keeps. Refused as ``parse_xml`` refuses: no DTD, no entities, no external references; a
    broken file names its line and column. A problem ``target`` raises about the content
    (a bad date) gives way to a broken or unsafe file further on, as when the whole tree was
    read first: the rest is then checked in a second pass. With ``raw_names`` a tag in a
    namespace comes as expat gives it (``namespace}Task``; a reader that wants only tags
    without one need not pay for spelling them); without ``namespaces``, tags come as
    written (``p:Task``) and namespace declarations as attributes."""
    try:
        _feed(source, file, kind, target, text, raw_names or not namespaces, progress,
              namespaces)
    except ValidationError as exc:
        if exc.template in _XML_ERRORS:
            raise
        _feed(source, file, kind, None, False, True, None)
        raise


class DayReader:
    """``read_date`` with a memory: a file repeats the same few thousand stamps, each read
    once and each day one shared object. ``seen`` may be looked up first (the fast way);
    ``read`` names the task in a message."""

    def __init__(self, parse: Callable[[str], dt.date], template: str, file: str) -> None:
        self.parse, self.template, self.file = parse, template, file
        self.seen: dict[str | None, dt.date | None] = {None: None, "": None}

    def read(self, value: str | None, task: str, name: str) -> dt.date | None:
        if value in self.seen:
            return self.seen[value]
        day = read_date(value, self.parse, Where(self.file, task, name), self.template)
        if len(self.seen) < 100_000:
            self.seen[value] = day
        return day


def wrong_root(file: str, kind: str, tag: str, expected: str) -> ValidationError:
    return ValidationError(WRONG_ROOT, field="file", file=file, kind=kind,
                           tag=tag.split("}")[-1], expected=expected)


@dataclass(frozen=True)
class Where:
    """The element a value comes from, for messages: ``task 3 “任务B”`` of ``file``."""

    file: str
    task: str
    name: str

    def error(self, template: str, **params) -> ValidationError:
        return ValidationError(template, field="file", file=self.file, task=self.task,
                               name=self.name, **params)


def read_date(value: str | None, parse: Callable[[str], dt.date], where: Where,
              template: str) -> dt.date | None:
    """``parse(value)`` or a message naming the task and the value."""
    if not value:
        return None
    try:
        return parse(value)
    except (ValueError, TypeError, OverflowError):
        raise where.error(template, value=value) from None


def read_project_start(value: str | None, parse: Callable[[str], dt.date],
                       file: str) -> dt.date | None:
    if not value:
        return None
    try:
        return parse(value)
    except (ValueError, TypeError, OverflowError):
        raise ValidationError(BAD_PROJECT_START, field="file", file=file, value=value) from None


def read_percent(value: str | None, where: Where) -> int:
    if value is None or not value.strip():
        return 0
    try:
        number = float(value)
    except ValueError:
        raise where.error(BAD_PERCENT, value=value) from None
    if not 0 <= number <= 100:  # also refuses nan
        raise where.error(BAD_PERCENT, value=value)
    return int(number)


ANCHOR_DAYS = "|"  # ``date:11-11|-3``: three days before 11 November


def anchor_text(anchor: AnchorSpec | None, uid: dict[str, str] | None = None) -> str:
    """``date:11-11``, ``lunar:08-15``, ``task:<uid>`` (the other task's uid, through
    ``uid`` when given) and ``|<days>`` when the days are not 0; "" for none, for launch
    day, or for a task that ``uid`` does not hold."""
    if anchor is None or anchor.kind not in (anchors.DATE, anchors.LUNAR, anchors.TASK):
        return ""
    if anchor.kind == anchors.TASK:
        target = anchor.task if uid is None else uid.get(anchor.task or "")
        if not target:
            return ""
        anchor = AnchorSpec(anchors.TASK, task=target, days=anchor.days)
    return anchor.text(explicit=True) + (f"{ANCHOR_DAYS}{anchor.days}" if anchor.days else "")


def read_anchor(value: str, where: Where, warnings: list[ValidationError]) -> AnchorSpec | None:
    """``anchor_text``'s text back (templates' spelling, ``AnchorSpec.parse``); text that is
    not an anchor is left out with a warning, never refused."""
    value = value.strip()
    if not value or value == anchors.LAUNCH:
        return None
    body, sep, days = value.partition(ANCHOR_DAYS)
    try:
        spec = AnchorSpec.parse(body, int(days) if sep else 0)
        if spec.kind == anchors.TASK and not spec.task:
            raise ValueError(value)
    except ValueError:
        warnings.append(where.error(BAD_ANCHOR, value=value))
        return None
    return spec


def read_number(value: str | None, where: Where, template: str, **params) -> float:
    if value is None or not value.strip():
        return 0
    try:
        number = float(value)
    except ValueError:
        raise where.error(template, value=value, **params) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise where.error(template, value=value, **params)
    return number


def check_plan(doc: PlanDoc, file: str) -> None:
    """Refuse what would import wrongly; fix and report (``doc.warnings``) what can be fixed.

    Refused: two tasks with one id, links that form a cycle. Fixed with a warning: a finish
    before the start (finishes on its start day), links to a task that is not in the file or
    to the task itself (left out).
    """
    by_uid: dict[str, TaskDoc] = {}
    for t in doc.tasks:
        if t.uid in by_uid:
            raise ValidationError(DUPLICATE_TASK_ID, field="file", file=file, task=t.uid,
                                  first=by_uid[t.uid].name, second=t.name)
        by_uid[t.uid] = t
    for t in doc.tasks:
        if t.start is not None and t.finish is not None and t.finish < t.start:
            doc.warnings.append(Where(file, t.uid, t.name).error(
                END_BEFORE_START, start=t.start.isoformat(), finish=t.finish.isoformat()))
            t.finish = t.start
    kept: list[LinkDoc] = []
    seen: set[tuple[str, str]] = set()
    for link in doc.links:
        succ = by_uid.get(link.succ)
        where = Where(file, link.succ, succ.name if succ else "")
        if link.pred not in by_uid or succ is None:
            doc.warnings.append(where.error(DANGLING_LINK, pred=link.pred))
        elif link.pred == link.succ:
            doc.warnings.append(where.error(SELF_LINK))
        elif (link.pred, link.succ) not in seen:  # the same link twice is one link
            seen.add((link.pred, link.succ))
            kept.append(link)
    doc.links = kept
    cycle = find_cycle(doc)
    if cycle:
        tasks = " → ".join(f"{uid} “{by_uid[uid].name}”" for uid in [*cycle, cycle[0]])
        raise ValidationError(LINK_CYCLE, field="file", file=file, tasks=tasks)


def find_cycle(doc: PlanDoc) -> list[str]:
    """The task uids of one cycle of links, in link order; ``[]`` when there is none (Kahn)."""
    succs: dict[str, list[str]] = {}
    indegree: dict[str, int] = {}
    for link in doc.links:
        succs.setdefault(link.pred, []).append(link.succ)
        indegree[link.succ] = indegree.get(link.succ, 0) + 1
        indegree.setdefault(link.pred, 0)
    ready = [uid for uid, n in indegree.items() if n == 0]
    while ready:
        uid = ready.pop()
        for nxt in succs.get(uid, ()):
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    left = {uid for uid, n in indegree.items() if n > 0}
    if not left:
        return []
    # every task left has a predecessor left: walk back from one until a task repeats
    preds: dict[str, str] = {}
    for link in doc.links:
        if link.pred in left and link.succ in left:
            preds.setdefault(link.succ, link.pred)
    path: list[str] = []
    index: dict[str, int] = {}
    uid = min(left)
    while uid not in index:
        index[uid] = len(path)
        path.append(uid)
        uid = preds[uid]
    return list(reversed(path[index[uid]:]))
