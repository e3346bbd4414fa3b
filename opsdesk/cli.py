"""The command line: the same services as the GUI, for scripting, CI and screenshots.

Exit code 0 on success; 1 with one clear line on stderr on a user error; never a traceback.
Only ``shot`` (and starting the GUI) import Qt, lazily.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from opsdesk.errors import QT_TRANSLATE_NOOP, OpsDeskError, ValidationError

BAD_DATE = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01.")
NO_PLAN = QT_TRANSLATE_NOOP("Errors", "The database has no plan yet; make one with `opsdesk init`.")


SHOT_VIEWS = ["overview", "mywork", "tasks", "timeline", "team", "kpis", "activity", "people"]


def parse_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date from the command line (``opsdesk.model.dates`` imports without
    SQLAlchemy, so ``tasks list``'s plain path uses it too)."""
    from opsdesk.model.dates import parse_iso_date

    try:
        return parse_iso_date(text)
    except ValueError:
        raise ValidationError(BAD_DATE, field="date", value=text) from None


def add_global_options(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument("--db", default=default,
                   help="database file or SQLAlchemy URL (default: the per-user data file)")
    p.add_argument("--lang", choices=["zh_CN", "en"], default=default, help="interface language")
    p.add_argument("--user", default=default, help="act or sign in as this login")


def _common() -> argparse.ArgumentParser:
    """The global options again, accepted after the command too (``tasks done 3 --user x``)."""
    common = argparse.ArgumentParser(add_help=False)
    add_global_options(common, default=argparse.SUPPRESS)
    return common


COMMANDS_NAMED = frozenset({
    "init", "sample", "check", "backup", "restore", "passwd", "migrate-to", "tasks", "kpi",
    "export", "import", "report", "print-list", "plan", "undo", "shot"})
"""Every command ``build_parser`` makes (a test holds the two together)."""


class _Ignored:
    """Takes any parser call and keeps nothing: the parsers of the commands not given."""

    def __getattr__(self, _name: str):
        return lambda *_a, **_k: self


class _Only:
    """``add_subparsers``' action making only ``name``'s parser (and its subcommands')."""

    def __init__(self, sub, name: str) -> None:
        self._sub, self._name = sub, name

    def add_parser(self, name: str, **kwargs):
        return self._sub.add_parser(name, **kwargs) if name == self._name else _Ignored()


def command_of(argv: Sequence[str]) -> str | None:
    """The command a command line names when it is plain to see: global options (spelt in
    full) and then a command's name; else None (help, the version, an abbreviated or
    unknown option, no command: the whole parser then answers)."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if not word.startswith("-"):
            return word if word in COMMANDS_NAMED else None
        name, eq, _value = word.partition("=")
        if name not in ("--db", "--lang", "--user"):
            return None
        i += 1 if eq else 2
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only`` (one of ``COMMANDS_NAMED``) just that
    command's (and the global options): the same parsing and help for it, without building
    the ~120 options of the others (argparse makes a help formatter for each)."""
    p = argparse.ArgumentParser(prog="opsdesk", description="OpsDesk: run an online shop's "
                                "operations plan. Without a command, starts the desktop app.")
    add_global_options(p)
    from opsdesk import __version__

    p.add_argument("--version", action="version", version=f"opsdesk {__version__}")
    subparsers = p.add_subparsers(dest="command", metavar="COMMAND")
    sub: Any = subparsers if only is None else _Only(subparsers, only)
    common = [_common()]

    c = sub.add_parser("init", parents=common, help="make a new plan from a template; on a new "
                       "database also the first manager (password from OPSDESK_PASSWORD or "
                       "asked), on an existing one sign in as a manager with --user")
    c.add_argument("--template", default="ecommerce-launch")
    c.add_argument("--launch", required=True, help="launch day, YYYY-MM-DD")
    c.add_argument("--name", help="plan name (default: the template's)")
    c.add_argument("--manager", default=None,
                   help="login of the first manager of a new database (default: admin)")
    c.add_argument("--manager-name", default="管理员")

    c = sub.add_parser("sample", parents=common, help="build the sample database (reproducible)")
    c.add_argument("--out", required=True)

    sub.add_parser("check", parents=common, help="run the integrity and schema checks")

    c = sub.add_parser("backup", parents=common, help="write a consistent copy of the database "
                       "(--user: anyone into the backups folder; --out only a manager)")
    c.add_argument("--out", help="where to write it (default: the backups folder next to the "
                   "database); a manager only")
    c.add_argument("--keep", type=int, default=None, help="keep this many backups in the backups folder (default 10)")
    c.add_argument("--list", action="store_true", help="list the backups in the backups folder")

    c = sub.add_parser("restore", parents=common, help="replace the database with a backup (a "
                       "safety copy is kept); --user a manager. A damaged database that cannot "
                       "be opened is replaced too (kept aside, renamed): then --user must be a "
                       "manager of the backup, with the backup's password")
    c.add_argument("file")
    c.add_argument("--keep", type=int, default=None, help="keep this many backups (default 10)")

    sub.add_parser("passwd", parents=common, help="set your own password (--user; the old one "
                   "from OPSDESK_PASSWORD or asked, the new one from OPSDESK_NEW_PASSWORD or "
                   "asked twice); a manager without a password sets their first one")

    c = sub.add_parser("migrate-to", parents=common, help="copy the database to a server, e.g. "
                       "postgresql+psycopg://user@host/db; --user a manager")
    c.add_argument("url")

    t = sub.add_parser("tasks", parents=common, help="list or tick off tasks").add_subparsers(
        dest="tasks_command", metavar="ACTION", required=True)
    c = t.add_parser("list", parents=common, help="list the plan's tasks")
    c.add_argument("--json", action="store_true")
    c.add_argument("--plan", type=int)
    c.add_argument("--mine", action="store_true",
                   help="only the --user's tasks and the unassigned tasks of their roles")
    c.add_argument("--status", action="append")
    c.add_argument("--due-from", help="only tasks due on or after this day, YYYY-MM-DD")
    c.add_argument("--due-to", help="only tasks due on or before this day, YYYY-MM-DD")
    c.add_argument("--overdue", action="store_true", help="only open tasks past their due day")
    c = t.add_parser("done", parents=common, help="tick off a task")
    c.add_argument("id", type=int)
    c = t.add_parser("reopen", parents=common, help="reopen a task ticked off (by --user, or a manager)")
    c.add_argument("id", type=int)

    k = sub.add_parser("kpi", parents=common, help="KPI actuals").add_subparsers(
        dest="kpi_command", metavar="ACTION", required=True)
    c = k.add_parser("import", parents=common,
                     help="import daily KPI values from a shop export (CSV, .xlsx, .xls, .ods)")
    c.add_argument("file")
    c.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="date=日期, a KPI key=its column (e.g. sales=销售额), or kpi=… value=… "
                        "for a long file; without --map the columns are matched by name")
    c.add_argument("--plan", type=int)
    c.add_argument("--encoding", help="CSV encoding (default: detected among UTF-8, GBK, GB18030)")
    c.add_argument("--skip-bad", action="store_true", help="import the good rows, skip the bad ones")
    c.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    c.add_argument("--header-row", type=int, metavar="N",
                   help="the line holding the column names (default: found below title lines)")
    c.add_argument("--save-layout", metavar="NAME",
                   help="keep this mapping for the next export with the same columns")
    from opsdesk.cli_spending import add_parsers as _spending_parsers

    _spending_parsers(k, common)

    from opsdesk import cli_interchange

    cli_interchange.add_parsers(sub, common)
    from opsdesk.cli_print import add_parser as _print_parser

    _print_parser(sub, common)
    from opsdesk.cli_plans import add_parsers as _plan_parsers

    _plan_parsers(sub, common)

    c = sub.add_parser("undo", parents=common, help="undo your last action (--user), or --change "
                       "ID; refused, changing nothing, when someone changed those records since")
    c.add_argument("--change", type=int, help="the change-log id of the action to undo")
    c.add_argument("--redo", action="store_true", help="redo the undone action --change ID")
    c.add_argument("--list", action="store_true", help="list your latest actions")

    c = sub.add_parser("shot", parents=common, help="render a view offscreen to PNG")
    c.add_argument("--view", default="overview", choices=SHOT_VIEWS)
    c.add_argument("--out", required=True)
    c.add_argument("--size", default="1280x800", help="WxH")
    c.add_argument("--today", help="the day the view is drawn for (default: today)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    _check_file_early(given)
    from opsdesk.preload import gui_db_argument

    if gui_db_argument(given)[0] and not {"-h", "--help", "--version"} & set(given):
        # The desktop app: only the global options (building every subcommand's parser
        # costs a start-up ~10 ms); anything else goes to the full parser, which explains.
        gui = argparse.ArgumentParser(prog="opsdesk", add_help=False)
        add_global_options(gui)
        args, rest = gui.parse_known_args(given)
        if not rest:
            args.command = None
            from opsdesk.app import run_gui

            return run_gui(args)
    args = build_parser(command_of(given)).parse_args(given)
    if args.command is None:
        from opsdesk.app import run_gui

        return run_gui(args)
    try:
        from opsdesk.cli_interchange import COMMANDS as INTERCHANGE

        return {**COMMANDS, **INTERCHANGE}[args.command](args)
    except OpsDeskError as exc:
        print(f"opsdesk: {exc.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `opsdesk tasks list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the final flush
        return 0
    except OSError as exc:
        print(f"opsdesk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: log it, say one line
        log = write_crash_log(exc)
        print(f"opsdesk: unexpected error ({type(exc).__name__}); details in {log}",
              file=sys.stderr)
        return 1


_LIST_VALUE_OPTIONS = {"--db", "--lang", "--user", "--plan", "--status", "--due-from", "--due-to"}
_LIST_FLAGS = {"--json", "--mine", "--overdue"}


def _check_file_early(argv: Sequence[str]) -> None:
    """``tasks list``: the file's check (header, quick check, schema revision:
    ``store.inspect.prefetch``, SQLite reading without the GIL) runs on a second thread
    while the parser is built (#17); the open takes its result if the file is unchanged.
    Only for a command line spelled out in full: anything else is left to argparse."""
    words, db, i = [], None, 0
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        if name in _LIST_VALUE_OPTIONS:
            if not eq:
                i += 1
                value = argv[i] if i < len(argv) else ""
            if name == "--db":
                db = value
        elif name.startswith("-"):
            if eq or name not in _LIST_FLAGS:
                return
        else:
            words.append(name)
        i += 1
    if words != ["tasks", "list"]:
        return
    from opsdesk.paths import resolve_db

    target = resolve_db(db)
    if not isinstance(target, str):
        from opsdesk.store.inspect import prefetch

        prefetch(target)


def write_crash_log(exc: BaseException) -> Path:
    import traceback

    from opsdesk.paths import log_dir

    path = log_dir() / "opsdesk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"\n--- {dt.datetime.now().isoformat()} ---\n")
            fh.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass
    return path


# ---- commands

def _open(args, create: bool = False, readonly: bool = False):
    """The database of ``--db``; with ``readonly`` (commands that only read) the file is
    left byte for byte as it was and every write is refused with ``ReadOnlyDatabase``."""
    from opsdesk.paths import resolve_db

    if readonly:
        from opsdesk.store.reading import open_for_reading

        return open_for_reading(resolve_db(args.db))
    from opsdesk.store import open_store

    return open_store(resolve_db(args.db), create=create)


def _services(args, readonly: bool = False):
    from opsdesk.services import Services

    return Services(_open(args, readonly=readonly))


def _plan_id(services, wanted: int | None) -> int:
    return _choose_plan(services.store.display_name, services.plans.list(), wanted)


def _choose_plan(db: str, plans, wanted: int | None) -> int:
    """The plan of ``--plan``, else the one remembered for ``db`` (its ``display_name``);
    ``plans`` by id, each with ``id`` and ``name``."""
    if not plans:
        raise OpsDeskError(NO_PLAN)
    from opsdesk.cli_interchange import default_plan_for, remember_plan

    if wanted is None:  # the plan last imported or opened with --plan (#15)
        return default_plan_for(db, plans)
    if wanted not in {p.id for p in plans}:
        raise OpsDeskError(QT_TRANSLATE_NOOP("Errors", "There is no plan {id}."), id=wanted)
    remember_plan(db, wanted)
    return wanted


def _actor(services, login: str | None):
    """``--user`` signed in: OPSDESK_PASSWORD, or asked on a terminal (see cli_auth)."""
    from opsdesk.cli_auth import sign_in

    return sign_in(services, login)


MANAGER_ONLY_NEW = QT_TRANSLATE_NOOP(
    "Errors", "--manager names the first manager of a new database; this one already has "
    "people. Add managers in the app (People and roles).")


def cmd_init(args) -> int:
    """A plan from a template. On a new (empty) database also the first manager, whose
    password comes from OPSDESK_PASSWORD or is asked twice; on a database that already holds
    a plan or people, ``--user`` must be a manager there (with their password)."""
    from opsdesk.cli_auth import new_password
    from opsdesk.paths import resolve_db
    from opsdesk.services import Actor, Services, permissions, validate
    from opsdesk.store import open_store
    from opsdesk.templates import load_template

    launch = parse_date(args.launch)
    template = load_template(args.template)
    lang = args.lang or "zh_CN"
    target = resolve_db(args.db)
    new_file = isinstance(target, Path) and not target.exists()
    store = open_store(target, create=True)
    try:
        services = Services(store)
        if services.plans.list() or services.people.users(active_only=False):
            if args.manager:
                raise ValidationError(MANAGER_ONLY_NEW, field="manager")
            actor = _actor(services, args.user)
            permissions.require_manager(actor, permissions.EDIT_PLAN)
            who = actor.login
            changes = services.plans.create_from_template(actor, template, launch, args.name,
                                                          lang, routines=True)
        else:
            who = validate.text(args.manager or "admin", "login", 64)
            password = new_password(f"Password for the first manager {who}",
                                    ("OPSDESK_PASSWORD",))
            system = Actor.system()
            changes = services.plans.create_from_template(system, template, launch, args.name,
                                                          lang, routines=True)
            services.people.create_user(system, args.manager_name, who, "operations",
                                        is_manager=True, password=password)
        assert changes.plan_id is not None  # a new plan's Changes name it
        plan = services.plans.get(changes.plan_id)
    except BaseException:
        store.close()
        if new_file:  # a refused init leaves no half-made file behind
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    print(f"plan {plan.id} “{plan.name}” launches {plan.launch_date.isoformat()} "
          f"in {store.display_name}; sign in as {who}")
    for warning in services.anchors.warnings(plan.id):  # festivals already late, …
        print(f"warning: {warning.message}", file=sys.stderr)
    store.close()
    return 0


def cmd_sample(args) -> int:
    from opsdesk.sample import build_sample

    out = Path(args.out)
    build_sample(out)
    print(f"sample written to {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return 0


def cmd_check(args) -> int:
    from opsdesk.paths import resolve_db
    from opsdesk.store import open_store
    from opsdesk.store.check import check_store

    store = open_store(resolve_db(args.db), readonly=True)  # the file itself, never upgraded
    try:
        report = check_store(store)
    finally:
        store.close()
    if report.ok:
        later = (f"; OpsDesk updates it to {report.upgrades_to} when it next opens it for "
                 "changes" if report.upgrades_to else "")
        print(f"{store.display_name}: ok (schema {report.revision}{later})")
        return 0
    for problem in report.problems:
        print(f"{store.display_name}: {problem}", file=sys.stderr)
    return 1


def cmd_backup(args) -> int:
    from opsdesk.cli_storage import cmd_backup as run

    return run(args, _open(args))


def cmd_restore(args) -> int:
    from opsdesk.cli_storage import cmd_restore as run
    from opsdesk.cli_storage import restore_damaged
    from opsdesk.errors import CorruptDatabase

    try:
        store = _open(args)
    except CorruptDatabase:  # do what the message says: put a backup in its place
        return restore_damaged(args)
    return run(args, store)


def cmd_migrate_to(args) -> int:
    from opsdesk.cli_storage import cmd_migrate_to as run

    return run(args, _open(args))


def cmd_tasks(args) -> int:
    if args.tasks_command in ("done", "reopen"):  # the rights: permissions.can_toggle_done
        services = _services(args)
        actor = _actor(services, args.user)
        task = services.tasks.get(args.id)
        if args.tasks_command == "done":
            services.tasks.tick_off(actor, args.id)
        else:
            services.tasks.reopen(actor, args.id)
        print(f"{'done' if args.tasks_command == 'done' else 'reopened'}: {task.id} {task.title}")
        return 0
    if not args.mine:  # no sign-in needed: read with plain sqlite3 when the file allows (#17)
        listed = _list_tasks_plain(args)
        if listed is not None:
            return listed
    services = _services(args, readonly=True)
    try:
        return _list_tasks(services, args)
    finally:
        services.store.close()


def _list_tasks(services, args) -> int:
    due_from = parse_date(args.due_from) if args.due_from else None
    due_to = parse_date(args.due_to) if args.due_to else None
    plan_id = _plan_id(services, args.plan)
    mine = _actor(services, args.user) if args.mine else None
    rows = services.tasks.list(plan_id, mine=mine, status=args.status)
    people = {u.id: u.login for u in services.people.users(active_only=False)}
    roles = {r.id: r.key for r in services.people.roles()}
    return _print_tasks(args, _filter_tasks(args, rows, due_from, due_to), people, roles)


def _list_tasks_plain(args) -> int | None:
    """``tasks list`` without SQLAlchemy (``services/plain_tasks.py``): the same output as
    ``_list_tasks``; None when the file needs the full store (a URL, another schema, locked,
    damaged, …), which then opens it and explains."""
    import sqlite3

    from opsdesk.paths import resolve_db
    from opsdesk.services import plain_tasks
    from opsdesk.store.plain import connect_for_reading

    target = resolve_db(args.db)
    con = connect_for_reading(target)
    if con is None:
        return None
    try:
        due_from = parse_date(args.due_from) if args.due_from else None
        due_to = parse_date(args.due_to) if args.due_to else None
        try:
            con.execute("BEGIN")  # one snapshot; once it reads, no writer can lock it out
            plans = plain_tasks.plans(con)
        except sqlite3.Error:
            return None  # locked meanwhile, damaged, …: the full store says what
        plan_id = _choose_plan(str(Path(target).expanduser().absolute()), plans, args.plan)
        try:
            if not args.json:  # the lines as SQLite makes them (what _print_tasks writes)
                text = plain_tasks.listing(con, plan_id, args.status, due_from=due_from,
                                           due_to=due_to,
                                           overdue_on=dt.date.today() if args.overdue else None)
            else:
                people = plain_tasks.logins(con)
                roles = plain_tasks.role_keys(con)
                rows = plain_tasks.tasks(con, plan_id, status=args.status)
        except sqlite3.Error:
            return None
    finally:
        con.close()
    if not args.json:
        sys.stdout.write(text)
        return 0
    return _print_tasks(args, _filter_tasks(args, rows, due_from, due_to), people, roles)


def _filter_tasks(args, rows, due_from: dt.date | None, due_to: dt.date | None) -> list:
    today = dt.date.today()
    return [r for r in rows if (due_from is None or (r.due is not None and r.due >= due_from))
            and (due_to is None or (r.due is not None and r.due <= due_to))
            and (not args.overdue or r.is_overdue(today))]


def _print_tasks(args, rows, people: dict[int, str], roles: dict[int, str]) -> int:
    """``rows`` (``TaskRow`` or ``plain_tasks.PlainTaskRow``) as text or ``--json``."""
    if args.json:
        # What json.dump(list of dicts, ensure_ascii=False, indent=1) writes, a row at a time:
        # json's indenting encoder is pure Python, a call and a write per key and value (3×
        # slower at 10k rows). test_cli_plain_list holds it to json's own output.
        q = _json_values()
        sys.stdout.write("[\n" + ",\n".join(
            f' {{\n  "id": {q(r.id)},\n  "title": {q(r.title)},\n  "phase_id": {q(r.phase_id)},\n'
            f'  "parent_id": {q(r.parent_id)},\n  "role": {q(roles.get(r.role_id))},\n'
            f'  "assignee": {q(people.get(r.assignee_id))},\n  "start": {q(_iso(r.start))},\n'
            f'  "due": {q(_iso(r.due))},\n  "status": {q(r.status)},\n'
            f'  "priority": {q(r.priority)},\n  "milestone": {q(r.is_milestone)},\n'
            f'  "done_at": {q(_iso(r.done_at))},\n  "done_by": {q(people.get(r.done_by))},\n'
            f'  "version": {q(r.version)}\n }}' for r in rows) + "\n]\n" if rows else "[]\n")
        return 0
    sys.stdout.write("".join(
        f"{r.id:>6} {r.status:<9} {_iso(r.due) or '-':<10} {roles.get(r.role_id) or '-':<16} "
        f"{people.get(r.assignee_id) or '-':<10} {'◆' if r.is_milestone else ' '} {r.title}\n"
        for r in rows))
    return 0


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def _json_values() -> Callable[[Any], str]:
    """A function writing a value as json does (``ensure_ascii=False``). (json is imported
    here, not with the module: the desktop app starts through this module, #17.)"""
    import json
    from json.encoder import encode_basestring

    def value_text(value) -> str:
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if type(value) is str:
            return encode_basestring(value)  # (json's own, in C)
        if type(value) is int:
            return int.__repr__(value)
        return json.dumps(value, ensure_ascii=False)

    return value_text


def cmd_kpi(args) -> int:
    from opsdesk.services import kpi_import as ki

    services = _services(args)
    actor = _actor(services, args.user)
    plan_id = _plan_id(services, args.plan)
    if args.kpi_command != "import":
        from opsdesk.cli_spending import cmd_spending

        return cmd_spending(services, actor, plan_id, args)
    kpis = services.kpis.list(plan_id)
    table = ki.read_table(args.file, args.encoding, args.header_row, kpis)
    mapping = (ki.Mapping.parse(args.map) if args.map else ki.mapping_for(table.headers, kpis))
    prep = ki.prepare(services, actor, plan_id, table, mapping)
    if args.save_layout:
        ki.save_mapping(table.headers, mapping, args.save_layout)
    for note in prep.notes[:20]:
        print(f"opsdesk: note: {note.message}", file=sys.stderr)
    for problem in prep.problems[:20]:
        print(f"opsdesk: {problem.message}", file=sys.stderr)
    if len(prep.problems) > 20:
        print(f"opsdesk: … and {len(prep.problems) - 20} more", file=sys.stderr)
    if prep.problems and not args.skip_bad:
        print(f"opsdesk: nothing imported ({len(prep.problems)} problem(s); --skip-bad imports "
              "the good rows)", file=sys.stderr)
        return 1
    if not args.dry_run:
        ki.apply(services, actor, prep, skip_bad=args.skip_bad)
    verb = "would change" if args.dry_run else "imported"
    print(f"{verb}: {prep.new} new, {prep.changed} changed, {prep.unchanged} unchanged "
          f"({prep.rows:,} rows → {prep.days:,} days, {len(prep.problems)} skipped)")
    return 0


def cmd_shot(args) -> int:
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "“{value}” is not a size; write it as WIDTHxHEIGHT, e.g. 1280x800."),
                              field="size", value=args.size) from None
    today = parse_date(args.today) if args.today else None
    from opsdesk.ui.shot import render_view

    render_view(args, args.view, Path(args.out), (width, height), today)
    print(f"{args.view} written to {args.out}")
    return 0


def cmd_undo(args) -> int:
    services = _services(args)
    actor = _actor(services, args.user)
    history = services.history
    if args.list:
        for a in history.undoable(actor):
            mark = "undone" if a.undone else ""
            print(f"{a.change_id:>7} {a.at:%Y-%m-%d %H:%M} {a.entity:<8} {a.action:<12} {mark}")
        return 0
    if args.redo:
        if args.change is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say which change to redo with "
                                                              "--change ID."), field="change")
        changes = history.reapply(actor, args.change)
        verb = "redone"
    elif args.change is not None:
        changes = history.revert(actor, args.change)
        verb = "undone"
    else:
        changes = history.undo_last(actor)
        verb = "undone"
    print(f"{verb} (change {changes.change_id}); {len(changes.ids)} task(s) affected")
    return 0


COMMANDS = {
    "init": cmd_init, "sample": cmd_sample, "check": cmd_check, "backup": cmd_backup,
    "restore": cmd_restore, "tasks": cmd_tasks, "shot": cmd_shot, "kpi": lambda a: cmd_kpi(a),
    "migrate-to": cmd_migrate_to, "passwd": lambda a: _passwd(a), "undo": cmd_undo,
    "print-list": lambda a: _print_list(a), "plan": lambda a: _plan(a),
}


def _plan(args) -> int:
    from opsdesk.cli_plans import cmd_plan

    return cmd_plan(args)


def _print_list(args) -> int:
    from opsdesk.cli_print import cmd_print_list

    return cmd_print_list(args)


def _passwd(args) -> int:
    from opsdesk.cli_auth import cmd_passwd

    return cmd_passwd(args)
