"""Retention of abandoned drafts (``DRAFT_RETENTION_DAYS``): the service rule, the daily job in
the Telegram application and the ``umkm-bot purge-drafts`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Select, select

from bot.cli import main, parser
from bot.maintenance_rights import draft_purge, purge_drafts_command
from bot.settings import Settings
from bot.wiring import build_services
from models.entities import Consent, Conversation, Product, ProductPhoto, Vendor
from models.services.registration import PRIVACY_NOTICE_VERSION
from models.uow import UnitOfWork
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"draft_retention_days": 180})


async def touch(uow: UnitOfWork, clock: FakeClock, vendor: Vendor) -> None:
    """The owner writes to the bot now."""
    user = await uow.users.get(vendor.user_id)
    assert user is not None
    user.last_seen_at = clock()


def photo_files(media: Path, *products: Product) -> list[Path]:
    """Creates the stored copies the photo rows point to."""
    files = []
    for product in products:
        for photo in product.photos:
            target = media / photo.stored_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"jpeg")
            files.append(target)
    return files


async def scenario(settings: Settings, clock: FakeClock) -> dict[str, list[Path]]:
    """Six owners, 181 days after most of them last wrote; returns their photo files."""
    media = Path(settings.media_dir)
    services = build_services(settings, clock)
    async with services.uow_factory() as uow:
        data = CatalogData(uow, clock)
        abandoned = await data.vendor("abandoned", "Keripik Lama", step="kbli")
        uow.session.add(
            Consent(
                user_id=abandoned.user_id,
                notice_version=PRIVACY_NOTICE_VERSION,
                channel="telegram",
                given_at=clock(),
            )
        )
        abandoned_product = await data.product(abandoned, "lama", photos=(1,))
        sent = await data.vendor("sent", "Batik Budi", step=None)
        data.submit(sent)
        listed = await data.product(sent, "listed", photos=(1,))
        data.submit(listed)
        stale = await data.product(sent, "stale", photos=(1, 2))
        stale.photos[0].stored_path = listed.photos[0].stored_path  # a duplicated product
        fresh = await data.vendor("fresh", "Dodol Baru")
        away_but_edited = await data.vendor("away", "Proxy Draft")
        back_recently = await data.vendor("back", "Sari Apel")
        files = {
            "abandoned": photo_files(media, abandoned_product),
            "listed": photo_files(media, listed),
            "stale": photo_files(media, stale)[1:],
        }
        await uow.commit()

        clock.advance(days=181)
        fresh.updated_at = away_but_edited.updated_at = clock()  # a mentor edited it
        await touch(uow, clock, fresh)
        await touch(uow, clock, back_recently)
        await uow.commit()
    await services.close()
    return files


VENDORS = select(Vendor.business_name).order_by(Vendor.id)
PRODUCTS = select(Product.name).order_by(Product.id)


async def names(settings: Settings, query: Select[str | None]) -> list[str | None]:
    services = build_services(settings)
    async with services.uow_factory() as uow:
        found = list((await uow.session.execute(query)).scalars())
    await services.close()
    return found


async def test_abandoned_drafts_go_with_their_photos(settings: Settings, clock: FakeClock) -> None:
    files = await scenario(settings, clock)
    services = build_services(settings, clock)

    result = await draft_purge(settings, services.uow_factory, clock).run()

    assert (result.registrations, result.products) == (1, 2)
    kept = ["Batik Budi", "Dodol Baru", "Proxy Draft", "Sari Apel"]
    assert await names(settings, VENDORS) == kept
    assert await names(settings, PRODUCTS) == ["listed"]
    assert not any(path.exists() for path in files["abandoned"] + files["stale"])
    assert all(path.exists() for path in files["listed"])  # shared with the stale duplicate
    assert not (Path(settings.media_dir) / "products" / "lama").exists()
    async with services.uow_factory() as uow:
        owner = await uow.users.by_identity("telegram", "abandoned")
        assert owner is not None  # the person stays, with the proof of their consent
        assert (await uow.session.execute(select(Consent))).scalar_one().user_id == owner.id
        conversation = await uow.session.get(Conversation, owner.id)
        assert conversation is not None and (conversation.flow, conversation.data) == (None, {})
        assert list((await uow.session.execute(select(ProductPhoto.stored_path))).scalars())
    await services.close()

    again = await draft_purge(settings, services.uow_factory, clock).run()
    assert (again.registrations, again.products, again.files) == (0, 0, [])


async def test_the_telegram_application_purges_once_a_day(
    settings: Settings, clock: FakeClock
) -> None:
    await scenario(settings, clock)
    bot = await TelegramBot(settings, clock).start()
    try:
        job_queue = bot.application.job_queue
        assert job_queue is not None
        (job,) = job_queue.get_jobs_by_name("purge-drafts")
        assert job.callback == bot.channel.purge_drafts

        await bot.channel.purge_drafts(None)  # type: ignore[arg-type]  # the job's context

        assert "Keripik Lama" not in await names(settings, VENDORS)
    finally:
        await bot.stop()


async def test_purge_drafts_command(settings: Settings, clock: FakeClock) -> None:
    await scenario(settings, clock)
    assert parser().parse_args(["purge-drafts"]).command == "purge-drafts"

    result = await purge_drafts_command(settings.model_copy(update={"draft_retention_days": 365}))

    assert (result.registrations, result.products) == (0, 0)  # nothing is a year old yet
    assert len(await names(settings, VENDORS)) == 5


def test_purge_drafts_from_the_command_line(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert settings.data_encryption_keys is not None and settings.blind_index_key is not None
    for name, value in {
        "DATABASE_URL": settings.database_url,
        "MEDIA_DIR": str(settings.media_dir),
        "DRAFT_RETENTION_DAYS": "30",
        "DATA_ENCRYPTION_KEYS": settings.data_encryption_keys.get_secret_value(),
        "BLIND_INDEX_KEY": settings.blind_index_key.get_secret_value(),
    }.items():
        monkeypatch.setenv(name, value)
    with caplog.at_level("INFO", logger="bot"):
        main(["purge-drafts"])
    assert "purged 0 registrations, 0 products" in caplog.text
