"""Stored copies of uploaded images: decoded, checked, cleaned and written to the media folder.

Every image is fully decoded and encoded again as JPEG, which drops metadata (EXIF, often with
the phone's GPS position) and anything that is not really a picture.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from models.errors import InvalidInput

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
MAX_PIXELS = 40_000_000
MAX_SIDE = 2048
JPEG_QUALITY = 85


@dataclass(frozen=True, slots=True)
class StoredImage:
    path: str
    """Relative to the media folder."""
    size: int
    width: int
    height: int
    mime_type: str = "image/jpeg"


class MediaStore:
    """Writes cleaned images below one folder (the ``MEDIA_DIR`` setting)."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def check_size(self, size: int | None) -> None:
        """Refuses a file the channel says is too large, before downloading it."""
        if size is not None and size > self.max_bytes:
            raise InvalidInput("error-photo-too-large", max_mb=self.max_bytes // 1_000_000)

    def save_image(self, data: bytes, folder: str) -> StoredImage:
        self.check_size(len(data))
        cleaned, width, height = clean_image(data)
        relative = Path(folder) / f"{uuid.uuid4().hex}.jpg"
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".part")
        temporary.write_bytes(cleaned)
        os.replace(temporary, target)
        return StoredImage(relative.as_posix(), len(cleaned), width, height)

    def remove(self, paths: Iterable[str]) -> None:
        """Deletes stored files (relative paths) and the folders they leave empty; a file
        already gone is fine, and nothing outside the media folder is ever touched."""
        root = self.root.resolve()
        for path in paths:
            target = (root / path).resolve()
            if root not in target.parents:
                continue
            target.unlink(missing_ok=True)
            for folder in target.parents:
                if folder == root or not folder.is_dir() or any(folder.iterdir()):
                    break
                folder.rmdir()


def clean_image(data: bytes) -> tuple[bytes, int, int]:
    """Decodes ``data`` as a photo and encodes it again as a JPEG of bounded size."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise InvalidInput("error-photo-type")
            if probe.width * probe.height > MAX_PIXELS:
                raise InvalidInput("error-photo-too-large-pixels")
            probe.load()
            image = probe.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise InvalidInput("error-photo-type") from error
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return output.getvalue(), image.width, image.height
