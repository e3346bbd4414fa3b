"""``verify_password`` asks argon2-cffi's C bindings directly; its answers are
``argon2.PasswordHasher().verify``'s for every kind of hash and password."""

from __future__ import annotations

import subprocess
import sys

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret

from opsdesk.services import passwords
from opsdesk.services.passwords import hash_password, verify_password

CHEAP = {"time_cost": 1, "memory_cost": 8, "parallelism": 1, "hash_len": 16}


def _hasher_says(password_hash: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    except UnicodeEncodeError:  # (the hasher raises on a hash that is not ASCII: no match)
        return False


def _hash(password: str, kind: Type) -> str:
    return hash_secret(password.encode(), b"somesaltsomesalt", type=kind, **CHEAP).decode()


HASHES = {
    "argon2id": _hash("秘密 pass", Type.ID),
    "argon2i": _hash("秘密 pass", Type.I),
    "argon2d": _hash("秘密 pass", Type.D),
    "the app's own": hash_password("秘密 pass", salt=b"opsdesk-sample-1"),
}
BROKEN = {
    "empty": "",
    "not argon2": "pbkdf2_sha256$260000$abc$def",
    "truncated": HASHES["argon2id"][:-10],
    "damaged digest": HASHES["argon2id"][:-4] + "AAAA",
    "kind swapped": HASHES["argon2id"].replace("$argon2id$", "$argon2i$"),
    "non-ascii": HASHES["argon2id"] + "é",
    "bad parameters": HASHES["argon2id"].replace("m=8", "m=x"),
}
PASSWORDS = ["秘密 pass", "秘密 pas", "", "秘密 pass ", "a" * 200]


@pytest.mark.parametrize("name", sorted(HASHES) + sorted(BROKEN))
@pytest.mark.parametrize("password", PASSWORDS)
def test_the_same_answer_as_argon2s_password_hasher(name, password):
    password_hash = HASHES.get(name) or BROKEN[name]
    assert verify_password(password_hash, password) is _hasher_says(password_hash, password)


def test_the_right_password_passes_and_a_wrong_one_does_not():
    for password_hash in HASHES.values():
        assert verify_password(password_hash, "秘密 pass")
        assert not verify_password(password_hash, "秘密 pas")


def test_without_the_bindings_the_package_answers(monkeypatch):
    monkeypatch.setitem(sys.modules, "_argon2_cffi_bindings", None)  # (import fails)
    assert passwords.verify_password(HASHES["argon2id"], "秘密 pass")
    assert not passwords.verify_password(HASHES["argon2id"], "wrong")
    assert not passwords.verify_password("garbage", "秘密 pass")


def test_verifying_does_not_import_the_argon2_package():
    code = ("import sys; from opsdesk.services.passwords import verify_password; "
            f"assert verify_password({HASHES['argon2id']!r}, '秘密 pass'); "
            "print('argon2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
