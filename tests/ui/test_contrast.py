"""Role colours used as text are readable: at least 4.5:1 against white (WCAG AA), in the
Team and People views too (issue #16: Planning's #fdd835 on white)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from opsdesk.templates import load_template
from opsdesk.ui.contrast import MIN_CONTRAST, contrast, readable_text

WHITE = QColor("#ffffff")


def test_every_template_role_colour_reads_on_white():
    roles = load_template("ecommerce-launch").roles
    assert any(contrast(QColor(r.color), WHITE) < MIN_CONTRAST for r in roles)  # (yellow)
    for r in roles:
        text = readable_text(r.color)
        assert contrast(text, WHITE) >= MIN_CONTRAST, r.color
        assert abs(text.hue() - QColor(r.color).hue()) <= 2 or QColor(r.color).saturation() == 0


def test_a_dark_colour_is_left_as_it_is():
    assert readable_text("#1565c0").name() == "#1565c0"
    assert round(contrast(QColor("#000000"), WHITE), 1) == 21.0


def test_the_team_view_writes_role_names_readably(qtbot, ctx):
    from opsdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    team = window.show_view("team")
    tree = team.tree
    colours = []
    for i in range(tree.topLevelItemCount()):
        brush = tree.topLevelItem(i).foreground(0)
        if brush.style() != 0:
            colours.append(brush.color())
    assert colours and all(contrast(c, WHITE) >= MIN_CONTRAST for c in colours)
