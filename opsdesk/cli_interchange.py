"""``opsdesk export``, ``opsdesk import`` and ``opsdesk report``: interchange from the command line."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError

BAD_WEEK = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a week; write it as YYYY-Www, e.g. 2026-W47.")
UNKNOWN_FORMAT = QT_TRANSLATE_NOOP("Errors", "{file}: the file type is not known; use .planner, .gan (GanttProject), .xml (MS Project), .csv or .xlsx.")
NOT_A_PLAN_FILE = QT_TRANSLATE_NOOP(
    "Errors", "There is no database at {db}; a new one is made only for a whole plan "
    "(.planner, .gan, .xml). Make one with `opsdesk init` first.")
PLAN_FORMATS = {".planner": "planner", ".mrproject": "planner", ".xml": "mspdi", ".mspdi": "mspdi",
                ".gan": "gan"}
STATE_FILE = "cli-state.json"  # in the data folder: the plan each database last showed
TABLE_FORMATS = {".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods"}  # read by services/tables.py


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
    c.add_argument("--manager", default=None,
                   help="a plan into a new database: the login of its first manager (default "
                        "admin; password from OPSDESK_PASSWORD or asked)")
    c.add_argument("--manager-name", default="管理员")
    c.add_argument("--update-matches", action="store_true",
                   help="CSV/XLSX without an ID column: update the tasks whose title and due "
                        "date match instead of adding them again")

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


def parse_plan_file(path: Path):
    """A plan file as a PlanDoc, by its type (.planner, .gan, .xml)."""
    from opsdesk.services.imports import read_plan_file

    return read_plan_file(path)


# ---- the plan a command works on when --plan is not given

def _state_path() -> Path:
    from opsdesk.paths import data_dir

    return data_dir() / STATE_FILE


def _read_state() -> dict:
    import json

    from opsdesk.store import files

    try:
        state = json.loads(files.read_user_bytes(_state_path()).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return state if isinstance(state, dict) else {}


def remember_plan(db: str, plan_id: int) -> None:
    """The plan the CLI uses on ``db`` without --plan from now on (best effort)."""
    import json

    from opsdesk.store import files

    state = _read_state()
    known = state.get("last_plan")
    plans: dict = known if isinstance(known, dict) else {}
    plans[db] = plan_id
    state["last_plan"] = plans
    path = _state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        files.write_user_bytes(path, json.dumps(state, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a read-only data folder: the first plan is used next time


def remembered_plan(db: str) -> int | None:
    plans = _read_state().get("last_plan")
    value = plans.get(db) if isinstance(plans, dict) else None
    return value if isinstance(value, int) else None


def default_plan(services, plans) -> int:
    """Without --plan: the plan most recently imported or named with --plan on this
    database, else the first; with more than one plan it says which (on stderr)."""
    return default_plan_for(services.store.display_name, plans)


def default_plan_for(db: str, plans) -> int:
    """``default_plan`` for the database ``db`` (its store's ``display_name``)."""
    wanted = remembered_plan(db)
    chosen = next((p for p in plans if p.id == wanted), plans[0])
    if len(plans) > 1:
        why = "the last one imported or opened" if chosen.id == wanted else "the first"
        print(f"plan {chosen.id} “{chosen.name}” ({why}; --plan N for another)", file=sys.stderr)
    return chosen.id


# ---- opsdesk import

def cmd_import(args) -> int:
    from opsdesk.cli import _actor, _plan_id, _services
    from opsdesk.paths import resolve_db

    path = Path(args.file)
    if not path.exists():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), field="file",
                              file=str(path))
    suffix = path.suffix.lower()
    target = resolve_db(args.db)
    if isinstance(target, Path) and not target.exists():
        if suffix not in PLAN_FORMATS:
            raise ValidationError(NOT_A_PLAN_FILE, field="db", db=str(target))
        return _import_into_new(args, path, target)
    if suffix in PLAN_FORMATS:
        services = _services(args)
        doc = parse_plan_file(path)  # a broken file is refused before anyone signs in
        actor = _actor(services, args.user)
        return _import_plan(args, services, actor, doc, path)
    services = _services(args)
    actor = _actor(services, args.user)
    if suffix in TABLE_FORMATS:
        return _import_table(args, services, actor, path, _plan_id(services, args.plan))
    raise ValidationError(UNKNOWN_FORMAT, field="file", file=path.name)


