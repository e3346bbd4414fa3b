"""The weekly report as a PDF (and for Print with preview): QTextDocument → QPdfWriter.

Chinese text is embedded with the CJK font the system has (subset by Qt's PDF engine).
"""

from __future__ import annotations

import datetime as dt
import errno
import html
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from opsdesk.errors import QT_TRANSLATE_NOOP, FileWriteError
from opsdesk.model import kpi_math
from opsdesk.ui import fmt
from opsdesk.ui.i18n_contexts import WeeklyReport
from opsdesk.ui.labels import status_name

CHART_URL = "opsdesk://sales-chart"


def texts() -> dict[str, str]:
    """The report's words in the interface language (literal calls, so lupdate finds them)."""
    return {
        'Plan status': QCoreApplication.translate("WeeklyReport", 'Plan status'),
        'Phase': QCoreApplication.translate("WeeklyReport", 'Phase'),
        'Dates': QCoreApplication.translate("WeeklyReport", 'Dates'),
        'Done': QCoreApplication.translate("WeeklyReport", 'Done'),
        'Progress': QCoreApplication.translate("WeeklyReport", 'Progress'),
        'Time passed': QCoreApplication.translate("WeeklyReport", 'Time passed'),
        'Overdue': QCoreApplication.translate("WeeklyReport", 'Overdue'),
        'Tasks: {done} done, {open} open, {blocked} blocked, {overdue} overdue; milestones reached: {ms_done} of {ms_total}.': QCoreApplication.translate("WeeklyReport", 'Tasks: {done} done, {open} open, {blocked} blocked, {overdue} overdue; milestones reached: {ms_done} of {ms_total}.'),
        'Done this week': QCoreApplication.translate("WeeklyReport", 'Done this week'),
        'Task': QCoreApplication.translate("WeeklyReport", 'Task'),
        'Role': QCoreApplication.translate("WeeklyReport", 'Role'),
        'Who': QCoreApplication.translate("WeeklyReport", 'Who'),
        'Done on': QCoreApplication.translate("WeeklyReport", 'Done on'),
        'Nothing was ticked off this week.': QCoreApplication.translate("WeeklyReport", 'Nothing was ticked off this week.'),
        'Overdue by role and person': QCoreApplication.translate("WeeklyReport", 'Overdue by role and person'),
        'Due': QCoreApplication.translate("WeeklyReport", 'Due'),
        'Days late': QCoreApplication.translate("WeeklyReport", 'Days late'),
        'unassigned': QCoreApplication.translate("WeeklyReport", 'unassigned'),
        'Nothing is overdue.': QCoreApplication.translate("WeeklyReport", 'Nothing is overdue.'),
        'Next milestones': QCoreApplication.translate("WeeklyReport", 'Next milestones'),
        'KPIs': QCoreApplication.translate("WeeklyReport", 'KPIs'),
        'Sales so far: {actual} CNY of the {target} CNY target ({pct}%).': QCoreApplication.translate("WeeklyReport", 'Sales so far: {actual} CNY of the {target} CNY target ({pct}%).'),
        'KPI': QCoreApplication.translate("WeeklyReport", 'KPI'),
        'Period': QCoreApplication.translate("WeeklyReport", 'Period'),
        'Actual': QCoreApplication.translate("WeeklyReport", 'Actual'),
        'Target': QCoreApplication.translate("WeeklyReport", 'Target'),
        'Attainment': QCoreApplication.translate("WeeklyReport", 'Attainment'),
        'Status': QCoreApplication.translate("WeeklyReport", 'Status'),
        'on track': QCoreApplication.translate("WeeklyReport", 'on track'),
        'at risk': QCoreApplication.translate("WeeklyReport", 'at risk'),
        'off track': QCoreApplication.translate("WeeklyReport", 'off track'),
        'no values yet': QCoreApplication.translate("WeeklyReport", 'no values yet'),
        'Last month': QCoreApplication.translate("WeeklyReport", 'Last month'),
        'met': QCoreApplication.translate("WeeklyReport", 'met'),
        'not met': QCoreApplication.translate("WeeklyReport", 'not met'),
        'below': QCoreApplication.translate("WeeklyReport", 'below'),
        'inside': QCoreApplication.translate("WeeklyReport", 'inside'),
        'above': QCoreApplication.translate("WeeklyReport", 'above'),
        'Monthly sales against target': QCoreApplication.translate("WeeklyReport", 'Monthly sales against target'),
        'Weekly report {year}-W{week:02d} ({start} – {end})': QCoreApplication.translate("WeeklyReport", 'Weekly report {year}-W{week:02d} ({start} – {end})'),
    }


