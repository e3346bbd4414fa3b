"""iCalendar (RFC 5545) files of tasks and milestones, with stable UIDs."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event


def write_ics(plan_name: str, plan_key: str, rows, now: dt.datetime) -> bytes:
    """``rows``: (id, title, notes, start, due, status, is_milestone, version)."""
    cal = Calendar()
    cal.add("prodid", "-//OpsDesk//opsdesk//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", plan_name)
    for task_id, title, notes, start, due, status, milestone, version in rows:
        ev = Event()
        ev.add("uid", f"task-{task_id}.plan-{plan_key}@opsdesk")
        ev.add("summary", ("◆ " if milestone else "") + title)
        first = due if milestone or start is None else start
        ev.add("dtstart", first)
        ev.add("dtend", due + dt.timedelta(days=1))  # all-day events end the day after
        ev.add("dtstamp", now.replace(tzinfo=dt.UTC))
        ev.add("sequence", int(version))  # bumps on every edit, so calendars update
        ev.add("status", "CANCELLED" if status == "cancelled" else "CONFIRMED")
        if status == "done":
            ev.add("categories", ["done"])
        if notes:
            ev.add("description", notes)
        cal.add_component(ev)
    return cal.to_ical()
