"""``opsdesk kpi spend | spend-import | spending | budget``: money out from the command line."""

from __future__ import annotations

import sys


def add_parsers(kpi_sub, common) -> None:
    c = kpi_sub.add_parser("spend", parents=common,
                           help="enter spending: DATE (2026-09-01, or a month 2026-09) CHANNEL AMOUNT")
    c.add_argument("when", metavar="DATE")
    c.add_argument("channel", help="直通车, 钻展, 淘宝客, 其他推广, 人员, 运营费用, 商品成本 (or ztc, zuanzhan, "
                                   "taobaoke, ads_other, staff, operations, goods)")
    c.add_argument("amount", help="in yuan (1,500 or 1.5万); 0 removes nothing, --remove does")
    c.add_argument("--note", default="")
    c.add_argument("--remove", action="store_true", help="remove this entry instead")
    c.add_argument("--plan", type=int)
    c = kpi_sub.add_parser("spend-import", parents=common,
                           help="import spending from a CSV/XLSX/XLS/ODS file (日期, 渠道, 金额, 备注)")
    c.add_argument("file")
    c.add_argument("--plan", type=int)
    c.add_argument("--encoding")
    c.add_argument("--header-row", type=int, metavar="N")
    c.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    c = kpi_sub.add_parser("spending", parents=common, help="list a month's spending and budget use")
    c.add_argument("--month", help="2026-09 (default: this month)")
    c.add_argument("--plan", type=int)
    c = kpi_sub.add_parser("budget", parents=common,
                           help="set a month's budget: MONTH SCOPE AMOUNT (scope: a channel or "
                                "ads, staff, operations, goods)")
    c.add_argument("month")
    c.add_argument("scope")
    c.add_argument("amount", help="in yuan; --remove removes the budget")
    c.add_argument("--remove", action="store_true")
    c.add_argument("--plan", type=int)


def cmd_spending(services, actor, plan_id: int, args) -> int:
    import datetime as dt

    from opsdesk.errors import ValidationError
    from opsdesk.services import spending as sp
    from opsdesk.services.kpi_parse import parse_number

    def amount(text: str) -> float:
        try:
            return parse_number(text)
        except ValueError:
            raise ValidationError(sp.NOT_AN_AMOUNT, field="amount", value=text) from None

    def when(text: str) -> tuple[dt.date, bool]:
        try:
            return sp.parse_when(text)
        except ValueError:
            raise ValidationError(sp.NOT_A_DAY, field="day", value=text) from None

    svc = services.spending
    if args.kpi_command == "spend":
        day, per_month = when(args.when)
        value = None if args.remove else amount(args.amount)
        changes = svc.enter(actor, plan_id, [(day, per_month, args.channel, value, args.note)])
        print("entered" if changes.change_id else "nothing to change")
        return 0
    if args.kpi_command == "budget":
        month, _ = when(args.month if len(args.month) > 7 else args.month + "-01")
        value = None if args.remove else amount(args.amount)
        changes = svc.set_budgets(actor, plan_id, [(month, args.scope, value)])
        print("budget set" if changes.change_id else "nothing to change")
        return 0
    if args.kpi_command == "spend-import":
        table = svc.read_table(args.file, args.encoding, args.header_row)
        prep = svc.prepare_import(actor, plan_id, table)
        for problem in prep.problems[:20]:
            print(f"opsdesk: {problem.message}", file=sys.stderr)
        if prep.problems:
            print(f"opsdesk: nothing imported ({len(prep.problems)} problem(s))", file=sys.stderr)
            return 1
        if not args.dry_run:
            svc.apply_import(actor, prep)
        verb = "would change" if args.dry_run else "imported"
        print(f"{verb}: {prep.new} new, {prep.changed} changed, {prep.unchanged} unchanged "
              f"({prep.rows:,} rows)")
        return 0
    # spending: a month's entries and its budgets
    from opsdesk.model.spending import scope_name  # (here: the parser loads for every command)

    if args.month:
        day, _ = when(args.month if len(args.month) > 7 else args.month + "-01")
    else:
        day = dt.date.today()
    month0 = day.replace(day=1)
    for e in svc.entries(plan_id, month0, (month0 + dt.timedelta(days=31)).replace(day=1)
                         - dt.timedelta(days=1)):
        when_text = e.day.strftime("%Y-%m") if e.per_month else e.day.isoformat()
        print(f"{when_text:<10} {scope_name(e.channel, 'zh'):<8} {e.amount:>14,.2f} {e.note}")
    for use in svc.month_use(plan_id, month0):
        left = "" if use.left is None else f"{use.left:,.2f} left"
        print(f"budget {scope_name(use.scope, 'zh')}: {use.used:,.2f} of {use.budget:,.2f} used, "
              f"{left}")
    return 0