def _e(text) -> str:
    return html.escape(str(text or ""))


def _money(value: float | None, lang: str) -> str:
    """An amount as users write it (150万 / 1,500,000), the sentence says CNY."""
    return "—" if value is None else fmt.amount(value, lang)


def _previous(c, T, lang: str) -> str:  # noqa: N803 - the report's words
    """Last month's result and verdict: 120 (met) · ¥90万 (67%)."""
    previous = getattr(c, "previous", None)
    if previous is None:
        return "—"
    text = fmt.kpi_value(previous, c.kpi.unit, c.kpi.decimals, lang)
    verdict = getattr(c, "previous_verdict", None)
    if verdict is not None and verdict.position is not None:
        text += f" ({_verdict(verdict, T)})"
    return text


def _verdict(v, T) -> str:  # noqa: N803 - the report's words
    """A goal's attainment in %; met / not met for a floor or ceiling; below / inside / above."""
    if v is None or v.position is None:
        return "—"
    if v.kind == kpi_math.GOAL:
        return f"{round((v.attainment or 0) * 100)}%"
    if v.kind in (kpi_math.FLOOR, kpi_math.CEILING):
        return T["met"] if v.met else T["not met"]
    return T[v.position]


def build_document(services, plan_id: int, monday: dt.date, lang: str,
                   today: dt.date | None = None) -> QTextDocument:
    from opsdesk.services.report import ReportService

    data = ReportService(services.store).weekly(services, plan_id, monday, today)
    T = texts()  # noqa: N806
    ov = data.overview
    year, week, _ = monday.isocalendar()
    parts = [f"<h1>{_e(ov.plan.name)}</h1>",
             f"<p class='sub'>{_e(T['Weekly report {year}-W{week:02d} ({start} – {end})'].format(year=year, week=week, start=fmt.long_date(data.monday, lang), end=fmt.long_date(data.sunday, lang)))}</p>"]
    # ---- plan status per phase
    parts.append(f"<h2>{_e(T['Plan status'])}</h2><table width='100%'><tr>"
                 f"<th>{_e(T['Phase'])}</th><th>{_e(T['Dates'])}</th><th>{_e(T['Done'])}</th>"
                 f"<th>{_e(T['Progress'])}</th><th>{_e(T['Time passed'])}</th><th>{_e(T['Overdue'])}</th></tr>")
    for p in ov.phases:
        parts.append(f"<tr><td>{_e(p.phase.name(lang))}</td>"
                     f"<td>{_e(fmt.date_range(p.phase.start, p.phase.end, lang))}</td>"
                     f"<td align='right'>{p.done} / {p.total}</td>"
                     f"<td align='right'>{round(p.progress * 100)}%</td>"
                     f"<td align='right'>{round(p.elapsed(data.today) * 100)}%</td>"
                     f"<td align='right'>{p.overdue}</td></tr>")
    parts.append("</table>")
    counts = ov.counts
    parts.append(f"<p>{_e(T['Tasks: {done} done, {open} open, {blocked} blocked, {overdue} overdue; milestones reached: {ms_done} of {ms_total}.'].format(done=counts.get('done', 0), open=counts.get('todo', 0) + counts.get('doing', 0) + counts.get('blocked', 0), blocked=counts.get('blocked', 0), overdue=ov.overdue_total, ms_done=ov.milestones_done, ms_total=ov.milestones_total))}</p>")
    if counts.get("skipped"):  # routine days let go: neither done nor overdue
        skipped = counts["skipped"]
        missed = WeeklyReport.tr("%n missed routine day(s) marked skipped (not counted as done or overdue).", "", skipped)
        parts.append(f"<p>{_e(missed)}</p>")
    # ---- done this week
    parts.append(f"<h2>{_e(T['Done this week'])} ({len(data.done)})</h2>")
    if data.done:
        parts.append(f"<table width='100%'><tr><th>{_e(T['Task'])}</th><th>{_e(T['Role'])}</th>"
                     f"<th>{_e(T['Who'])}</th><th>{_e(T['Done on'])}</th></tr>")
        for t in data.done:
            parts.append(f"<tr><td>{'◆ ' if t.milestone else ''}{_e(t.title)}</td><td>{_e(t.role(lang))}</td>"
                         f"<td>{_e(t.done_by or t.person or '—')}</td><td>{_e(fmt.local_datetime(t.done_at, lang))}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{_e(T['Nothing was ticked off this week.'])}</p>")
    # ---- overdue by role and person
    parts.append(f"<h2>{_e(T['Overdue by role and person'])} ({len(data.overdue)})</h2>")
    if data.overdue:
        parts.append(f"<table width='100%'><tr><th>{_e(T['Role'])}</th><th>{_e(T['Who'])}</th>"
                     f"<th>{_e(T['Task'])}</th><th>{_e(T['Due'])}</th><th>{_e(T['Days late'])}</th></tr>")
        for t in data.overdue:
            late = (data.today - t.due).days if t.due else 0
            parts.append(f"<tr><td>{_e(t.role(lang))}</td><td>{_e(t.person or T['unassigned'])}</td>"
                         f"<td>{_e(t.title)}</td><td>{_e(fmt.short_date(t.due, lang))}</td>"
                         f"<td align='right' class='bad'>{late}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{_e(T['Nothing is overdue.'])}</p>")
    # ---- next milestones
    parts.append(f"<h2>{_e(T['Next milestones'])}</h2><table width='100%'>")
    for m in ov.milestones:
        days = (m.due - data.today).days if m.due else 0
        in_days = WeeklyReport.tr("in %n day(s)", "", days)
        parts.append(f"<tr><td>{_e(fmt.long_date(m.due, lang))}</td><td>◆ {_e(m.title)}</td>"
                     f"<td align='right'>{_e(in_days)}</td>"
                     f"<td>{_e(status_name(m.status))}</td></tr>")
    parts.append("</table>")
    # ---- KPIs
    dash = data.dashboard
    if dash is not None and dash.cards:
        parts.append(f"<h2>{_e(T['KPIs'])}</h2>")
        if dash.sales is not None:
            s = dash.sales
            parts.append(f"<p>{_e(T['Sales so far: {actual} CNY of the {target} CNY target ({pct}%).'].format(actual=_money(s.actual, lang), target=_money(s.low, lang), pct=round((s.attainment or 0) * 100)))}</p>")
        parts.append(f"<table width='100%'><tr><th>{_e(T['KPI'])}</th><th>{_e(T['Period'])}</th>"
                     f"<th>{_e(T['Actual'])}</th><th>{_e(T['Target'])}</th><th>{_e(T['Attainment'])}</th>"
                     f"<th>{_e(T['Status'])}</th><th>{_e(T['Last month'])}</th></tr>")
        status_names = {kpi_math.ON_TRACK: T["on track"], kpi_math.AT_RISK: T["at risk"],
                        kpi_math.OFF_TRACK: T["off track"], kpi_math.NO_TARGET: "—",
                        kpi_math.NO_DATA: T["no values yet"]}
        colors = {kpi_math.ON_TRACK: "#2e7d32", kpi_math.AT_RISK: "#ef6c00",
                  kpi_math.OFF_TRACK: "#c62828"}
        for c in dash.cards:
            k = c.kpi
            target = _target_text(c.low, c.high, k.decimals, k.unit, lang,
                                  c.verdict.kind if c.verdict is not None else "")
            actual = "—" if c.actual is None else fmt.kpi_value(c.actual, k.unit, k.decimals, lang)
            att = _verdict(c.verdict, T) if c.verdict is not None else (
                "—" if c.attainment is None else f"{round(c.attainment * 100)}%")
            parts.append(f"<tr><td>{_e(k.name(lang))}</td><td>{_e(fmt.date_range(c.period_start, c.period_end, lang))}</td>"
                         f"<td align='right'>{actual}</td><td align='right'>{target}</td>"
                         f"<td align='right'>{att}</td>"
                         f"<td style='color:{colors.get(c.status, '#5f6368')}'>{_e(status_names.get(c.status, c.status))}</td>"
                         f"<td align='right'>{_e(_previous(c, T, lang))}</td></tr>")
        parts.append("</table>")
    charts = _kpi_charts(services, plan_id, data.today, lang) if dash is not None else []
    for n, (title, _image) in enumerate(charts):
        parts.append(f"<h3>{_e(title)}</h3><p><img src='{CHART_URL}/{n}' width='640' height='240'></p>")
    if data.sales_months and not charts:
        parts.append(f"<h3>{_e(T['Monthly sales against target'])}</h3><p><img src='{CHART_URL}' width='640' height='260'></p>")
    style = ("<style>h1{font-size:20pt;} h2{font-size:14pt;margin-top:14px;} h3{font-size:12pt;}"
             ".sub{color:#5f6368;} th{background:#e3f2fd;text-align:left;padding:3px;}"
             "td{padding:3px;border-bottom:1px solid #e0e3e8;} .bad{color:#c62828;}</style>")
    doc = QTextDocument()
    doc.setDefaultFont(_report_font())
    for n, (_title, image) in enumerate(charts):
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{CHART_URL}/{n}"), image)
    if data.sales_months and not charts:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL),
                        _sales_chart(data.sales_months, lang))
    doc.setHtml(style + "".join(parts))
    return doc


