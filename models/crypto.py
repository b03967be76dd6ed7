"""Encryption at rest of identity numbers (NIK, NPWP), and their blind index.

A number is stored as a Fernet token (AES-128-CBC with HMAC-SHA256, a fresh IV each time) made
with the first of ``DATA_ENCRYPTION_KEYS``; every listed key can still read, so keys rotate
without downtime (``umkm-bot rotate-keys`` then re-encrypts with the first). Because the tokens
are randomised, the database cannot compare them: duplicates and look-ups go through a *blind
index* beside each number, an HMAC-SHA256 of its digits under a separate ``BLIND_INDEX_KEY``.
Being keyed, the index of a copied database cannot be matched against hashes of every possible
NIK (there are few enough to try them all).

:class:`EncryptedString` works below the ORM (SQLAlchemy hands a type no session), so the
composition root installs one process-wide :class:`Keyring` with :func:`install_keyring`
before the database is used; without one, reading or writing a number fails loudly.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Sequence
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

KEY_HELP = (
    'Generate a key with: python3 -c "import base64, os; '
    'print(base64.urlsafe_b64encode(os.urandom(32)).decode())"'
    " (`python3 manage.py start` writes both keys into .env when neither is set). See README.md,"
    ' "Sensitive data".'
)
_NOT_DIGIT = re.compile(r"\D")
MIN_INDEX_KEY_BYTES = 32
FERNET_KEY_BYTES = 32


class KeysMissing(RuntimeError):
    """The encryption or blind-index keys are not configured (or not usable); ``reason`` says
    which, and the message adds how to generate a key when a new one is the fix."""

    def __init__(self, reason: str, *, generate: bool = False) -> None:
        super().__init__(f"{reason} {KEY_HELP}" if generate else reason)
        self.reason = reason
        self.generate = generate


class UndecryptableValue(RuntimeError):
    """A stored value was encrypted with a key no longer in ``DATA_ENCRYPTION_KEYS``."""


class Keyring:
    """The keys that protect identity numbers: encryption (with rotation) and blind index."""

    def __init__(self, encryption_keys: Sequence[str], index_key: bytes) -> None:
        self._fernet = MultiFernet([Fernet(key) for key in encryption_keys])
        self._index_key = index_key

    @classmethod
    def parse(cls, encryption_keys: str | None, index_key: str | None) -> Keyring:
        """Reads ``DATA_ENCRYPTION_KEYS`` (comma-separated) and ``BLIND_INDEX_KEY``."""
        keys = [key.strip() for key in (encryption_keys or "").split(",") if key.strip()]
        if not keys:
            raise KeysMissing("DATA_ENCRYPTION_KEYS is not set.", generate=True)
        if not (index_key or "").strip():
            raise KeysMissing("BLIND_INDEX_KEY is not set.", generate=True)
        index = _decode(index_key or "", "BLIND_INDEX_KEY")
        if len(index) < MIN_INDEX_KEY_BYTES:
            raise KeysMissing("BLIND_INDEX_KEY must hold at least 32 random bytes.", generate=True)
        for position, key in enumerate(keys, start=1):
            name = f"key {position} of DATA_ENCRYPTION_KEYS"
            raw = _decode(key, name)
            if len(raw) != FERNET_KEY_BYTES:
                raise KeysMissing(f"{name} is not a Fernet key (32 bytes).", generate=True)
            if hmac.compare_digest(raw, index):
                raise KeysMissing("BLIND_INDEX_KEY must differ from every encryption key.")
        return cls(keys, index)

    def encrypt(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode()
        except InvalidToken:
            raise UndecryptableValue(
                "a stored number cannot be decrypted with DATA_ENCRYPTION_KEYS: keep every old "
                "key listed until `umkm-bot rotate-keys` has run"
            ) from None

    def blind_index(self, field: str, value: str) -> str:
        """HMAC-SHA256 of the number's digits; ``field`` keeps equal NIK and NPWP apart."""
        message = f"{field}:{_NOT_DIGIT.sub('', value)}".encode()
        return hmac.new(self._index_key, message, hashlib.sha256).hexdigest()


def _decode(key: str, name: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(key.strip().encode("ascii"))
    except ValueError:  # binascii.Error and UnicodeEncodeError are ValueErrors
        raise KeysMissing(f"{name} is not url-safe base64.", generate=True) from None


class _Installed:
    """The keyring of this process, set once by the composition root."""

    keyring: Keyring | None = None


def install_keyring(keyring: Keyring) -> None:
    _Installed.keyring = keyring


def installed_keyring() -> Keyring:
    if _Installed.keyring is None:
        raise KeysMissing("no keyring installed: build the services from settings first")
    return _Installed.keyring


def blind_index(field: str, value: str | None) -> str | None:
    """The blind index of ``value`` with the installed keyring (None stays None)."""
    return None if value is None else installed_keyring().blind_index(field, value)


class EncryptedString(TypeDecorator[str]):
    """A string encrypted in the database and plain in Python.

    Comparing the column in SQL is refused: a randomised token never equals anything, so such
    a query would silently find nothing. Compare the blind index column instead.
    """

    impl = String(255)
    cache_ok = True

    class comparator_factory(TypeDecorator.Comparator[str]):
        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            if op not in (operators.is_, operators.is_not):
                raise TypeError("an encrypted column cannot be compared: use its blind index")
            return super().operate(op, *other, **kwargs)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else installed_keyring().encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else installed_keyring().decrypt(value)
