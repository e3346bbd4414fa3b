"""Every "%n" string of the interface is a plural message: English says "1 day" / "3 days",
never "3 day(s)", and Chinese keeps its one form with the number.

pyside6-lupdate extracts a plural ("numerus") message only from ``self.tr(…, "", n)`` or
``Name.tr(…, "", n)``, never from ``QCoreApplication.translate(…, n)``; and PySide6 looks
``Name.tr`` up under ``Name.__name__`` and ``self.tr`` under ``type(self).__name__``, so
the context lupdate wrote must be the one the call uses (``opsdesk/ui/i18n_contexts.py``).
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject

from opsdesk.ui.i18n import I18N_DIR, translators

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "opsdesk" / "ui"
PLACEHOLDER = re.compile(r"\{\w*\}|%n")


def _plural_messages(lang: str) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the forms of every live plural message of the .ts."""
    found = {}
    for context in ET.parse(I18N_DIR / f"opsdesk_{lang}.ts").getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") != "yes" or translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if translation.get("type") == "unfinished":
                forms = [""]
            found[(name, message.findtext("source"))] = forms
    return found


def _module(path: Path):
    return importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))


def _base_names() -> set[str]:
    """Every class name some class of opsdesk derives from."""
    names = set()
    for path in (ROOT / "opsdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names |= {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    return names


def _plural_calls():
    """(where, source, context or None, problem or None) for every "%n" literal of opsdesk/ui."""
    bases = _base_names()
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parent, owner = {}, {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parent[child] = node
                owner[child] = node if isinstance(node, ast.ClassDef) else owner.get(node)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and "%n" in node.value):
                continue
            call = parent.get(node)
            if isinstance(call, ast.Expr):  # a docstring
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            func = call.func if isinstance(call, ast.Call) else None
            if not (isinstance(func, ast.Attribute) and func.attr == "tr"
                    and isinstance(func.value, ast.Name) and call.args and call.args[0] is node):
                what = ast.unparse(func) if func is not None else type(call).__name__
                yield where, node.value, None, (f"{what}(…) is no plural message for lupdate: "
                                                "write Name.tr(…, \"\", n) (opsdesk/ui/i18n_contexts.py)")
                continue
            if len(call.args) < 3:
                yield where, node.value, None, "a %n string needs its count: tr(text, \"\", n)"
                continue
            module = _module(path)
            if func.value.id == "self":
                cls = owner.get(node)
                context = cls.name if cls is not None else None
                runtime = getattr(module, context, None) if context else None
                if runtime is None or not issubclass(runtime, QObject) or context in bases:
                    # self.tr is looked up under type(self): a mixin's, a base class's or a
                    # nested class's self.tr misses the context lupdate wrote.
                    yield where, node.value, context, (f"self.tr in {context}: the context at run "
                                                       "time is another class; use Name.tr")
                    continue
            else:
                context = func.value.id
                runtime = getattr(module, context, None)
                if runtime is None or getattr(runtime, "__name__", None) != context:
                    yield where, node.value, context, (f"{context}.tr: {context} must be the class "
                                                       "itself, under its own name")
                    continue
            yield where, node.value, context, None


def test_every_percent_n_string_is_a_plural_message_with_english_forms():
    english, chinese = _plural_messages("en"), _plural_messages("zh_CN")
    calls = list(_plural_calls())
    assert len(calls) >= 40  # the scan sees the interface's plural strings
    problems = []
    for where, source, context, problem in calls:
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        key = (context, source)
        wanted = set(PLACEHOLDER.findall(source))
        for lang, messages, count in (("en", english, 2), ("zh_CN", chinese, 1)):
            forms = messages.get(key)
            if forms is None:
                problems.append(f"{where}: {key} is no plural message in opsdesk_{lang}.ts "
                                "(run make i18n)")
            elif len(forms) != count or not all(forms):
                problems.append(f"{where}: {key} needs {count} form(s) in opsdesk_{lang}.ts: {forms}")
            elif any(set(PLACEHOLDER.findall(f)) != wanted for f in forms):
                problems.append(f"{where}: {key} in opsdesk_{lang}.ts drops or adds a "
                                f"placeholder: {forms}")
        if any("(s)" in f for f in english.get(key, [])):
            problems.append(f"{where}: {key} still says (s) in English")
    assert not problems, "\n".join(problems)


def test_no_context_is_misparsed_by_lupdate():
    """lupdate files a tr right after a QCoreApplication.translate call under
    "QCoreApplication.<Name>" (or "QCoreApplication.self"), which no call looks up."""
    for lang in ("zh_CN", "en"):
        contexts = {c.findtext("name") for c in
                    ET.parse(I18N_DIR / f"opsdesk_{lang}.ts").getroot().iter("context")
                    if any(m.find("translation").get("type") not in ("vanished", "obsolete")
                           for m in c.iter("message"))}
        assert not {c for c in contexts if "." in c}, lang


# ---- at run time, through the code that shows them


class _Editing:
    """The Tasks view's edit mixin on a stand-in view that records the undo step's text."""

    def __init__(self, count: int):
        from opsdesk.services.task_rows import TaskListRow
        from opsdesk.ui.tasks.editing import TaskEditing

        class View(TaskEditing):
            _people = [(7, "Li")]

            def selected_rows(self):
                return rows

            def _ops(self):
                return None

            def _run(self, text, make, ids, what=None, raise_validation=False):
                texts.append((text, what))

        rows, texts = [], []
        blank = TaskListRow._make([None] * len(TaskListRow._fields))
        for i in range(count):
            rows.append(blank._replace(id=i + 1, title=f"task {i + 1}"))
        self.view, self.texts = View(), texts


def _launch_shift_text(days: int) -> str:
    from opsdesk.ui.timeline.edits import TimelineEdits

    texts = []
    window = SimpleNamespace(run=lambda text, do, undo=None: texts.append(text))
    plans = SimpleNamespace(get=lambda _id: SimpleNamespace(launch_date=dt.date(2026, 9, 1)))
    ctx = SimpleNamespace(services=SimpleNamespace(plans=plans), actor=None,
                          today=lambda: dt.date(2026, 8, 1))  # (before launch: no question)
    edits = TimelineEdits(ctx, window,
                          SimpleNamespace(data=SimpleNamespace(plan_id=1)), None)
    edits.shift_plan(days)
    return texts[-1]


def _assign_text(count: int) -> str:
    editing = _Editing(count)
    editing.view.assign_selected(7)
    return editing.texts[-1][0]


@pytest.fixture
def language(qapp):
    t = translators()
    yield t.install
    t.install("en")


def test_plurals_in_english(language):
    from opsdesk.ui.mywork.notice import due_text

    assert language("en")
    assert _launch_shift_text(1) == "Move launch day 1 day later"
    assert _launch_shift_text(3) == "Move launch day 3 days later"
    assert _launch_shift_text(-1) == "Move launch day 1 day earlier"  # never "%n" (Qt keeps it for n < 0)
    assert _assign_text(1) == "Assign 1 task to Li"
    assert _assign_text(3) == "Assign 3 tasks to Li"
    assert due_text(1, 0) == "You have 1 overdue task."
    assert due_text(3, 0) == "You have 3 overdue tasks."
    assert due_text(1, 3) == "You have 1 overdue task and 3 due today."
    assert due_text(0, 1) == "You have 1 task due today."


def test_plurals_in_chinese(language):
    from opsdesk.ui.mywork.notice import due_text

    assert language("zh_CN")
    assert _launch_shift_text(1) == "上线日推后 1 天"
    assert _launch_shift_text(3) == "上线日推后 3 天"
    assert _launch_shift_text(-2) == "上线日提前 2 天"
    assert _assign_text(3) == "将 3 个任务分配给Li"
    assert due_text(3, 0) == "你有 3 项任务已逾期。"
    assert due_text(2, 3) == "你有 2 项任务已逾期，3 项今天到期。"