# The report's main charts: (KPI key, chart mode, title).
MAIN_CHARTS = (
    ("sales", "periods", QT_TRANSLATE_NOOP("WeeklyReport", "Monthly sales against target")),
    ("sales", "cumulative", QT_TRANSLATE_NOOP("WeeklyReport", "Sales so far against the cumulative target")),
    ("daily_orders", "daily", QT_TRANSLATE_NOOP("WeeklyReport", "Daily orders with the 7-day average")),
)


def _kpi_charts(services, plan_id: int, today: dt.date, lang: str) -> list[tuple[str, QImage]]:
    """The KPI view's own charts (pyqtgraph), rendered to images for the document."""
    from opsdesk.ui.kpis.chart import KpiChart

    kpis = services.kpis.list(plan_id)
    by_key = {k.key: k for k in kpis}
    phases, milestones = services.kpis.marks(plan_id)
    out = []
    for key, mode, title in MAIN_CHARTS:
        kpi = by_key.get(key)
        if kpi is None:
            continue
        data = services.kpis.chart_data(kpi.id, kpis)
        if not data.days:
            continue
        chart = KpiChart(lang=lang)
        chart.resize(1280, 480)
        chart.set_data(data, mode, "month", phases, milestones, today)
        out.append((QCoreApplication.translate("WeeklyReport", title), chart.grab().toImage()))
        chart.deleteLater()
    return out


