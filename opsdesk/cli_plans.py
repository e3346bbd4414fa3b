"""``opsdesk plan copy`` (next season's plan from this one) and ``opsdesk plan template``
(save a plan as a bilingual template that ``init --template`` and New plan offer)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parsers(sub, common: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", parents=common, help="copy a plan to a new launch day, or save "
                       "it as a template").add_subparsers(dest="plan_command", metavar="ACTION",
                                                          required=True)
    c = p.add_parser("copy", parents=common, help="a new plan from this one for a new launch "
                     "day: launch-relative work shifts, festivals land on the new year's dates, "
                     "statuses and actuals start empty; --user a manager")
    c.add_argument("--from", dest="source", type=int, required=True, help="the plan to copy")
    c.add_argument("--launch", required=True, help="the new launch day, YYYY-MM-DD")
    c.add_argument("--name", help="the new plan's name (default: the old one with the new year)")
    c = p.add_parser("template", parents=common, help="save a plan as a bilingual template "
                     "(TOML); without --out into the templates folder that init and New plan "
                     "read; --user a manager")
    c.add_argument("--plan", type=int, help="the plan (default: the one last used)")
    c.add_argument("--key", required=True, help="the template's key, e.g. shop-2027")
    c.add_argument("--name-zh", help="its Chinese name (default: the plan's name)")
    c.add_argument("--name-en", help="its English name (default: the Chinese one)")
    c.add_argument("--out", help="where to write it (default: the templates folder)")


def cmd_plan(args) -> int:
    from opsdesk.cli import _actor, _plan_id, _services, parse_date

    services = _services(args)
    try:
        actor = _actor(services, args.user)
        if args.plan_command == "copy":
            result = services.plan_copy.copy(actor, _plan_id(services, args.source),
                                             parse_date(args.launch), args.name)
            assert result.changes.plan_id is not None
            plan = services.plans.get(result.changes.plan_id)
            print(f"plan {plan.id} “{plan.name}” launches {plan.launch_date.isoformat()}")
            for w in result.warnings:
                print(f"warning: {w.message}", file=sys.stderr)
            return 0
        from opsdesk.templates.loader import user_template_dir

        plan = services.plans.get(_plan_id(services, args.plan))
        key = services.plan_copy.check_key(args.key)
        out = Path(args.out) if args.out else user_template_dir() / f"{key}.toml"
        name_zh = args.name_zh or plan.name
        path = services.plan_copy.save_template(actor, plan.id, out, key, name_zh,
                                                args.name_en or name_zh)
        print(f"template “{key}” written to {path}")
        return 0
    finally:
        services.store.close()


COMMANDS = {"plan": cmd_plan}
