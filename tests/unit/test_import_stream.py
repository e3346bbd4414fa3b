"""Plan files read as they stream (issue #17): no XML tree, chunks of any size, progress and
Cancel while reading; a big import builds the tasks' indexes once, keeps the row log as it is
(undo and redo work) and writes the values SQLAlchemy would."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import text

from opsdesk.errors import Cancelled, ValidationError
from opsdesk.interchange import plan_doc
from opsdesk.interchange.mspdi import parse_mspdi, write_mspdi
from opsdesk.interchange.plan_doc import LinkDoc, PlanDoc, ResourceDoc, TaskDoc
from opsdesk.interchange.planner import parse_planner
from opsdesk.services import Actor, Services
from opsdesk.services import imports as imports_module
from opsdesk.services.imports import ImportService, read_plan_file
from opsdesk.store import open_store, rowlog

D = dt.date


def planner_text(n: int, *, nested: bool = True) -> str:
    """A .planner file of ``n`` tasks under two summaries, with links, resources in a group
    and allocations (after the tasks, as Planner writes them)."""
    tasks = []
    for i in range(1, n + 1):
        day = D(2027, 1, 1) + dt.timedelta(days=i % 90)
        links = (f'<predecessors><predecessor id="1" predecessor-id="{i - 1}" type="FS" '
                 f'lag="86400"/></predecessors>' if i > 1 and i % 7 == 0 else "")
        tasks.append(f'<task id="{i}" name="任务 {i}" note="{"备注" if i % 3 == 0 else ""}" '
                     f'start="{day:%Y%m%d}T080000Z" end="{day:%Y%m%d}T170000Z" '
                     f'percent-complete="{100 if i % 4 == 0 else 0}" '
                     f'type="{"milestone" if i % 50 == 0 else "normal"}">{links}</task>')
    half = n // 2
    body = (f'<task id="s1" name="准备" start="20270101T080000Z" end="20270401T170000Z">'
            f'{"".join(tasks[:half])}</task>'
            f'<task id="s2" name="上线" start="20270101T080000Z" end="20270401T170000Z">'
            f'{"".join(tasks[half:])}</task>') if nested else "".join(tasks)
    allocations = "".join(f'<allocation task-id="{i}" resource-id="{1 + i % 3}" units="100"/>'
                          for i in range(1, n + 1, 2))
    return ('<?xml version="1.0"?>\n<project name="流式计划" project-start="20270101T000000Z">'
            f"<tasks>{body}</tasks>"
            '<resource-groups><group id="g1" name="客服"/></resource-groups>'
            '<resources><resource id="1" name="小王" group="g1" short-name="wang"/>'
            '<resource id="2" name="小李"/><resource id="3" name=""/></resources>'
            f"<allocations>{allocations}</allocations></project>")


def doc_key(doc: PlanDoc):
    return (doc.name, doc.start, [(t.uid, t.name, t.start, t.finish, t.parent, t.milestone,
                                   t.summary, t.percent_complete, t.notes, t.resources, t.depth)
                                  for t in doc.tasks],
            doc.links, doc.resources, [w.message for w in doc.warnings])


def test_a_planner_file_is_read_in_chunks_of_any_size_with_the_same_result(tmp_path,
                                                                          monkeypatch):
    path = tmp_path / "p.planner"
    path.write_text(planner_text(120), encoding="utf-8")
    whole = parse_planner(path.read_bytes(), path.name)
    assert len(whole.tasks) == 122 and [t.uid for t in whole.tasks[:2]] == ["s1", "1"]
    assert whole.tasks[0].summary and whole.tasks[1].parent == "s1" and whole.tasks[1].depth == 1
    assert LinkDoc("6", "7", "FS", 1) in whole.links
    assert [r.name for r in whole.resources] == ["小王", "小李"]  # the nameless one is nobody
    assert whole.resources[0].group == "客服"
    assert whole.tasks[1].resources == ["2"] and whole.tasks[2].resources == []
    monkeypatch.setattr(plan_doc, "CHUNK", 7)  # tags and UTF-8 characters cut between chunks
    with path.open("rb") as fh:
        assert doc_key(parse_planner(fh, path.name)) == doc_key(whole)


def test_no_xml_tree_is_built(tmp_path, monkeypatch):
    path = tmp_path / "p.planner"
    path.write_text(planner_text(30), encoding="utf-8")
    import defusedxml.ElementTree as DET

    def built(*_args, **_kwargs):
        pytest.fail("an XML tree was built")

    for module in (ET, DET):
        for name in ("fromstring", "XML", "parse", "iterparse", "XMLParser", "TreeBuilder"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, built)
    assert len(read_plan_file(path).tasks) == 32


def test_reading_reports_bytes_and_stops_on_cancel(tmp_path, monkeypatch):
    monkeypatch.setattr(plan_doc, "CHUNK", 4096)
    path = tmp_path / "p.planner"
    path.write_text(planner_text(400), encoding="utf-8")
    size = path.stat().st_size
    seen: list[tuple[int, int]] = []
    read_plan_file(path, lambda done, total: seen.append((done, total)) or True)
    assert len(seen) > 5 and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls = []

    def stop(done, total):
        calls.append(done)
        return len(calls) < 3  # False: the person pressed Cancel

    with pytest.raises(Cancelled):
        read_plan_file(path, stop)
    assert len(calls) == 3


def test_broken_xml_further_on_still_wins_over_a_bad_value_before_it(tmp_path):
    good = '<task id="1" name="A" start="20270101T080000Z" end="20270102T170000Z"/>'
    bad = '<task id="2" name="B" start="someday" end="20270102T170000Z"/>'
    head = '<?xml version="1.0"?>\n<project name="x"><tasks>'
    err = pytest.raises(ValidationError, parse_planner,
                        (head + bad + good + "</tasks>\n<oops></project>").encode(), "b.planner")
    assert err.value.template == plan_doc.XML_BROKEN and err.value.params["line"] == 3
    err = pytest.raises(ValidationError, parse_planner,
                        (head + good + bad + "</tasks></project>").encode(), "b.planner")
    assert err.value.template == plan_doc.BAD_START and "“someday”" in err.value.message


def test_a_doctype_is_refused_while_streaming(tmp_path):
    data = (b'<?xml version="1.0"?><!DOCTYPE project [<!ENTITY a "aaaa">]>'
            b'<project name="&a;"><tasks/></project>')
    err = pytest.raises(ValidationError, parse_planner, data, "x.planner").value
    assert err.template == plan_doc.XML_UNSAFE
    err = pytest.raises(ValidationError, parse_planner, b"  \n ", "x.planner").value
    assert err.template == plan_doc.XML_EMPTY


def test_a_wrong_root_is_named():
    err = pytest.raises(ValidationError, parse_planner, b"<Project/>", "x.planner").value
    assert err.template == plan_doc.WRONG_ROOT and err.params["tag"] == "Project"


def mspdi_doc() -> PlanDoc:
    tasks = [TaskDoc("p1", "阶段", D(2027, 1, 1), D(2027, 1, 9), summary=True,
                     phase_key="prep", name_en="Prep", color="#123456")]
    for i in range(2, 40):
        tasks.append(TaskDoc(str(i), f"任务{i}", D(2027, 1, 1 + i % 8), D(2027, 1, 2 + i % 8),
                             parent="p1", depth=1, resources=["r1"] if i % 2 else [],
                             status="doing" if i % 5 == 0 else None, role="cs"))
    return PlanDoc("计划", D(2027, 1, 1), tasks=tasks, links=[LinkDoc("2", "3")],
                   resources=[ResourceDoc("r1", "小王", login="wang", role_key="cs")],
                   launch=D(2027, 1, 5))


def test_mspdi_streams_and_reads_a_file_out_of_the_schemas_order_the_same(tmp_path,
                                                                          monkeypatch):
    data = write_mspdi(mspdi_doc())
    whole = parse_mspdi(data, "p.xml")
    assert whole.launch == D(2027, 1, 5) and whole.tasks[0].phase_key == "prep"
    assert whole.tasks[2].role == "cs" and whole.tasks[2].resources == ["1"]  # (renumbered)
    text_ = data.decode()
    found = re.search(r"<ExtendedAttributes>.*?</ExtendedAttributes>", text_, re.S)
    assert found is not None
    moved = text_[:found.start()] + text_[found.end():]
    moved = moved.replace("</Assignments>", "</Assignments>" + found.group(0)).encode()
    monkeypatch.setattr(plan_doc, "CHUNK", 64)
    path = tmp_path / "moved.xml"
    path.write_bytes(moved)
    again = read_plan_file(path)
    assert doc_key(again) == doc_key(whole)
    assert [(t.role, t.status, t.phase_key) for t in again.tasks] == \
        [(t.role, t.status, t.phase_key) for t in whole.tasks]
    assert again.roles == whole.roles and again.launch == whole.launch


@pytest.fixture
def new_store(tmp_path):
    store = open_store(tmp_path / "new.db", create=True)
    yield store
    store.close()


def table_rows(store, table: str) -> list[tuple]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]


def indexes(store) -> list[tuple]:
    with store.read() as s:
        return sorted(tuple(r) for r in s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'")))


def test_a_big_import_builds_the_indexes_once_with_the_same_rows_and_row_log(tmp_path,
                                                                           monkeypatch):
    path = tmp_path / "p.planner"
    path.write_text(planner_text(300), encoding="utf-8")
    clock = lambda: dt.datetime(2027, 1, 3, 9, 30, 15, 123456)  # noqa: E731
    got = {}
    for name, threshold in (("row by row", 10**9), ("deferred", 100)):
        monkeypatch.setattr(imports_module, "DEFER_INDEXES_FROM", threshold)
        monkeypatch.setattr(imports_module, "CHUNK", 64)
        store = open_store(tmp_path / f"{name}.db", create=True)
        try:
            before = indexes(store)
            statements: list[str] = []
            from sqlalchemy import event

            event.listen(store.engine, "before_cursor_execute",
                         lambda *a, seen=statements: seen.append(a[2]))
            ImportService(store, clock=clock).import_plan(Actor.system(), read_plan_file(path),
                                                          file=path.name)
            dropped = {s.split()[1] for s in statements if s.startswith("DROP ")}
            assert dropped == ({"INDEX", "TRIGGER"} if name == "deferred" else set())
            assert indexes(store) == before  # the same indexes, whichever way
            with store.read() as s:
                assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                assert rowlog.missing_triggers(s.connection()) == []  # the trigger is back
            if name == "deferred":  # the tasks' rows go into the row log already claimed
                copy = [s for s in statements if s.startswith("INSERT INTO change_rows")]
                assert len(copy) == 1 and copy[0].startswith(
                    "INSERT INTO change_rows (change_id, tbl")
            got[name] = {t: table_rows(store, t) for t in ("tasks", "task_links", "phases",
                                                           "users", "change_rows", "changes")}
        finally:
            store.close()
    assert len(got["deferred"]["tasks"]) == 300
    assert got["deferred"] == got["row by row"]  # the row log's JSON too, the entry's summary
    (entry,) = got["deferred"]["changes"]
    assert {r[1] for r in got["deferred"]["change_rows"]} == {entry[0]}  # all its own
    assert '"tasks": 300' in str(entry) or "'tasks': 300" in str(entry)


def test_the_collector_waits_while_a_plan_is_read_and_imported(tmp_path):
    """A big plan's records hold no cycles: the cyclic collector is off while they are
    made (it walked the growing heap again and again: about a second of a 300k import) and
    on again after, also when the import fails."""
    import gc

    path = tmp_path / "p.planner"
    path.write_text(planner_text(120), encoding="utf-8")
    seen: list[bool] = []
    assert gc.isenabled()
    doc = read_plan_file(path, progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen) and gc.isenabled()
    store = open_store(tmp_path / "p.db", create=True)
    try:
        ImportService(store).import_plan(Actor.system(), doc, file=path.name,
                                         progress=lambda d, t: seen.append(gc.isenabled()))
        assert not any(seen) and gc.isenabled()
        with pytest.raises(Cancelled):
            ImportService(store).import_plan(Actor.system(), doc, file=path.name,
                                             progress=lambda d, t: False)
        assert gc.isenabled()
    finally:
        store.close()


def test_a_pause_of_the_collector_ends_with_the_last_of_several_and_keeps_it_off(monkeypatch):
    import gc
    import threading

    from opsdesk import collector

    with collector.paused():
        assert not gc.isenabled()
        inner_done = threading.Event()

        def other() -> None:  # another thread's pause, ending first
            with collector.paused():
                pass
            inner_done.set()

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert inner_done.is_set() and not gc.isenabled()  # still ours
    assert gc.isenabled()
    gc.disable()  # off before (the app's start-up): stays off after
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_big_import_is_undone_and_redone_as_one_action(new_store, monkeypatch):
    monkeypatch.setattr(imports_module, "DEFER_INDEXES_FROM", 50)
    services = Services(new_store)
    services.people.create_role(Actor.system(), "operations", "运营", "Operations", "#1e88e5")
    services.people.create_user(Actor.system(), "经理", "boss", "operations", is_manager=True,
                                password="boss-pw1")
    boss = services.people.authenticate("boss", "boss-pw1")
    doc = parse_planner(planner_text(200).encode(), "p.planner")
    changes = ImportService(new_store).import_plan(boss, doc, file="p.planner")
    assert len(services.tasks.list(changes.plan_id)) == 200
    services.history.revert(boss, changes.change_id)
    assert table_rows(new_store, "tasks") == [] and table_rows(new_store, "plans") == []
    redo = services.history.reapply(boss, changes.change_id)
    assert redo is not None and len(table_rows(new_store, "tasks")) == 200


def test_a_cancelled_big_import_leaves_no_plan_and_the_indexes_in_place(new_store,
                                                                        monkeypatch):
    monkeypatch.setattr(imports_module, "DEFER_INDEXES_FROM", 50)
    monkeypatch.setattr(imports_module, "CHUNK", 40)
    before = indexes(new_store)
    doc = parse_planner(planner_text(200).encode(), "p.planner")
    calls = []

    def progress(done, total):
        calls.append(done)
        return len(calls) < 2

    with pytest.raises(Cancelled):
        ImportService(new_store).import_plan(Actor.system(), doc, file="p.planner",
                                             progress=progress)
    assert calls == [40, 80]
    assert table_rows(new_store, "tasks") == [] and table_rows(new_store, "plans") == []
    assert table_rows(new_store, "change_rows") == [] and indexes(new_store) == before


def test_imported_values_are_stored_as_sqlalchemy_stores_them(new_store):
    services = Services(new_store)
    services.people.create_role(Actor.system(), "operations", "运营", "Operations", "#1e88e5")
    services.people.create_user(Actor.system(), "经理", "boss", "operations", is_manager=True,
                                password="boss-pw1")
    boss = services.people.authenticate("boss", "boss-pw1")
    doc = parse_planner(planner_text(8, nested=False).encode(), "p.planner")
    plan_id = ImportService(new_store).import_plan(boss, doc, file="p.planner").plan_id
    services.tasks.create(boss, plan_id, title="手建", start=D(2027, 1, 2),
                          due=D(2027, 1, 3), is_milestone=True, status="done")  # the ORM way
    with new_store.read() as s:
        rows = s.execute(text("SELECT id, typeof(start), start, typeof(due), due, "
                              "typeof(is_milestone), is_milestone, typeof(done_at), done_at "
                              "FROM tasks ORDER BY id")).all()
    by_hand = rows[-1]
    imported = [r for r in rows[:-1] if r[7] != "null"]
    assert imported  # some imported tasks are done (100 %), stamped now
    for r in imported:
        assert r[1::2] == by_hand[1::2]  # the same storage types
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r[2]) and r[2] == r[4]
        assert len(r[8]) == len(by_hand[8])  # the same datetime spelling
    tasks = {t.title: t for t in services.tasks.list(plan_id)}
    assert tasks["任务 4"].status == "done" and tasks["任务 4"].done_at is not None
    assert tasks["任务 1"].start == D(2027, 1, 2) and tasks["任务 1"].due == D(2027, 1, 2)


def test_mspdi_with_a_prefix_or_no_namespace_reads_the_same():
    data = write_mspdi(mspdi_doc()).decode()
    whole = parse_mspdi(data.encode(), "p.xml")
    prefixed = re.sub(r"<(/?)(\w)", r"<\1p:\2", data.split("?>", 1)[1]).replace(
        'xmlns="', 'xmlns:p="')
    plain = data.replace(' xmlns="http://schemas.microsoft.com/project"', "")
    for variant in (prefixed, plain):
        assert doc_key(parse_mspdi(variant.encode(), "p.xml")) == doc_key(whole)
    # a list in another namespace is not the project's (as when the whole tree was read)
    other = data.replace("<Tasks>", '<Tasks xmlns="urn:other">', 1)
    assert parse_mspdi(other.encode(), "p.xml").tasks == []