def _target_text(low, high, decimals: int, unit: str = "count", lang: str = "en",
                 kind: str = "") -> str:
    """3.00–5.00 · ≥ 30 · ≤ 15.0% · ¥150万, as the dashboard writes them."""
    if low is None and high is None:
        return "—"
    if low is not None and high is not None and low != high:
        return (f"{fmt.kpi_value(low, unit, decimals, lang)}–"
                f"{fmt.kpi_value(high, unit, decimals, lang)}")
    value = fmt.kpi_value(low if low is not None else high, unit, decimals, lang)
    if kind == kpi_math.FLOOR:
        return f"≥ {value}"
    if kind == kpi_math.CEILING:
        return f"≤ {value}"
    return value


def _report_font() -> QFont:
    """This system's Chinese font (Microsoft YaHei on Windows, Noto CJK on Linux: see
    opsdesk/ui/fonts.py) behind a Latin one where needed, embedded in the PDF."""
    from opsdesk.ui.fonts import pdf_font

    return pdf_font(10)


def _sales_chart(months, lang: str) -> QImage:
    """Bars of monthly sales with the month's target as a line (painted, no pyqtgraph)."""
    w, h = 1280, 520
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = _report_font()
    font.setPointSizeF(18)
    p.setFont(font)
    top = max(max(v, t or 0) for _m, v, t in months) * 1.1 or 1
    left, bottom, right, head = 150, h - 60, w - 30, 30
    p.setPen(QPen(QColor("#9e9e9e"), 1))
    p.drawLine(left, bottom, right, bottom)
    slot = (right - left) / len(months)
    for i, (month, value, target) in enumerate(months):
        x = left + i * slot
        bh = (bottom - head) * value / top
        color = QColor("#43a047") if target is None or value >= target else QColor("#ef6c00")
        p.fillRect(QRectF(x + slot * 0.2, bottom - bh, slot * 0.6, bh), color)
        if target:
            ty = bottom - (bottom - head) * target / top
            p.setPen(QPen(QColor("#c62828"), 4, Qt.PenStyle.DashLine))
            p.drawLine(int(x + slot * 0.1), int(ty), int(x + slot * 0.9), int(ty))
        p.setPen(QColor("#202124"))
        label = f"{month.month}月" if lang.startswith("zh") else month.strftime("%b %Y")
        p.drawText(QRectF(x, bottom + 8, slot, 40), Qt.AlignmentFlag.AlignHCenter, label)
        p.drawText(QRectF(x, bottom - bh - 40, slot, 36), Qt.AlignmentFlag.AlignHCenter,
                   fmt.amount(value, lang))
    p.end()
    return img


