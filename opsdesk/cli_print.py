"""``opsdesk print-list``: a person's (or a role's) to-do list as an A4 PDF checklist, the same
as My work's "Print my list" (Qt is loaded only when the PDF is drawn, offscreen)."""

from __future__ import annotations

from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, OpsDeskError

UNKNOWN_ROLE = QT_TRANSLATE_NOOP("Errors", "There is no role “{key}”.")
UNKNOWN_PERSON = QT_TRANSLATE_NOOP("Errors", "There is no active person with the login “{login}”.")


def add_parser(sub, common) -> None:
    c = sub.add_parser("print-list", parents=common,
                       help="your list of open work for today (or --week) as an A4 PDF checklist")
    c.add_argument("--out", required=True, help="the PDF file to write")
    c.add_argument("--week", action="store_true", help="this week's list (to Sunday) instead of today's")
    c.add_argument("--person", metavar="LOGIN", help="someone else's list (a manager, --user)")
    c.add_argument("--role", metavar="KEY", help="every task of a role, e.g. customer_service (a manager)")
    c.add_argument("--today", help="the day the list is for (default: today)")
    c.add_argument("--plan", type=int)


def cmd_print_list(args) -> int:
    import datetime as dt

    from opsdesk.cli import _actor, _plan_id, _services, parse_date

    today = parse_date(args.today) if args.today else dt.date.today()
    services = _services(args, readonly=True)  # the database is only read
    try:
        actor = _actor(services, args.user)
        plan_id = _plan_id(services, args.plan)
        person_id = role_id = None
        if args.role:
            role = next((r for r in services.people.roles() if r.key == args.role), None)
            if role is None:
                raise OpsDeskError(UNKNOWN_ROLE, key=args.role)
            role_id = role.id
        elif args.person:
            user = next((u for u in services.people.users()
                         if u.login.lower() == args.person.strip().lower()), None)
            if user is None:
                raise OpsDeskError(UNKNOWN_PERSON, login=args.person)
            person_id = user.id
        from opsdesk.ui.mywork.print_list import write_list_headless

        data, pages = write_list_headless(services, plan_id, actor, today, Path(args.out),
                                          args.lang or "zh_CN", args.week, person_id, role_id)
    finally:
        services.store.close()
    what = "this week's" if args.week else "today's"
    print(f"{what} list of {data.who}: {len(data.rows)} task(s), {pages} page(s), "
          f"written to {args.out}")
    return 0
