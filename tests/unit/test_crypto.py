"""Encryption with key rotation, the blind index, and masking of identity numbers."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from bot.settings import Settings
from models.crypto import Keyring, KeysMissing, UndecryptableValue
from models.services.disclosure import mask_number
from tests.support.keys import (
    NEXT_ENCRYPTION_KEY,
    TEST_BLIND_INDEX_KEY,
    TEST_ENCRYPTION_KEY,
    keyring_with,
)

NIK = "3579014101850001"


def test_a_number_is_encrypted_differently_each_time_and_read_back() -> None:
    keyring = keyring_with()
    first, second = keyring.encrypt(NIK), keyring.encrypt(NIK)
    assert first != second
    assert NIK not in first and "0001" not in first
    assert keyring.decrypt(first) == keyring.decrypt(second) == NIK


def test_after_rotation_the_first_key_encrypts_and_old_values_still_read() -> None:
    old = keyring_with(TEST_ENCRYPTION_KEY).encrypt(NIK)
    rotated = keyring_with(NEXT_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY)
    assert rotated.decrypt(old) == NIK
    new = rotated.encrypt(NIK)
    assert keyring_with(NEXT_ENCRYPTION_KEY).decrypt(new) == NIK
    with pytest.raises(UndecryptableValue):
        keyring_with(NEXT_ENCRYPTION_KEY).decrypt(old)
    with pytest.raises(UndecryptableValue):
        keyring_with(TEST_ENCRYPTION_KEY).decrypt(new)


def test_the_blind_index_is_keyed_normalised_and_separate_per_field() -> None:
    keyring = keyring_with()
    index = keyring.blind_index("nik", NIK)
    assert index == keyring.blind_index("nik", "3579 0141-0185.0001")
    assert index == keyring_with(NEXT_ENCRYPTION_KEY).blind_index("nik", NIK)
    assert index != keyring.blind_index("npwp", NIK)
    assert index != keyring.blind_index("nik", "3579014101850002")
    other_key = Keyring.parse(TEST_ENCRYPTION_KEY, NEXT_ENCRYPTION_KEY)
    assert index != other_key.blind_index("nik", NIK)
    assert len(index) == 64 and NIK not in index


@pytest.mark.parametrize(
    ("encryption", "index", "problem"),
    [
        (None, TEST_BLIND_INDEX_KEY, "DATA_ENCRYPTION_KEYS is not set"),
        (" , ", TEST_BLIND_INDEX_KEY, "DATA_ENCRYPTION_KEYS is not set"),
        (TEST_ENCRYPTION_KEY, None, "BLIND_INDEX_KEY is not set"),
        ("not a key", TEST_BLIND_INDEX_KEY, "key 1 of DATA_ENCRYPTION_KEYS"),
        (f"{TEST_ENCRYPTION_KEY},c2hvcnQ=", TEST_BLIND_INDEX_KEY, "key 2 of DATA_ENCRYPTION_KEYS"),
        (TEST_ENCRYPTION_KEY, "c2hvcnQ=", "at least 32 random bytes"),
        (TEST_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY, "must differ"),
    ],
)
def test_missing_or_unusable_keys_are_refused_with_a_clear_message(
    encryption: str | None, index: str | None, problem: str
) -> None:
    with pytest.raises(KeysMissing, match=problem) as refused:
        Keyring.parse(encryption, index)
    assert TEST_ENCRYPTION_KEY not in str(refused.value)


def test_settings_without_keys_have_no_keyring() -> None:
    settings = Settings(_env_file=None)
    with pytest.raises(KeysMissing, match="DATA_ENCRYPTION_KEYS is not set"):
        settings.keyring()
    configured = settings.model_copy(
        update={
            "data_encryption_keys": SecretStr(f"{NEXT_ENCRYPTION_KEY}, {TEST_ENCRYPTION_KEY}"),
            "blind_index_key": SecretStr(TEST_BLIND_INDEX_KEY),
        }
    )
    old = keyring_with().encrypt(NIK)
    assert configured.keyring().decrypt(old) == NIK


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("3579014101850001", "3579 01•• •••• 0001"),
        ("0012345678901000", "0012 34•• •••• 1000"),
        ("123456789", "•••• •678 9"),
        ("1234", "••••"),
    ],
)
def test_masking_keeps_the_region_code_and_the_last_four_digits(number: str, masked: str) -> None:
    assert mask_number(number) == masked
