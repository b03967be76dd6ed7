"""Keys for tests only: the suite never reads a developer's `.env` or environment keys."""

from __future__ import annotations

from models.crypto import Keyring

TEST_ENCRYPTION_KEY = "5FIJMX4quiMI9JiurJbRdqF_unOHKtJjqls36vpUCPU="
TEST_BLIND_INDEX_KEY = "78N2uNUaYaUeRB-tMFhvOLmOJ3hmU8rusQg7kNPAsmQ="
NEXT_ENCRYPTION_KEY = "ltwMOG7_pFeOq8E2SmWPc5T7AZasJRg8OMP4mluGDBQ="
NEXT_BLIND_INDEX_KEY = "xz74y2njG5SxPtHDBIm0rQTg0RXUc6Z7Jvcl7cBm6HU="
"""The keys a rotation test moves to."""


def keyring_with(*encryption_keys: str) -> Keyring:
    """A keyring of these encryption keys (the test key by default) and the test index key."""
    return Keyring.parse(",".join(encryption_keys or (TEST_ENCRYPTION_KEY,)), TEST_BLIND_INDEX_KEY)
