"""People and roles: signing in, the last manager, unique logins and roles."""

from __future__ import annotations

import pytest

from opsdesk.errors import AuthError, NotFound, ValidationError
from opsdesk.services import Actor, Services
from opsdesk.services.people import PasswordNotSet, hash_password, verify_password
from tests.conftest import MANAGER_PASSWORD

# ---- sign-in


def test_authenticate_without_password(services: Services, world):
    actor = services.people.authenticate("ops")
    assert actor == Actor(world.users["ops"], "ops", "Ops", False,
                          frozenset({world.roles["operations"]}))
    boss = services.people.authenticate("manager", MANAGER_PASSWORD)
    assert boss.is_manager and boss.user_id == world.users["manager"]
    assert not services.people.needs_password("ops")
    assert services.people.needs_password("manager")


def test_login_is_case_and_space_insensitive(services: Services, world):
    assert services.people.authenticate("  OPS ").user_id == world.users["ops"]


@pytest.mark.parametrize("login", ["nobody", "", "   ", "ops3"])
def test_unknown_login(services: Services, login):
    with pytest.raises(AuthError) as info:
        services.people.authenticate(login)
    assert "There is no active person" in info.value.message


def test_authenticate_with_password(services: Services, world):
    cs = world.users["cs"]
    services.people.set_password(world.actors["cs"], cs, "correct horse")
    assert services.people.needs_password("cs")
    assert services.people.users()[[u.id for u in services.people.users()].index(cs)].has_password
    with pytest.raises(AuthError, match="signs in with a password"):
        services.people.authenticate("cs")
    with pytest.raises(AuthError, match="signs in with a password"):
        services.people.authenticate("cs", "")
    with pytest.raises(AuthError, match="The password for cs is not correct"):
        services.people.authenticate("cs", "wrong horse")
    with pytest.raises(AuthError, match="not correct"):
        services.people.authenticate("cs", "Correct horse")
    assert services.people.authenticate("cs", "correct horse").user_id == cs
    # others still sign in without one
    assert services.people.authenticate("ops").user_id == world.users["ops"]
    # cleared again
    services.people.set_password(world.manager, cs, None)
    assert services.people.authenticate("cs").user_id == cs


def test_password_hash_is_salted_argon2(services: Services, world):
    services.people.set_password(world.manager, world.users["ops"], "same")
    services.people.set_password(world.manager, world.users["ops2"], "same")
    with services.store.engine.connect() as conn:
        hashes = [r[0] for r in conn.exec_driver_sql(
            "SELECT password_hash FROM users WHERE login IN ('ops', 'ops2')")]
    assert len(set(hashes)) == 2 and all(h.startswith("$argon2id$") for h in hashes)
    assert all("same" not in h for h in hashes)


def test_fixed_salt_hash_is_reproducible():
    salt = b"0123456789abcdef"
    h = hash_password("pw", salt)
    assert h == hash_password("pw", salt)
    assert verify_password(h, "pw") and not verify_password(h, "PW")
    assert not verify_password("not a hash", "pw")


def test_inactive_person_cannot_sign_in(services: Services, world):
    services.people.update_user(world.manager, world.users["ops2"], active=False)
    with pytest.raises(AuthError):
        services.people.authenticate("ops2")
    with pytest.raises(NotFound):
        services.people.actor_for(world.users["ops2"])
    assert "ops2" not in {u.login for u in services.people.users()}
    assert "ops2" in {u.login for u in services.people.users(active_only=False)}


def test_actor_carries_extra_roles(services: Services, world):
    services.people.set_extra_roles(world.manager, world.users["ops"],
                                    [world.roles["designer"], world.roles["planning"]])
    actor = services.people.authenticate("ops")
    assert actor.role_ids == {world.roles[k] for k in ("operations", "designer", "planning")}
    assert actor.has_role(world.roles["planning"]) and not actor.has_role(None)


# ---- the last manager


@pytest.mark.parametrize("change", [{"is_manager": False}, {"active": False},
                                    {"is_manager": False, "active": False}])
def test_last_active_manager_cannot_be_demoted_or_deactivated(services: Services, world,
                                                              snapshot, change):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.people.update_user(world.manager, world.users["manager"], **change)
    assert info.value.field == "is_manager"
    assert "Manager is the last active manager" in info.value.message
    assert snapshot() == before


def test_an_inactive_manager_does_not_count(services: Services, world, snapshot):
    boss = world.manager
    services.people.set_password(boss, world.users["ops2"], "ops2-pw")
    services.people.update_user(boss, world.users["ops2"], is_manager=True)
    services.people.update_user(boss, world.users["ops2"], active=False)
    before = snapshot()
    with pytest.raises(ValidationError):
        services.people.update_user(boss, world.users["manager"], is_manager=False)
    assert snapshot() == before


def test_demotion_allowed_when_another_manager_remains(services: Services, world):
    boss = world.manager
    services.people.set_password(boss, world.users["ops2"], "ops2-pw")
    services.people.update_user(boss, world.users["ops2"], is_manager=True)
    services.people.update_user(boss, world.users["manager"], is_manager=False)
    users = {u.login: u for u in services.people.users()}
    assert not users["manager"].is_manager and users["ops2"].is_manager
    new_boss = services.people.authenticate("ops2", "ops2-pw")
    with pytest.raises(ValidationError, match="last active manager"):
        services.people.update_user(new_boss, new_boss.user_id, active=False)
    # renaming the last manager is fine
    services.people.update_user(new_boss, new_boss.user_id, name="Chief")
    assert services.people.authenticate("ops2", "ops2-pw").name == "Chief"


