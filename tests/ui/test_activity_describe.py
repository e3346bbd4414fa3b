"""Every action the services log has words in the Activity view (no "task move", no raw JSON)."""

from __future__ import annotations

import re

import pytest

from opsdesk.ui.activity.describe import Describer

ENTRIES = [  # (entity, action, title, before, after, expected with "(s)" for plural forms)
    ("task", "move", "Pack", None, {"ids": [4], "days": 2}, "moved “Pack” 2 day(s) later"),
    ("task", "move", "", None, {"ids": [4, 5, 6], "days": -1}, "moved 3 task(s) 1 day(s) earlier"),
    ("task", "bulk_shift", "", None, {"ids": [4, 5]}, "moved 2 task(s)"),
    ("task", "bulk_restore", "", None, {"ids": [4, 5]}, "undid a change to 2 task(s)"),
    ("task", "bulk_update", "", {"4": {"priority": "low"}}, {"priority": "urgent", "ids": [4]},
     "set the priority of 1 task(s) to Urgent"),
    ("task", "bulk_update", "", {}, {"assignee_id": None, "ids": [4, 5]}, "unassigned 2 task(s)"),
    ("task", "bulk_create", "", None, {"count": 3}, "added 3 task(s)"),
    ("task", "import", "", None, {"file": "C:\\in\\plan.xlsx", "created": 2, "updated": 1},
     "imported tasks from plan.xlsx: 2 new task(s), 1 task(s) updated"),
    ("task", "delete", "Pack", {"title": "Pack", "subtasks": 2, "comments": 0, "links": 1}, None,
     "deleted “Pack” with 2 subtask(s), 1 link(s)"),
    ("task", "restore", "Pack", None, {"tasks": 1, "comments": 0, "links": 0}, "restored “Pack”"),
    ("plan", "shift", "Launch", {"launch_date": "2026-09-01"},
     {"launch_date": "2026-09-04", "days": 3}, "moved the whole plan 3 day(s) later"),
    ("plan", "import", "Launch", None, {"name": "Launch", "file": "/x/p.mpp", "tasks": 3},
     "imported the plan “Launch” from p.mpp"),
    ("phase", "update", "", {"name_en": "Prep"}, {"name_en": "Warm-up", "name_zh": "预热"},
     "edited the phase “Warm-up”"),
    ("kpis", "create", "GMV", None, {"name_zh": "GMV"}, "added the KPI “GMV”"),
    ("kpis", "delete", "", {"name_zh": "GMV"}, None, "deleted the KPI “GMV”"),
    ("kpi_targets", "set", "GMV", {"targets": []}, {"targets": []}, "set the targets of “GMV”"),
    ("kpi_values", "manual", "", None, {"kpis": [1, 2], "count": 4, "first": "2026-09-01",
                                        "last": "2026-09-02"}, "entered 4 value(s) of 2 KPI(s)"),
    ("user", "update", "Li", {"active": False}, {"active": True}, "reactivated Li"),
]


def _says(text: str, expected: str) -> bool:
    pattern = re.escape(expected).replace(re.escape("(s)"), r"(?:s|\(s\))?")
    return re.fullmatch(pattern, text) is not None


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e[0]}.{e[1]}" for e in ENTRIES])
def test_each_logged_action_in_words(qapp, entry):
    entity, action, title, before, after, expected = entry
    d = Describer("en", {}, {}, {})
    what = d.what(entity, action, title, before, after)
    assert _says(what, expected), what
    change = d.change(before, after)
    assert not re.search(r"\b(ids|days|tasks|targets|count|file)\b|\[", change), change
