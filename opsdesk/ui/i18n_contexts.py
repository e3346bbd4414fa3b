"""Translation contexts for plural strings written outside a class of the context's name.

pyside6-lupdate makes a string a plural ("numerus") message, with English forms in
``opsdesk_en.ts`` ("1 day" / "3 days"), only from a ``tr`` call: ``self.tr("… %n …", "", n)``
in a class body (context: that class) or ``Name.tr("… %n …", "", n)`` (context: ``Name`` as
written). ``QCoreApplication.translate(context, "… %n …", "", n)`` never comes out as numerus
(and with an expression as the count lupdate skips the call), so its English shows "task(s)".

PySide6 looks a ``tr`` up under the class's ``__name__`` — for ``self.tr`` under
``type(self).__name__``, so a mixin's or a base class's ``self.tr`` runs under another
context than lupdate extracted. Each class here is therefore named exactly as its context,
is never instantiated, and is called by that bare name (lupdate takes ``contexts.Timeline``
or an import alias literally):

    from opsdesk.ui.i18n_contexts import Timeline
    text = Timeline.tr("Move launch day %n day(s) later", "", days)

The count must not be negative: Qt then leaves "%n" in the text (pass ``abs`` and say the
direction in words).

Strings without ``%n`` may keep ``QCoreApplication.translate`` with the same context — but
not right before a ``tr``: when only punctuation and keywords separate a
``QCoreApplication.translate(…)`` call from the next ``Name.tr(`` (the same argument list, or
``x = QCoreApplication.translate(…)`` then ``return Name.tr(…)``), lupdate files the string
under "QCoreApplication.Name". Give the ``tr`` its own assignment first
(tests/ui/test_i18n_plurals.py checks every context).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    class TrContext(QObject):
        """What the checker sees: ``tr`` called on the class (PySide6 allows it; its stub
        types ``tr`` as an instance method only)."""

        @classmethod
        def tr(cls, sourceText: str, /, disambiguation: str | None = ...,
               n: int = ...) -> str: ...
else:
    TrContext = QObject  # (at run time the contexts are plain QObject subclasses)


class TasksView(TrContext):
    """The Tasks view's context for its ``TaskEditing`` mixin and module functions
    (the same context as ``opsdesk.ui.tasks.view.TasksView``'s own ``self.tr``)."""


class TaskPrompts(TrContext):
    """The Tasks view's questions (``opsdesk.ui.tasks.prompts``)."""


class WeeklyReport(TrContext):
    """The weekly report (``opsdesk.ui.report.weekly``)."""


class Timeline(TrContext):
    """The Timeline's canvas and edits (``opsdesk.ui.timeline``)."""


class MyWork(TrContext):
    """My work's due notice (``opsdesk.ui.mywork.notice``)."""


class LaunchMove(TrContext):
    """The confirmation before a launched plan's launch day moves (``opsdesk.ui.dialogs.launch_move``)."""


class CopyPlan(TrContext):
    """File ▸ Copy plan…'s result (``opsdesk.ui.dialogs.plan_copy``)."""


class PrintList(TrContext):
    """The printed checklist (``opsdesk.ui.mywork.print_list``)."""
