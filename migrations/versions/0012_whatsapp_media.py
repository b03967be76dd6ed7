"""WhatsApp media ids, sent message ids on the outbox, a notification on every queued message

Revision ID: 0012_whatsapp_media
Revises: 0011_reply_delivery
Create Date: 2026-12-02 18:00:00.000000

``whatsapp_media`` remembers the Graph API media id of each uploaded file (by its content's
SHA-256) so a photo sent again within the id's 30 days is not uploaded again.
``outbox_message.external_id`` is the id the channel gave the sent message (WhatsApp's
``wamid``), which its delivery status webhooks name. On PostgreSQL a trigger notifies the
``outbox_message`` channel whenever a message becomes pending, so every process delivers it
at once (LISTEN/NOTIFY is delivered at commit).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.db

revision: str = "0012_whatsapp_media"
down_revision: str | None = "0011_reply_delivery"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION outbox_message_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('outbox_message', NEW.channel);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
NOTIFY_TRIGGER = """
CREATE TRIGGER outbox_message_notify
AFTER INSERT OR UPDATE OF status ON outbox_message
FOR EACH ROW WHEN (NEW.status = 'pending')
EXECUTE FUNCTION outbox_message_notify()
"""


def upgrade() -> None:
    op.create_table(
        "whatsapp_media",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("media_id", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", models.db.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_whatsapp_media")),
    )
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(length=128), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_outbox_message_external_id"), ["external_id"], unique=False
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NOTIFY_FUNCTION)
        op.execute(NOTIFY_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS outbox_message_notify ON outbox_message")
        op.execute("DROP FUNCTION IF EXISTS outbox_message_notify()")
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_message_external_id"))
        batch_op.drop_column("external_id")
    op.drop_table("whatsapp_media")
