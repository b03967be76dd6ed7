"""QR codes of the links handed out in person (a draft's link, a staff invitation)."""

from __future__ import annotations

import io

import qrcode


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(text).save(buffer)
    return buffer.getvalue()
