"""People and roles: sign-in, and (for managers) adding, editing and deactivating."""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from opsdesk.errors import (
    QT_TRANSLATE_NOOP,
    AuthError,
    NotFound,
    ReadOnlyDatabase,
    StorageError,
    ValidationError,
)
from opsdesk.model import Role, User, user_roles
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id, row_count
from opsdesk.services.changes import Changes
from opsdesk.services.passwords import hash_password, verify_password

UNKNOWN_LOGIN = QT_TRANSLATE_NOOP("Errors", "There is no active person with the login “{login}”.")
WRONG_PASSWORD = QT_TRANSLATE_NOOP("Errors", "The password for {login} is not correct.")
PASSWORD_NEEDED = QT_TRANSLATE_NOOP("Errors", "{login} signs in with a password.")
LOGIN_TAKEN = QT_TRANSLATE_NOOP("Errors", "The login “{login}” is already taken.")
ROLE_TAKEN = QT_TRANSLATE_NOOP("Errors", "There is already a role “{role}”.")
NO_SUCH_ROLE = QT_TRANSLATE_NOOP("Errors", "There is no role “{role}”.")
TOO_MANY_TRIES = QT_TRANSLATE_NOOP(
    "Errors", "Too many wrong passwords for {login}; try again in {seconds} s.")
MANAGER_WITHOUT_PASSWORD = QT_TRANSLATE_NOOP(
    "Errors", "{login} is a manager without a password; set a password before going on.")
MANAGER_NEEDS_PASSWORD = QT_TRANSLATE_NOOP(
    "Errors", "A manager needs a password; give {name} one.")
NO_PASSWORD_YET = QT_TRANSLATE_NOOP(
    "Errors", "{name} has no password; set one before making them a manager.")
MANAGER_KEEPS_PASSWORD = QT_TRANSLATE_NOOP(
    "Errors", "{name} is a manager; a manager's password cannot be removed.")
EMPTY_PASSWORD = QT_TRANSLATE_NOOP("Errors", "The password cannot be empty.")
PASSWORD_ALREADY_SET = QT_TRANSLATE_NOOP(
    "Errors", "{login} already has a password; sign in with it to change it.")
# Sign-in backoff: after FREE_TRIES wrong passwords each further one doubles the wait.
# The count and the wait are kept per login in the database (``users.failed_logins``,
# ``users.locked_until``), so every process, the app's and the CLI's, sees the same.
FREE_TRIES = 3
MAX_WAIT_S = 300
security_log = logging.getLogger("opsdesk.security")


class PasswordNotSet(AuthError):
    """A manager without a password signs in: they must set one first (``set_first_password``)."""

    template = MANAGER_WITHOUT_PASSWORD

    def __init__(self, login: str, user_id: int) -> None:
        self.login, self.user_id = login, user_id
        super().__init__(login=login)


@dataclass(frozen=True)
class _Login:
    """What sign-in reads of a person (only columns every schema revision has)."""

    id: int
    login: str
    is_manager: bool
    password_hash: str | None


def check_password(password: str | None) -> str:
    """A password that may be set: not empty (nor only spaces)."""
    if not password or not password.strip():
        raise ValidationError(EMPTY_PASSWORD, field="password")
    return password