def _print_preview(preview, path: Path, args) -> None:
    print(f"{path.name}: {plural(len(preview.phases), 'phase')} "
          f"({', '.join(preview.phases)}), {plural(preview.tasks, 'task')}, "
          f"{plural(preview.milestones, 'milestone')}, {plural(preview.links, 'link')}; "
          f"people: {len(preview.people_new)} new, {len(preview.people_matched)} matched")
    if preview.roles_new:
        print("new roles: " + ", ".join(preview.roles_new))
    if preview.groups_unmatched:
        print(f"groups matching no role (people get --default-role {args.default_role}): "
              + ", ".join(preview.groups_unmatched))
    if preview.undated:
        have = "has" if preview.undated == 1 else "have"
        print(f"warning: {plural(preview.undated, 'task')} {have} no dates; "
              f"{'it is' if preview.undated == 1 else 'they are'} imported unscheduled")
    for dropped in preview.links_dropped:
        print(f"left out: {dropped.message}")
    for warning in preview.warnings:
        print(f"warning: {warning.message}", file=sys.stderr)


def _import_plan(args, services, actor, doc, path: Path) -> int:
    from opsdesk.cli import parse_date
    from opsdesk.services.imports import ImportService

    imports = ImportService(services.store)
    preview = imports.preview_plan(doc, path.name)
    _print_preview(preview, path, args)
    if args.dry_run:
        return 0
    if preview.warnings and not args.accept_warnings:
        print(f"opsdesk: nothing imported; {plural(len(preview.warnings), 'warning')} above "
              "(--accept-warnings imports the plan as shown)", file=sys.stderr)
        return 1
    changes = imports.import_plan(actor, doc, name=args.name,
                                  launch=parse_date(args.launch) if args.launch else None,
                                  default_role=args.default_role, file=path.name)
    assert changes.plan_id is not None
    remember_plan(services.store.display_name, changes.plan_id)
    print(f"imported as plan {changes.plan_id}; `opsdesk tasks list` now shows it")
    return 0


def _import_into_new(args, path: Path, target: Path) -> int:
    """A whole plan into a database that does not exist yet: the file is read and checked
    first, then the database is made with its first manager (as ``opsdesk init`` does, the
    password from OPSDESK_PASSWORD or asked twice) and the plan imported by them. Anything
    refused leaves no file behind."""
    from opsdesk.cli import parse_date
    from opsdesk.cli_auth import new_password
    from opsdesk.services import validate
    from opsdesk.services.imports import ImportService, import_into_new, preview_in_new

    doc = parse_plan_file(path)
    ImportService.check_doc(doc, path.name)  # refused before a file is made
    preview = preview_in_new(doc, path.name)
    print(f"{target} does not exist yet; the import makes it")
    _print_preview(preview, path, args)
    if args.dry_run:
        return 0
    if preview.warnings and not args.accept_warnings:
        print(f"opsdesk: nothing imported; {plural(len(preview.warnings), 'warning')} above "
              "(--accept-warnings imports the plan as shown)", file=sys.stderr)
        return 1
    who = validate.text(args.manager or "admin", "login", 64)
    password = new_password(f"Password for the first manager {who}", ("OPSDESK_PASSWORD",))
    changes = import_into_new(target, doc, file=path.name, manager_name=args.manager_name,
                              manager_login=who, password=password, name=args.name,
                              launch=parse_date(args.launch) if args.launch else None,
                              default_role=args.default_role)
    assert changes.plan_id is not None
    remember_plan(str(target.expanduser().absolute()), changes.plan_id)
    print(f"imported as plan {changes.plan_id} into {target}; sign in as {who}")
    return 0


def _import_table(args, services, actor, path: Path, plan_id: int) -> int:
    from opsdesk.services.tables import read_table
    from opsdesk.services.task_import import TaskImportService, TaskMapping

    table = read_table(path)
    mapping = TaskMapping.parse(args.map) if args.map else TaskMapping.guess(table.headers)
    importer = TaskImportService(services.store)
    prepared = importer.prepare(plan_id, table, mapping,
                                update_matches=getattr(args, "update_matches", False))
    print(f"{path.name}: {len(prepared.creates)} new, {len(prepared.updates)} changed, "
          f"{prepared.unchanged} unchanged")
    if prepared.matched:
        if prepared.matched_applied:
            print(f"{plural(prepared.matched, 'row')} matched existing tasks by title and due "
                  "date: they update those tasks")
        else:
            print(f"warning: {plural(prepared.matched, 'row')} match existing tasks by title and "
                  "due date and would be added twice (--update-matches updates them instead)",
                  file=sys.stderr)
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