# ---- unique logins and roles


@pytest.mark.parametrize("login", ["ops", "OPS", " Ops "])
def test_duplicate_login_refused(services: Services, world, snapshot, login):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.people.create_user(world.manager, "Another", login, "operations")
    assert info.value.field == "login"
    assert "already taken" in info.value.message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": " ", "login": "x", "role": "operations"}, "name"),
        ({"name": "X", "login": "", "role": "operations"}, "login"),
        ({"name": "X", "login": "x" * 65, "role": "operations"}, "login"),
        ({"name": "X", "login": "x", "role": "astronaut"}, "role"),
        ({"name": "X", "login": "x", "role": 999}, "role"),
    ],
)
def test_create_user_validation(services: Services, world, snapshot, kwargs, field):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.people.create_user(world.manager, **kwargs)
    assert info.value.field == field
    assert snapshot() == before


def test_create_user_by_role_id_and_key(services: Services, world):
    services.people.create_user(world.manager, "Wen", "wen", world.roles["warehouse"])
    services.people.create_user(world.manager, "Li", "li", "promotion", is_manager=True,
                                password="li-pw")
    users = {u.login: u for u in services.people.users()}
    assert users["wen"].role_id == world.roles["warehouse"] and not users["wen"].is_manager
    assert users["li"].role_id == world.roles["promotion"] and users["li"].is_manager
    assert services.people.authenticate("li", "li-pw").is_manager


def test_update_user_changes_role(services: Services, world):
    services.people.update_user(world.manager, world.users["ops2"], role="designer")
    assert services.people.authenticate("ops2").role_ids == {world.roles["designer"]}
    with pytest.raises(ValidationError):
        services.people.update_user(world.manager, world.users["ops2"], role="nope")


def test_duplicate_role_refused(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(ValidationError, match="already a role"):
        services.people.create_role(world.manager, "designer", "美工", "Designer")
    with pytest.raises(ValidationError):
        services.people.create_role(world.manager, " ", "空", "Empty")
    assert snapshot() == before
    services.people.create_role(world.manager, "analyst", "分析", "Analyst", color="#123456")
    role = services.people.roles()[-1]
    assert (role.key, role.name("zh_CN"), role.name("en"), role.color) == (
        "analyst", "分析", "Analyst", "#123456")


def test_set_password_for_unknown_person(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(NotFound):
        services.people.set_password(world.manager, 4242, None)
    assert snapshot() == before


# ---- no manager without a password (issue #12)


@pytest.mark.parametrize("password", [None, "", "   "])
def test_a_new_manager_needs_a_password(services: Services, world, snapshot, password):
    before = snapshot()
    with pytest.raises(ValidationError, match="A manager needs a password") as info:
        services.people.create_user(world.manager, "Boss2", "boss2", "operations",
                                    is_manager=True, password=password)
    assert info.value.field == "password"
    assert snapshot() == before


def test_making_someone_a_manager_needs_their_password(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(ValidationError, match="has no password") as info:
        services.people.update_user(world.manager, world.users["ops"], is_manager=True)
    assert info.value.field == "is_manager"
    assert snapshot() == before
    services.people.set_password(world.manager, world.users["ops"], "ops-pw")
    services.people.update_user(world.manager, world.users["ops"], is_manager=True)
    assert services.people.authenticate("ops", "ops-pw").is_manager


def test_a_managers_password_cannot_be_cleared_or_empty(services: Services, world, snapshot):
    before = snapshot()
    with pytest.raises(ValidationError, match="cannot be removed"):
        services.people.set_password(world.manager, world.users["manager"], None)
    with pytest.raises(ValidationError, match="cannot be empty"):
        services.people.set_password(world.manager, world.users["manager"], "  ")
    assert snapshot() == before
    assert services.people.authenticate("manager", MANAGER_PASSWORD).is_manager


def _passwordless_manager(services: Services, world) -> None:
    """A manager without a password, as a file from before issue #12 may hold."""
    with services.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE users SET is_manager = TRUE WHERE login = 'ops'")


def test_a_passwordless_manager_must_set_one_first(services: Services, world):
    _passwordless_manager(services, world)
    assert services.people.needs_password("ops")
    with pytest.raises(PasswordNotSet) as info:
        services.people.authenticate("ops")
    assert info.value.user_id == world.users["ops"] and "set a password" in info.value.message
    with pytest.raises(PasswordNotSet):
        services.people.authenticate("ops", "anything")
    with pytest.raises(ValidationError, match="cannot be empty"):
        services.people.set_first_password("ops", "")
    actor = services.people.set_first_password("ops", "new-ops-pw")
    assert actor.is_manager and actor.user_id == world.users["ops"]
    assert services.people.authenticate("ops", "new-ops-pw").is_manager
    # only while there is none: afterwards, not without signing in
    with pytest.raises(AuthError, match="already has a password"):
        services.people.set_first_password("ops", "taken-over")
    with pytest.raises(AuthError, match="already has a password"):
        services.people.set_first_password("cs", "staff-are-not-asked")
    assert services.people.authenticate("ops", "new-ops-pw").is_manager
