"""Password hashes (argon2id). No SQLAlchemy: the first screen signs in before it loads."""

from __future__ import annotations

import threading
from concurrent.futures import Future


def hash_password(password: str, salt: bytes | None = None) -> str:
    """argon2id hash; a fixed ``salt`` is only for reproducible sample files."""
    from argon2 import PasswordHasher
    from argon2.low_level import Type, hash_secret

    hasher = PasswordHasher()
    if salt is None:
        return hasher.hash(password)
    return hash_secret(password.encode(), salt, hasher.time_cost, hasher.memory_cost,
                       hasher.parallelism, hasher.hash_len, Type.ID).decode()


_TYPES = {"$argon2id$": "Argon2_id", "$argon2i$": "Argon2_i", "$argon2d$": "Argon2_d"}


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``: ``argon2.PasswordHasher().verify``'s
    answer (a wrong password, a damaged or foreign hash: False), asked of argon2-cffi's own
    C bindings directly, as its ``low_level.verify_secret`` does. Importing the ``argon2``
    package costs ~20 ms of the interpreter's time (its profiles, platform probing), and a
    manager's sign-in runs while the first window is made (#17)."""
    try:
        from _argon2_cffi_bindings import ffi, lib
    except ImportError:  # (argon2-cffi without its usual bindings: the package's own way)
        return _verify_with_hasher(password_hash, password)
    kind = next((getattr(lib, name) for prefix, name in _TYPES.items()
                 if password_hash.startswith(prefix)), None)
    if kind is None:
        return False  # (PasswordHasher: InvalidHashError)
    try:
        encoded = password_hash.encode("ascii")
    except UnicodeEncodeError:
        return False
    secret = password.encode("utf-8")
    return lib.argon2_verify(ffi.new("char[]", encoded), ffi.new("uint8_t[]", secret),
                             len(secret), kind) == lib.ARGON2_OK


def _verify_with_hasher(password_hash: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def begin_verify(password_hash: str, password: str) -> Future[bool]:
    """``verify_password`` on a thread of its own, its answer from the future: argon2 takes
    a fifth of a second of the machine's cores without the interpreter lock, so the caller
    reads meanwhile (the first screen's sign-in, #17)."""
    checked: Future[bool] = Future()

    def check() -> None:
        try:
            checked.set_result(verify_password(password_hash, password))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever asks the future
            checked.set_exception(exc)
    threading.Thread(target=check, name="opsdesk-password", daemon=True).start()
    return checked
