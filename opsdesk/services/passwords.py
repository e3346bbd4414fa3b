"""Password hashes (argon2id). No SQLAlchemy: the first screen signs in before it loads."""

from __future__ import annotations


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
