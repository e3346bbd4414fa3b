"""``opsdesk export``, ``opsdesk import`` and ``opsdesk report``: interchange from the command line."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError

BAD_WEEK = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a week; write it as YYYY-Www, e.g. 2026-W47.")
UNKNOWN_FORMAT = QT_TRANSLATE_NOOP("Errors", "{file}: the file type is not known; use .planner, .xml (MS Project), .csv or .xlsx.")
PLAN_FORMATS = {".planner": "planner", ".mrproject": "planner", ".xml": "mspdi", ".mspdi": "mspdi"}
TABLE_FORMATS = {".csv", ".txt", ".xlsx", ".xlsm"}


def add_parsers(sub, common) -> None:
    c = sub.add_parser("export", parents=common, help="tasks to CSV/XLSX, the plan to MS Project "
                       "XML, milestones or someone's tasks to ICS, the weekly report to PDF")
    c.add_argument("--format", required=True, choices=["csv", "xlsx", "ics", "mspdi", "pdf"])
    c.add_argument("--out", required=True)
    c.add_argument("--plan", type=int)
    c.add_argument("--encoding", default="utf-8-sig", choices=["utf-8-sig", "utf-8", "gbk"],
                   help="CSV encoding (default UTF-8 with BOM, which Excel opens correctly)")
    c.add_argument("--per-phase", action="store_true", help="XLSX: one sheet per phase")
    c.add_argument("--milestones", action="store_true", help="ICS: milestones only")
    c.add_argument("--person", help="ICS: this login's tasks")
    c.add_argument("--role", help="ICS: this role's tasks (role key)")
    c.add_argument("--week", help="PDF: the week, YYYY-Www (default: this week)")

    c = sub.add_parser("import", parents=common, help="a plan from GNOME Planner or MS Project "
                       "XML, or tasks from CSV/XLSX (with --user, a manager)")
    c.add_argument("file")
    c.add_argument("--plan", type=int, help="CSV/XLSX: the plan the tasks go into")
    c.add_argument("--map", nargs="*", default=[], metavar="FIELD=COLUMN",
                   help="CSV/XLSX: column mapping, e.g. title=任务 due=截止 (guessed otherwise)")
    c.add_argument("--name", help="planner files: the new plan's name")
    c.add_argument("--launch", help="planner files: the launch day (default: the project start)")
    c.add_argument("--default-role", default="operations",
                   help="role key for people whose group matches no role")
    c.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    c.add_argument("--accept-warnings", action="store_true",
                   help="import a plan even though its preview has warnings (a finish before "
                        "its start, links to missing tasks)")

    c = sub.add_parser("report", parents=common, help="the weekly report as PDF")
    c.add_argument("--week", help="YYYY-Www (default: this week)")
    c.add_argument("--out", required=True)
    c.add_argument("--plan", type=int)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 task``, ``3 tasks`` (``many`` for irregular plurals)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def parse_week(text: str | None) -> tuple[dt.date, dt.date]:
    """``2026-W47`` → (Monday, Sunday)."""
    if not text:
        today = dt.date.today()
        monday = today - dt.timedelta(days=today.weekday())
        return monday, monday + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.IGNORECASE)
    try:
        if not m:
            raise ValueError(text)
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        raise ValidationError(BAD_WEEK, field="week", value=text) from None
    return monday, monday + dt.timedelta(days=6)


def cmd_export(args) -> int:
    from opsdesk.cli import _services

    services = _services(args, readonly=True)  # the database is only read
    try:
        if args.format == "pdf":
            return _report(services, args)
        return _export(services, args)
    finally:
        services.store.close()


def _export(services, args) -> int:
    from opsdesk.cli import _plan_id
    from opsdesk.services.exports import ExportService

    plan_id = _plan_id(services, args.plan)
    out = Path(args.out)
    ex = ExportService(services.store)
    lang = args.lang or "zh_CN"
    if args.format == "csv":
        n = ex.tasks_csv(plan_id, out, encoding=args.encoding, lang=lang)
    elif args.format == "xlsx":
        n = ex.tasks_xlsx(plan_id, out, per_phase=args.per_phase, lang=lang)
    elif args.format == "mspdi":
        n = ex.mspdi(plan_id, out)
    elif args.format == "ics":
        person = role = None
        if args.person:
            person = _user_id(services, args.person)
        if args.role:
            role = next((r.id for r in services.people.roles() if r.key == args.role), None)
            if role is None:
                from opsdesk.services.people import NO_SUCH_ROLE

                raise ValidationError(NO_SUCH_ROLE, field="role", role=args.role)
        n = ex.ics(plan_id, out, milestones_only=args.milestones, assignee_id=person, role_id=role)
    print(f"{plural(n, 'row')} written to {out}")
    return 0


def _user_id(services, login: str) -> int:
    from opsdesk.errors import AuthError
    from opsdesk.services.people import UNKNOWN_LOGIN

    for u in services.people.users(active_only=False):
        if u.login.lower() == login.lower():
            return u.id
    raise AuthError(UNKNOWN_LOGIN, login=login)


def cmd_import(args) -> int:
    from opsdesk.cli import _actor, _plan_id, _services, parse_date

    path = Path(args.file)
    if not path.exists():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), field="file",
                              file=str(path))
    services = _services(args)
    actor = _actor(services, args.user)
    suffix = path.suffix.lower()
    if suffix in PLAN_FORMATS:
        from opsdesk.interchange.mspdi import parse_mspdi
        from opsdesk.interchange.planner import parse_planner
        from opsdesk.services.imports import ImportService

        parse = parse_planner if PLAN_FORMATS[suffix] == "planner" else parse_mspdi
        from opsdesk.store import files

        doc = parse(files.read_user_bytes(path), path.name)
        imports = ImportService(services.store)
        preview = imports.preview_plan(doc, path.name)
        print(f"{path.name}: {plural(len(preview.phases), 'phase')} "
              f"({', '.join(preview.phases)}), {plural(preview.tasks, 'task')}, "
              f"{plural(preview.milestones, 'milestone')}, {plural(preview.links, 'link')}; "
              f"people: {len(preview.people_new)} new, {len(preview.people_matched)} matched")
        if preview.groups_unmatched:
            print(f"groups matching no role (people get --default-role {args.default_role}): "
                  + ", ".join(preview.groups_unmatched))
        if preview.undated:
            have = "has" if preview.undated == 1 else "have"
            print(f"warning: {plural(preview.undated, 'task')} {have} no dates; "
                  f"{'it is' if preview.undated == 1 else 'they are'} imported unscheduled")
        for warning in preview.warnings:
            print(f"warning: {warning.message}", file=sys.stderr)
        if args.dry_run:
            return 0
        if preview.warnings and not args.accept_warnings:
            print(f"opsdesk: nothing imported; {plural(len(preview.warnings), 'warning')} above "
                  "(--accept-warnings imports the plan as shown)", file=sys.stderr)
            return 1
        changes = imports.import_plan(actor, doc, name=args.name,
                                      launch=parse_date(args.launch) if args.launch else None,
                                      default_role=args.default_role, file=path.name)
        print(f"imported as plan {changes.plan_id}")
        return 0
    if suffix in TABLE_FORMATS:
        from opsdesk.services.tables import read_table
        from opsdesk.services.task_import import TaskImportService, TaskMapping

        plan_id = _plan_id(services, args.plan)
        table = read_table(path)
        mapping = TaskMapping.parse(args.map) if args.map else TaskMapping.guess(table.headers)
        importer = TaskImportService(services.store)
        prepared = importer.prepare(plan_id, table, mapping)
        print(f"{path.name}: {len(prepared.creates)} new, {len(prepared.updates)} changed, "
              f"{prepared.unchanged} unchanged")
        for warning in prepared.warnings:
            print(f"warning: {warning.message}", file=sys.stderr)
        for kind, names in sorted(prepared.unmatched_lines.items()):
            where = "; ".join(f"{name} ({_lines(lines)})" for name, lines in sorted(names.items()))
            print(f"no {kind} matches (left as it was, or empty for new tasks): {where}")
        for problem in prepared.problems[:20]:
            print(problem.message, file=sys.stderr)
        if prepared.problems:
            print(f"opsdesk: {plural(len(prepared.problems), 'problem')}; nothing was imported",
                  file=sys.stderr)
            return 1
        if not args.dry_run and (prepared.creates or prepared.updates):
            importer.apply(actor, plan_id, prepared)
            print("imported")
        return 0
    raise ValidationError(UNKNOWN_FORMAT, field="file", file=path.name)


def _lines(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
    return f"{'line' if len(lines) == 1 else 'lines'} {shown}"


def cmd_report(args) -> int:
    from opsdesk.cli import _services

    parse_week(getattr(args, "week", None))  # a bad week is refused before the file is opened
    services = _services(args, readonly=True)  # the database is only read
    try:
        return _report(services, args)
    finally:
        services.store.close()


def _report(services, args) -> int:
    from opsdesk.cli import _plan_id

    monday, _sunday = parse_week(getattr(args, "week", None))
    plan_id = _plan_id(services, args.plan)
    from opsdesk.ui.report.weekly import write_weekly_report

    pages = write_weekly_report(services, plan_id, monday, Path(args.out), args.lang or "zh_CN")
    print(f"weekly report for {monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d} "
          f"({plural(pages, 'page')}) written to {args.out}")
    return 0


COMMANDS = {"export": cmd_export, "import": cmd_import, "report": cmd_report}
