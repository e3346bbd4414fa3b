"""Phases in the manager's hands (services/phases.py and PlanService.update_phase): each
change one transaction and one undo step; staff are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import PermissionDenied, ValidationError
from opsdesk.services.phases import overlapping


def _phases(services, world):
    return [(p.key, p.name_zh, p.name_en, p.start, p.end, p.position)
            for p in services.plans.phases(world.plan_id)]


def test_rename_and_new_dates_with_undo_and_redo(services, world):
    before = _phases(services, world)
    first = services.plans.phases(world.plan_id)[0]
    done = services.plans.update_phase(world.manager, first.id, name_zh="筹备期", name_en="Set-up")
    assert done.plans and done.change_id
    assert services.plans.phases(world.plan_id)[0].name_en == "Set-up"
    new_end = first.end + dt.timedelta(days=3)
    dates = services.plans.update_phase(world.manager, first.id, end=new_end)
    assert services.plans.phases(world.plan_id)[0].end == new_end
    with pytest.raises(ValidationError):
        services.plans.update_phase(world.manager, first.id, end=first.start - dt.timedelta(days=1))
    services.history.revert(world.manager, dates.change_id)
    assert services.plans.phases(world.plan_id)[0].end == first.end
    services.history.reapply(world.manager, dates.change_id)  # redo
    assert services.plans.phases(world.plan_id)[0].end == new_end
    assert services.plans.phases(world.plan_id)[0].name_zh == "筹备期" != before[0][1]


def test_add_a_campaign_phase_reorder_and_remove_it(services, world):
    before = _phases(services, world)
    added = services.phases.add(world.manager, world.plan_id, name_zh="双11大促", name_en="Double 11",
                                start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 12))
    (new_id,) = added.ids
    after = services.plans.phases(world.plan_id)
    assert [p.id for p in after][-1] == new_id and len(after) == len(before) + 1
    assert [p.position for p in after] == list(range(len(after)))
    assert overlapping(after, dt.date(2026, 11, 1), dt.date(2026, 11, 12), skip=new_id)

    moved = services.phases.move(world.manager, new_id, -1)
    order = [p.id for p in services.plans.phases(world.plan_id)]
    assert order[-2] == new_id
    services.history.revert(world.manager, moved.change_id)
    assert [p.id for p in services.plans.phases(world.plan_id)][-1] == new_id

    removed = services.phases.remove(world.manager, new_id)
    assert _phases(services, world) == before
    services.history.revert(world.manager, removed.change_id)  # it is back
    assert new_id in [p.id for p in services.plans.phases(world.plan_id)]
    services.history.reapply(world.manager, removed.change_id)  # redo: gone again
    assert _phases(services, world) == before
    services.history.revert(world.manager, removed.change_id)  # undo in order: the removal,
    services.history.revert(world.manager, added.change_id)  # then the add
    assert _phases(services, world) == before


def test_a_phase_with_tasks_cannot_be_removed(services, world, snapshot):
    phase = services.plans.phases(world.plan_id)[0]
    count = services.phases.task_counts(world.plan_id)[phase.id]
    assert count > 0
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        services.phases.remove(world.manager, phase.id)
    assert str(count) in refused.value.message and phase.name_zh in refused.value.message
    assert snapshot() == before


def test_staff_are_refused(services, world, snapshot):
    phase = services.plans.phases(world.plan_id)[0]
    staff = world.actors["ops"]
    before = snapshot()
    for call in (lambda: services.plans.update_phase(staff, phase.id, name_en="X"),
                 lambda: services.phases.add(staff, world.plan_id, name_zh="甲", name_en="A",
                                             start=world.launch, end=world.launch),
                 lambda: services.phases.move(staff, phase.id, 1),
                 lambda: services.phases.remove(staff, phase.id)):
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot() == before


def test_bad_new_phase_is_refused(services, world):
    with pytest.raises(ValidationError):
        services.phases.add(world.manager, world.plan_id, name_zh="", name_en="A",
                            start=world.launch, end=world.launch)
    with pytest.raises(ValidationError):
        services.phases.add(world.manager, world.plan_id, name_zh="甲", name_en="A",
                            start=world.launch, end=world.launch - dt.timedelta(days=1))