def write_weekly_report(services, plan_id: int, monday: dt.date, out: Path, lang: str,
                        today: dt.date | None = None) -> int:
    """Render the report to ``out`` (PDF, A4); returns the number of pages. ``out`` is
    replaced only when the whole report is written (``FileWriteError`` otherwise)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from opsdesk.ui.i18n import translators

    QApplication.instance() or QApplication([])
    translators().install(lang)
    doc = build_document(services, plan_id, monday, lang, today)
    return write_document_pdf(doc, out)


def write_document_pdf(doc: QTextDocument, out: Path) -> int:
    """``doc`` to ``out`` as an A4 PDF through a ``.part`` file; the number of pages. ``out``
    is replaced only when the whole file is written (``FileWriteError`` otherwise). The
    weekly report and the printed list both write this way."""
    from opsdesk.services import files

    out = files.refuse_live(out)  # never over the open database or its -wal/-shm
    part = files.refuse_live(out.with_name(out.name + ".part"))  # replaced when complete
    try:
        files.write_user_bytes(part, b"")  # (QPdfWriter says nothing when it cannot write)
    except OSError as exc:
        raise FileWriteError.from_os(out, exc) from exc
    try:
        pages = _print(doc, part)
        if part.stat().st_size == 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        files.replace_user_file(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise FileWriteError.from_os(out, exc) from exc
    return pages


def _print(doc: QTextDocument, out: Path) -> int:
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(doc.toPlainText().splitlines()[0] if doc.toPlainText() else "OpsDesk")
    writer.setCreator("OpsDesk")
    writer.setResolution(120)
    layout = writer.pageLayout()
    rect = layout.paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    return doc.pageCount()