def _log_security(message: str, *args: object) -> None:
    """Wrong passwords go to ``security.log`` in the log folder (and to any handler above)."""
    if not security_log.handlers:
        try:
            from opsdesk.paths import log_dir

            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.FileHandler(folder / "security.log",
                                                           encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        except OSError:
            handler = logging.NullHandler()
        security_log.addHandler(handler)
        security_log.setLevel(logging.INFO)
    security_log.warning(message, *args)


def backoff_seconds(failures: int) -> float:
    """How long sign-in waits after ``failures`` wrong passwords in a row."""
    return 0.0 if failures < FREE_TRIES else float(min(2 ** (failures - FREE_TRIES), MAX_WAIT_S))


LAST_MANAGER = QT_TRANSLATE_NOOP(
    "Errors", "{name} is the last active manager; make someone else a manager first."
)


@dataclass(frozen=True)
class RoleInfo:
    id: int
    key: str
    name_zh: str
    name_en: str
    color: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    login: str
    role_id: int
    is_manager: bool
    has_password: bool
    active: bool


class PeopleService(Service):
    # ---- reading

    def roles(self) -> list[RoleInfo]:
        with self.store.read() as s:
            rows = s.execute(select(Role.id, Role.key, Role.name_zh, Role.name_en, Role.color)
                             .order_by(Role.id)).all()
        return [RoleInfo(*r) for r in rows]

    def users(self, active_only: bool = True) -> list[UserInfo]:
        stmt = select(User.id, User.name, User.login, User.role_id, User.is_manager,
                      User.password_hash.is_not(None), User.active).order_by(
            User.is_manager.desc(), User.role_id, User.id)
        if active_only:
            stmt = stmt.where(User.active.is_(True))
        with self.store.read() as s:
            return [UserInfo(*r) for r in s.execute(stmt).all()]

    def actor_for(self, user_id: int) -> Actor:
        with self.store.read() as s:
            user = s.execute(select(User.id, User.login, User.name, User.is_manager,
                                    User.role_id, User.active)
                             .where(User.id == user_id)).first()
            if user is None or not user.active:
                raise NotFound()
            extra = s.scalars(select(user_roles.c.role_id)
                              .where(user_roles.c.user_id == user_id)).all()
        return Actor(user.id, user.login, user.name, user.is_manager,
                     frozenset({user.role_id, *extra}))

    def needs_password(self, login: str) -> bool:
        """Whether signing in as ``login`` asks for a password (a manager always does)."""
        user = self._user_by_login(login)
        return user.password_hash is not None or user.is_manager

    def _user_by_login(self, login: str) -> _Login:
        with self.store.read() as s:
            row = s.execute(select(User.id, User.login, User.is_manager, User.password_hash)
                            .where(func.lower(User.login) == login.strip().lower(),
                                   User.active.is_(True))).first()
        if row is None:
            raise AuthError(UNKNOWN_LOGIN, login=login)
        return _Login(*row)

    def authenticate(self, login: str, password: str | None = None) -> Actor:
        """Sign in; a password is checked where one is set. A manager without one gets
        ``PasswordNotSet`` (set it with ``set_first_password``).

        Wrong passwords are counted per login in the database, each in its own short
        transaction with one atomic increment, so tries from several processes are all
        counted; after ``FREE_TRIES`` the next try waits, in every process. A right password
        writes nothing (a sign-in for a read-only command leaves the file as it was) unless
        it clears earlier wrong tries. A read-only store cannot count: there the password is
        still checked and a wait already recorded is still kept.
        """
        user = self._user_by_login(login)
        if user.password_hash is None:
            if user.is_manager:
                raise PasswordNotSet(user.login, user.id)
            return self.actor_for(user.id)
        if not password:
            raise AuthError(PASSWORD_NEEDED, login=user.login)
        now = self.clock()
        state = self._read_tries(user.id)
        if state is not None and state[1] is not None and state[1] > now:
            _log_security("sign-in for %s refused: waiting after %d wrong passwords",
                          user.login, state[0])
            raise AuthError(TOO_MANY_TRIES, login=user.login,
                            seconds=max(1, math.ceil((state[1] - now).total_seconds())))
        if not verify_password(user.password_hash, password):
            counted = self._take_try(user, now)
            _log_security("wrong password for %s (%s in a row)", user.login,
                          counted if counted is not None else "not counted: read-only")
            raise AuthError(WRONG_PASSWORD, login=user.login)
        if state is not None and state[0]:
            self._reset_tries(user.id)  # (a right password writes nothing otherwise)
        return self.actor_for(user.id)

    def _take_try(self, user: _Login, now: dt.datetime) -> int | None:
        """Refuse while a wait is on; else count this try as a failure (reset on success)
        and set the wait the next try must keep. Returns the count, or None when the store
        cannot be written (read-only) or has no counter yet (a file of an older schema)."""
        def refuse(count: int, until: dt.datetime) -> AuthError:
            _log_security("sign-in for %s refused: waiting after %d wrong passwords",
                          user.login, count)
            return AuthError(TOO_MANY_TRIES, login=user.login,
                             seconds=max(1, math.ceil((until - now).total_seconds())))

        if not self.store.readonly:
            try:
                with self.store.write() as s:
                    count, until = s.execute(select(User.failed_logins, User.locked_until)
                                             .where(User.id == user.id)).one()
                    if until is not None and until > now:
                        raise refuse(count, until)
                    # one statement: tries at the same moment are each counted
                    s.execute(update(User).where(User.id == user.id).values(
                        failed_logins=User.failed_logins + 1))
                    count = s.execute(select(User.failed_logins)
                                      .where(User.id == user.id)).scalar_one()
                    wait = backoff_seconds(count)
                    s.execute(update(User).where(User.id == user.id).values(
                        locked_until=now + dt.timedelta(seconds=wait) if wait else None))
                return int(count)
            except ReadOnlyDatabase:
                pass  # a file or server that refuses writes: check without counting
            except StorageError:
                if self._has_counter():
                    raise
        state = self._read_tries(user.id)
        if state is not None and state[1] is not None and state[1] > now:
            raise refuse(state[0], state[1])
        return None

    def _read_tries(self, user_id: int) -> tuple[int, dt.datetime | None] | None:
        try:
            with self.store.read() as s:
                count, until = s.execute(select(User.failed_logins, User.locked_until)
                                         .where(User.id == user_id)).one()
        except (StorageError, DBAPIError):
            return None  # a file of an older schema, opened read-only: no counter yet
        return int(count or 0), until

    def _has_counter(self) -> bool:
        try:
            with self.store.read() as s:
                s.execute(select(User.failed_logins).limit(1)).all()
        except (StorageError, DBAPIError):
            return False
        return True

    def _reset_tries(self, user_id: int) -> None:
        try:
            with self.store.write() as s:
                s.execute(update(User).where(User.id == user_id).values(
                    failed_logins=0, locked_until=None))
        except ReadOnlyDatabase:
            pass

    def failed_tries(self, login: str) -> int:
        """Wrong passwords for ``login`` since the last success (0 without a counter)."""
        state = self._read_tries(self._user_by_login(login).id)
        return 0 if state is None else state[0]

    def set_first_password(self, login: str, password: str) -> Actor:
        """A manager without a password sets one (the only password anyone may set without
        signing in, and only while there is none); returns them signed in."""
        password = check_password(password)
        user = self._user_by_login(login)
        if user.password_hash is not None or not user.is_manager:
            raise AuthError(PASSWORD_ALREADY_SET, login=user.login)
        hashed = hash_password(password)
        actor = self.actor_for(user.id)
        with self.store.write() as s:
            done = s.execute(update(User).where(User.id == user.id,
                                                User.password_hash.is_(None))
                             .values(password_hash=hashed, failed_logins=0, locked_until=None))
            if row_count(done) != 1:  # someone else set it meanwhile
                raise AuthError(PASSWORD_ALREADY_SET, login=user.login)
            self.log(s, actor, "user", user.id, "password", after={"has_password": True})
        return actor

    # ---- writing (manager only)

    def create_role(self, actor: Actor, key: str, name_zh: str, name_en: str,
                    color: str = "#607d8b") -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        values = dict(key=validate.text(key, "name", 64), name_zh=validate.text(name_zh, "name", 100),
                      name_en=validate.text(name_en, "name", 100), color=color)
        with self.store.write() as s:
            if s.scalar(select(Role.id).where(Role.key == values["key"])) is not None:
                raise ValidationError(ROLE_TAKEN, field="name", role=values["key"])
            role_id = inserted_id(s.execute(insert(Role).values(**values)))
            cid = self.log(s, actor, "role", role_id, "create", after=values)
        return Changes(people=True, ids=frozenset({role_id}), change_id=cid)

    def create_user(self, actor: Actor, name: str, login: str, role: int | str,
                    is_manager: bool = False, password: str | None = None,
                    extra_roles: tuple[int, ...] = (), _salt: bytes | None = None) -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        name = validate.text(name, "name", 100)
        login = validate.text(login, "login", 64)
        if is_manager and not (password and password.strip()):
            raise ValidationError(MANAGER_NEEDS_PASSWORD, field="password", name=name)
        with self.store.write() as s:
            role_id = self._role_id(s, role)
            if s.scalar(select(User.id).where(func.lower(User.login) == login.lower())):
                raise ValidationError(LOGIN_TAKEN, field="login", login=login)
            values = dict(name=name, login=login, role_id=role_id, is_manager=is_manager,
                          password_hash=hash_password(password, _salt) if password else None,
                          active=True)
            user_id = inserted_id(s.execute(insert(User).values(**values)))
            for extra in extra_roles:
                s.execute(insert(user_roles).values(user_id=user_id, role_id=extra))
            logged = {k: v for k, v in values.items() if k != "password_hash"}
            cid = self.log(s, actor, "user", user_id, "create", after=logged)
        return Changes(people=True, ids=frozenset({user_id}), change_id=cid)

    def update_user(self, actor: Actor, user_id: int, *, name: str | None = None,
                    role: int | str | None = None, is_manager: bool | None = None,
                    active: bool | None = None) -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        with self.store.write() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound()
            before = dict(name=user.name, role_id=user.role_id, is_manager=user.is_manager,
                          active=user.active)
            after = dict(before)
            if name is not None:
                after["name"] = validate.text(name, "name", 100)
            if role is not None:
                after["role_id"] = self._role_id(s, role)
            if is_manager is not None:
                after["is_manager"] = is_manager
                if is_manager and not before["is_manager"] and user.password_hash is None:
                    raise ValidationError(NO_PASSWORD_YET, field="is_manager", name=user.name)
            if active is not None:
                after["active"] = active
            if before["is_manager"] and before["active"] and not (
                    after["is_manager"] and after["active"]):
                others = s.scalar(select(func.count()).select_from(User).where(
                    User.is_manager.is_(True), User.active.is_(True), User.id != user_id))
                if not others:
                    raise ValidationError(LAST_MANAGER, field="is_manager", name=user.name)
            changed = [k for k in after if after[k] != before[k]]  # the log names only these
            if changed:  # only these columns: on PostgreSQL the app role may not update
                # is_manager (resources/postgres/grants.sql), so a rename must not name it
                s.execute(update(User).where(User.id == user_id)
                          .values(**{k: after[k] for k in changed}))
            cid = self.log(s, actor, "user", user_id, "update",
                           before={k: before[k] for k in changed},
                           after={k: after[k] for k in changed})
        return Changes(people=True, ids=frozenset({user_id}), change_id=cid)

    def set_password(self, actor: Actor, user_id: int, password: str | None) -> Changes:
        """Set (or with ``None`` clear) a password: a manager for anyone, a person for themself."""
        if actor.user_id != user_id:
            permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        hashed = hash_password(check_password(password)) if password is not None else None
        with self.store.write() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound()
            if hashed is None and user.is_manager:
                raise ValidationError(MANAGER_KEEPS_PASSWORD, field="password", name=user.name)
            s.execute(update(User).where(User.id == user_id).values(
                password_hash=hashed, failed_logins=0, locked_until=None))
            cid = self.log(s, actor, "user", user_id, "password",
                           after={"has_password": hashed is not None})
        return Changes(people=True, ids=frozenset({user_id}), change_id=cid)

    def set_extra_roles(self, actor: Actor, user_id: int, role_ids: list[int]) -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        with self.store.write() as s:
            s.execute(delete(user_roles).where(user_roles.c.user_id == user_id))
            for rid in role_ids:
                s.execute(insert(user_roles).values(user_id=user_id, role_id=rid))
            cid = self.log(s, actor, "user", user_id, "roles", after={"role_ids": role_ids})
        return Changes(people=True, ids=frozenset({user_id}), change_id=cid)

    def update_role(self, actor: Actor, role_id: int, *, name_zh: str | None = None,
                    name_en: str | None = None, color: str | None = None) -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        with self.store.write() as s:
            role = s.get(Role, role_id)
            if role is None:
                raise NotFound()
            before = dict(name_zh=role.name_zh, name_en=role.name_en, color=role.color)
            after = dict(before)
            if name_zh is not None:
                after["name_zh"] = validate.text(name_zh, "name", 100)
            if name_en is not None:
                after["name_en"] = validate.text(name_en, "name", 100)
            if color is not None:
                after["color"] = color
            s.execute(update(Role).where(Role.id == role_id).values(**after))
            cid = self.log(s, actor, "role", role_id, "update", before=before, after=after)
        return Changes(people=True, ids=frozenset({role_id}), change_id=cid)

    @staticmethod
    def _role_id(s, role: int | str) -> int:
        if isinstance(role, int):
            found = s.scalar(select(Role.id).where(Role.id == role))
        else:
            found = s.scalar(select(Role.id).where(Role.key == role))
        if found is None:
            raise ValidationError(NO_SUCH_ROLE, field="role", role=role)
        return int(found)
