"""People and roles: sign-in, and (for managers) adding, editing and deactivating."""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, AuthError, NotFound, ValidationError
from opsdesk.model import Role, User, user_roles
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes

UNKNOWN_LOGIN = QT_TRANSLATE_NOOP("Errors", "There is no active person with the login “{login}”.")
WRONG_PASSWORD = QT_TRANSLATE_NOOP("Errors", "The password for {login} is not correct.")
PASSWORD_NEEDED = QT_TRANSLATE_NOOP("Errors", "{login} signs in with a password.")
LOGIN_TAKEN = QT_TRANSLATE_NOOP("Errors", "The login “{login}” is already taken.")
ROLE_TAKEN = QT_TRANSLATE_NOOP("Errors", "There is already a role “{role}”.")
NO_SUCH_ROLE = QT_TRANSLATE_NOOP("Errors", "There is no role “{role}”.")
TOO_MANY_TRIES = QT_TRANSLATE_NOOP(
    "Errors", "Too many wrong passwords for {login}; try again in {seconds} s.")
# Sign-in backoff: after FREE_TRIES wrong passwords each further one doubles the wait.
FREE_TRIES = 3
MAX_WAIT_S = 300
security_log = logging.getLogger("opsdesk.security")
_failures: dict[tuple[str, str], tuple[int, float]] = {}  # (db, login) → (count, until)
_monotonic = time.monotonic


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


def hash_password(password: str, salt: bytes | None = None) -> str:
    """argon2id hash; a fixed ``salt`` is only for reproducible sample files."""
    from argon2 import PasswordHasher
    from argon2.low_level import Type, hash_secret

    hasher = PasswordHasher()
    if salt is None:
        return hasher.hash(password)
    return hash_secret(password.encode(), salt, hasher.time_cost, hasher.memory_cost,
                       hasher.parallelism, hasher.hash_len, Type.ID).decode()


def verify_password(password_hash: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


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
            user = s.get(User, user_id)
            if user is None or not user.active:
                raise NotFound()
            extra = s.scalars(select(user_roles.c.role_id)
                              .where(user_roles.c.user_id == user_id)).all()
        return Actor(user.id, user.login, user.name, user.is_manager,
                     frozenset({user.role_id, *extra}))

    def needs_password(self, login: str) -> bool:
        return self._user_by_login(login).password_hash is not None

    def _user_by_login(self, login: str) -> User:
        with self.store.read() as s:
            user = s.scalars(select(User).where(func.lower(User.login) == login.strip().lower(),
                                                User.active.is_(True))).first()
        if user is None:
            raise AuthError(UNKNOWN_LOGIN, login=login)
        return user

    def authenticate(self, login: str, password: str | None = None) -> Actor:
        """Sign in; a password is checked only where one is set."""
        user = self._user_by_login(login)
        if user.password_hash is not None:
            if not password:
                raise AuthError(PASSWORD_NEEDED, login=user.login)
            key = (self.store.url, user.login.lower())
            count, until = _failures.get(key, (0, 0.0))
            if until > _monotonic():
                _log_security("sign-in for %s refused: waiting after %d wrong passwords",
                                     user.login, count)
                raise AuthError(TOO_MANY_TRIES, login=user.login,
                                seconds=math.ceil(until - _monotonic()))
            if not verify_password(user.password_hash, password):
                count += 1
                _failures[key] = (count, _monotonic() + backoff_seconds(count))
                _log_security("wrong password for %s (%d in a row)", user.login, count)
                raise AuthError(WRONG_PASSWORD, login=user.login)
            _failures.pop(key, None)
        return self.actor_for(user.id)

    # ---- writing (manager only)

    def create_role(self, actor: Actor, key: str, name_zh: str, name_en: str,
                    color: str = "#607d8b") -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        values = dict(key=validate.text(key, "name", 64), name_zh=validate.text(name_zh, "name", 100),
                      name_en=validate.text(name_en, "name", 100), color=color)
        with self.store.write() as s:
            if s.scalar(select(Role.id).where(Role.key == values["key"])) is not None:
                raise ValidationError(ROLE_TAKEN, field="name", role=values["key"])
            role_id = s.execute(insert(Role).values(**values)).inserted_primary_key[0]
            cid = self.log(s, actor, "role", role_id, "create", after=values)
        return Changes(people=True, ids=frozenset({role_id}), change_id=cid)

    def create_user(self, actor: Actor, name: str, login: str, role: int | str,
                    is_manager: bool = False, password: str | None = None,
                    extra_roles: tuple[int, ...] = (), _salt: bytes | None = None) -> Changes:
        permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        name = validate.text(name, "name", 100)
        login = validate.text(login, "login", 64)
        with self.store.write() as s:
            role_id = self._role_id(s, role)
            if s.scalar(select(User.id).where(func.lower(User.login) == login.lower())):
                raise ValidationError(LOGIN_TAKEN, field="login", login=login)
            values = dict(name=name, login=login, role_id=role_id, is_manager=is_manager,
                          password_hash=hash_password(password, _salt) if password else None,
                          active=True)
            user_id = s.execute(insert(User).values(**values)).inserted_primary_key[0]
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
            if active is not None:
                after["active"] = active
            if before["is_manager"] and before["active"] and not (
                    after["is_manager"] and after["active"]):
                others = s.scalar(select(func.count()).select_from(User).where(
                    User.is_manager.is_(True), User.active.is_(True), User.id != user_id))
                if not others:
                    raise ValidationError(LAST_MANAGER, field="is_manager", name=user.name)
            s.execute(update(User).where(User.id == user_id).values(**after))
            changed = [k for k in after if after[k] != before[k]]  # the log names only these
            cid = self.log(s, actor, "user", user_id, "update",
                           before={k: before[k] for k in changed},
                           after={k: after[k] for k in changed})
        return Changes(people=True, ids=frozenset({user_id}), change_id=cid)

    def set_password(self, actor: Actor, user_id: int, password: str | None) -> Changes:
        """Set (or with ``None`` clear) a password: a manager for anyone, a person for themself."""
        if actor.user_id != user_id:
            permissions.require_manager(actor, permissions.MANAGE_PEOPLE)
        hashed = hash_password(password) if password else None
        with self.store.write() as s:
            if s.get(User, user_id) is None:
                raise NotFound()
            s.execute(update(User).where(User.id == user_id).values(password_hash=hashed))
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
