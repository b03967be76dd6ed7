"""SQLAlchemy models: the rows the bot keeps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Computed,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from models.crypto import EncryptedString, blind_index
from models.db import Base, UtcDateTime, utcnow
from models.status import Status


class User(Base):
    """A person talking to the bot, on whichever channels they use."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    language: Mapped[str] = mapped_column(String(8), default="id")
    display_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    """Kept for bureau staff and mentors only, so colleagues see who decided what."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    identities: Mapped[list[ChannelIdentity]] = relationship(back_populates="user")


class ChannelIdentity(Base):
    """The user's id on one channel (a Telegram user id, a WhatsApp number, a console name)."""

    __tablename__ = "channel_identity"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    """Notifications go to the channel the user used last."""
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    """The account's own number, only as the channel verified it (never a typed number)."""
    phone_verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    user: Mapped[User] = relationship(back_populates="identities")


class Consent(Base):
    """Proof of consent to the privacy notice (UU No. 27 Tahun 2022): when, which version, where."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    notice_version: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    typed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Whether the user typed their agreement ("setuju") rather than pressing the button."""
    given_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


FINAL_CONFIRMATION = "final"
"""Key in a conversation's data of the confirmation that ended its flow (which one, at which
turn), to send it again should it never arrive."""


class Conversation(Base):
    """Where a user is in a flow, kept in the database so a restart loses nothing.

    ``offered`` holds the choice ids of the buttons last sent, in token order; ``turn`` changes
    with every prompt so that buttons of older messages are recognised as stale.
    """

    __tablename__ = "conversation"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    flow: Mapped[str | None] = mapped_column(String(32), nullable=True)
    step: Mapped[str | None] = mapped_column(String(32), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    turn: Mapped[int] = mapped_column(Integer, default=0)
    offered: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    contact_keyboard: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """The channel of the last update: a message from another channel is a return, not an
    answer to a question asked elsewhere."""
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    flood_window_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    """Start of the user's current flood-control window (see ``handlers/flood.py``)."""
    flood_count: Mapped[int] = mapped_column(Integer, default=0)
    """Updates counted in that window; kept here so every process counts the same updates."""
    delivered_turn: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The last ``turn`` whose replies the channel confirmed as delivered; below ``turn``, the
    pending question may not have reached the user (see ``handlers/recovery.py``)."""
    last_answer: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """A digest of the last answer given, to recognise it when sent again."""


SEARCH_NAME = "lower(coalesce(business_name, '') || ' ' || coalesce(owner_name, ''))"


class Vendor(Base):
    """A UMKM's registration: a draft while being filled, then reviewed by the bureau."""

    __tablename__ = "vendor"
    __table_args__ = (
        Index("ix_vendor_queue", "status", "submitted_at"),
        Index("ix_vendor_nib", "nib"),
        Index("ix_vendor_phone", "phone"),
        # The statistics (models/services/stats.py) read the drafts' users from this alone, in
        # user order, for where unfinished registrations stop; their counts come from
        # VendorTally.
        Index("ix_vendor_status_user", "status", "user_id"),
        # The review queue of one unit (kabupaten/kota) of a provincial deployment.
        Index("ix_vendor_unit_queue", "regency_code", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT.value)
    owner_name: Mapped[str | None] = mapped_column(String(100))
    nik: Mapped[str | None] = mapped_column(EncryptedString)
    """Encrypted at rest (models/crypto.py); found and compared through ``nik_hash``."""
    nik_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    """Blind index of the NIK, kept in step by :meth:`_index_number`."""
    phone: Mapped[str | None] = mapped_column(String(20))
    business_name: Mapped[str | None] = mapped_column(String(100))
    search_name: Mapped[str] = mapped_column(Text, Computed(SEARCH_NAME), deferred=True)
    """Business and owner name in lower case, computed by the database, for the name search
    (models/services/search.py): stored on PostgreSQL, computed when read on SQLite."""
    nib: Mapped[str | None] = mapped_column(String(13))
    no_nib: Mapped[bool] = mapped_column(Boolean, default=False)
    kbli: Mapped[list[str]] = mapped_column(JSON, default=list)
    npwp: Mapped[str | None] = mapped_column(EncryptedString)
    npwp_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    npwp_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    scale: Mapped[str | None] = mapped_column(String(16))
    scale_basis: Mapped[str | None] = mapped_column(String(16))
    scale_amount: Mapped[int | None] = mapped_column(BigInteger)
    etalase_code: Mapped[str | None] = mapped_column(String(64))
    regency_code: Mapped[str | None] = mapped_column(String(16))
    """The kabupaten/kota (Kemendagri code, "35.79"): the bureau unit that reviews the vendor."""
    kecamatan_code: Mapped[str | None] = mapped_column(String(32))
    kelurahan_code: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    email_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    reminders_off: Mapped[bool] = mapped_column(Boolean, default=False)
    fix_pending: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    """Fields a reviewer asked to fix that the vendor has not changed yet."""
    """The vendor asked not to be reminded of an unfinished registration."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    @validates("nik", "npwp")
    def _index_number(self, key: str, value: str | None) -> str | None:
        """Every time a number is set, its blind index is set beside it."""
        setattr(self, f"{key}_hash", blind_index(key, value))
        return value


class Product(Base):
    """A product or service a vendor offers to the catalogue: a draft, then reviewed."""

    __tablename__ = "product"
    __table_args__ = (
        Index("ix_product_queue", "status", "submitted_at"),
        # The review's median price of an etalase (models/services/review.py).
        Index("ix_product_etalase_status", "etalase_code", "status"),
        # The review queue of one unit (kabupaten/kota) of a provincial deployment.
        Index("ix_product_unit_queue", "regency_code", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    regency_code: Mapped[str | None] = mapped_column(String(16))
    """The vendor's kabupaten/kota, kept beside each product so a unit's queue and figures read
    the product indexes alone."""
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT.value, index=True)
    name: Mapped[str | None] = mapped_column(String(120))
    etalase_code: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    brand: Mapped[str | None] = mapped_column(String(60))
    brand_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    fix_pending: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    """Fields a reviewer asked to fix that the vendor has not changed yet."""
    unit: Mapped[str | None] = mapped_column(String(20))
    price: Mapped[int | None] = mapped_column(BigInteger)
    """Whole rupiah per unit; money is never a float."""
    min_order: Mapped[int | None] = mapped_column(Integer)
    capacity: Mapped[int | None] = mapped_column(Integer)
    """Units a month the vendor can supply (production capacity or stock)."""
    domestic: Mapped[bool | None] = mapped_column(Boolean)
    tkdn_bp: Mapped[int | None] = mapped_column(Integer)
    """TKDN (local content) in basis points: 4050 is 40.50 %. A claim the reviewer checks."""
    tkdn_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    sni_number: Mapped[str | None] = mapped_column(String(60))
    sni_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    kbki_code: Mapped[str | None] = mapped_column(String(10))
    kbki_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    lead_time_skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    photos: Mapped[list[ProductPhoto]] = relationship(
        back_populates="product",
        order_by="ProductPhoto.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class ProductPhoto(Base):
    """A product photo: the channel's file reference and our own stored copy."""

    __tablename__ = "product_photo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16))
    file_ref: Mapped[str] = mapped_column(String(255))
    stored_path: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    product: Mapped[Product] = relationship(back_populates="photos")


DECIDED = "from_status = 'submitted' AND to_status IN ('approved', 'needs_fix', 'rejected')"
"""A status change that is a decision on a submission."""


class StatusChange(Base):
    """History of every status change of a reviewed item, with who made it and why."""

    __tablename__ = "status_change"
    __table_args__ = (
        # The latest decisions, of all units or of one, newest first, for the median review
        # time.
        Index(
            "ix_status_change_decisions",
            "subject_type",
            "id",
            postgresql_where=text(DECIDED),
            sqlite_where=text(DECIDED),
        ),
        Index(
            "ix_status_change_unit_decisions",
            "subject_type",
            "regency_code",
            "id",
            postgresql_where=text(DECIDED),
            sqlite_where=text(DECIDED),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(Integer, index=True)
    regency_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """The kabupaten/kota (unit) of the item when its status changed."""
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """A common reason picked from a list (its locale key suffix), beside or instead of a note."""
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    """For a request for fixes: the fields the vendor must change."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class RoleGrant(Base):
    """A role given to a user; revoking keeps the row, so the history of role changes stays."""

    __tablename__ = "role_grant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """The unit the role is for: a kabupaten/kota ("35.73") or a province ("35"); None is the
    whole deployment (every role given before units existed)."""
    granted_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    granted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    revoked_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class RoleInvitation(Base):
    """A single-use invitation to a role of a unit, opened by link on Telegram or WhatsApp.

    Only a hash of its code is stored, so the database cannot be used to take a role.
    """

    __tablename__ = "role_invitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """As on :class:`RoleGrant`: None is the whole deployment."""
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class OutboxMessage(Base):
    """A message to a user other than the sender (a review outcome, a reminder), written in the
    same transaction as what caused it and delivered after the commit, so none is lost."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    available_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    """While ``pending``: not before this time (a retry's backoff, Telegram's ``retry_after``);
    while ``sending``: when the claim's lease runs out (see ``bot/outbox.py``). None: at once."""
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcast.id", ondelete="CASCADE"), nullable=True, index=True
    )
    external_id: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    """The id the channel gave the sent message (WhatsApp's ``wamid``), which its delivery
    status webhooks name."""


class WhatsAppMedia(Base):
    """A file uploaded to the WhatsApp Cloud API, by its content's SHA-256: its media id is
    reused until it nears the end of its 30 days."""

    __tablename__ = "whatsapp_media"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_id: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ProcessedUpdate(Base):
    """Ids of incoming updates already applied, so a redelivered update is applied once."""

    __tablename__ = "processed_update"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    update_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class UpdateArrival(Base):
    """An update received and not yet applied. With several processes, an update waits until
    the updates of its chat that arrived before it, at any process, have been applied."""

    __tablename__ = "update_arrival"
    __table_args__ = (Index("ix_update_arrival_chat", "channel", "chat", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat: Mapped[str] = mapped_column(String(64))
    arrived_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class MentorArea(Base):
    """A kecamatan a mentor covers: new vendors there are assigned to them."""

    __tablename__ = "mentor_area"
    __table_args__ = (UniqueConstraint("mentor_user_id", "kecamatan_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), index=True
    )
    kecamatan_code: Mapped[str] = mapped_column(String(32), index=True)


class MentorAssignment(Base):
    """Which mentor accompanies a vendor, and how they were assigned."""

    __tablename__ = "mentor_assignment"

    vendor_id: Mapped[int] = mapped_column(
        ForeignKey("vendor.id", ondelete="CASCADE"), primary_key=True
    )
    mentor_user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), index=True
    )
    how: Mapped[str] = mapped_column(String(16))
    """"area" (by kecamatan), "manual" (by staff) or "proxy" (the mentor registered them)."""
    assigned_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    assigned_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ClaimToken(Base):
    """A single-use link that hands a draft filled in by a mentor to its vendor.

    Only a hash of the token is stored, so the database cannot be used to claim a draft.
    """

    __tablename__ = "claim_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ReminderLog(Base):
    """A reminder or digest sent, claimed under a unique key so a restart never sends it twice."""

    __tablename__ = "reminder_log"
    __table_args__ = (UniqueConstraint("user_id", "kind", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    """"digest" (to a mentor) or "reminder" (to a vendor)."""
    period: Mapped[str] = mapped_column(String(16))
    """The day (digest) or the N-day period (reminder) it belongs to."""
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Broadcast(Base):
    """A message a superadmin sent to a group of vendors; one outbox message per recipient."""

    __tablename__ = "broadcast"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True, index=True
    )
    segment: Mapped[str] = mapped_column(String(64))
    """Who it went to: ``all``, ``status:<status>``, ``etalase:<code>`` or ``kecamatan:<code>``."""
    text: Mapped[str] = mapped_column(Text)
    recipients: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class DataReveal(Base):
    """Audit of a masked identity number shown in full to staff: who, when, which vendor and
    which field (``nik`` or ``npwp``)."""

    __tablename__ = "data_reveal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int | None] = mapped_column(
        ForeignKey("vendor.id", ondelete="SET NULL"), nullable=True, index=True
    )
    """None once the vendor's data was erased: the audit of the access stays, anonymous."""
    field: Mapped[str] = mapped_column(String(16))
    actor_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True
    )
    revealed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class DataRequest(Base):
    """A personal data request (access, erasure, consent withdrawal; UU No. 27 Tahun 2022), kept
    as proof it was answered within the legal deadline. After an erasure it names nobody."""

    __tablename__ = "data_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    """The legal deadline: 3×24 hours after the request was received."""
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class VendorTally(Base):
    """Changes to the count of registrations per kabupaten/kota, status and etalase, so the
    statistics read a few thousand rows instead of every registration.

    Written by database triggers on ``vendor`` (migration ``0016_status_tallies``), whatever
    changed the row: the flows, a review, an erasure, a cascade, a bulk load. Each change adds a
    row of +1/-1; the sum per key is the count. :meth:`TallyRepository.compact` folds the rows
    into one per key now and then (the sweep), so the table stays small."""

    __tablename__ = "vendor_tally"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    regency_code: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    etalase_code: Mapped[str | None] = mapped_column(String(64))
    registrations: Mapped[int] = mapped_column(Integer)
    submitted: Mapped[int] = mapped_column(Integer)
    """Of them, those ever submitted (``submitted_at`` set)."""


class VendorPlaceTally(Base):
    """Changes to the count of registrations per kabupaten/kota, status and kecamatan; kept
    like :class:`VendorTally`."""

    __tablename__ = "vendor_place_tally"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    regency_code: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    kecamatan_code: Mapped[str | None] = mapped_column(String(32))
    registrations: Mapped[int] = mapped_column(Integer)


class ProductTally(Base):
    """Changes to the count of products per kabupaten/kota, etalase and status; kept like
    :class:`VendorTally`."""

    __tablename__ = "product_tally"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    regency_code: Mapped[str | None] = mapped_column(String(16))
    etalase_code: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    products: Mapped[int] = mapped_column(Integer)
