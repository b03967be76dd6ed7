"""On WhatsApp, a mentor hears of a decision on their vendor's product, taken by a reviewer who
works on WhatsApp too."""

from __future__ import annotations

from models.entities import MentorAssignment, RoleGrant
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock
from tests.whatsapp.chat import WhatsAppServer


async def test_mentor_hears_of_a_product_decision_on_whatsapp(
    whatsapp: WhatsAppServer, clock: FakeClock
) -> None:
    sri = whatsapp.user("ID.5501", "6281255010000")
    budi = whatsapp.user("ID.5502", "6281255020000")
    await sri.say("halo")
    await budi.say("halo")
    async with whatsapp.services.uow_factory() as uow:
        data = CatalogData(uow, clock)
        vendor = await data.vendor("v-5503", "Keripik Apel Bu Siti")
        await data.approved(vendor)
        product = await data.product(vendor, "Keripik Apel Original")
        data.submit(product)
        for person, role in ((sri, "mentor"), (budi, "reviewer")):
            account = await uow.users.by_identity("whatsapp", person.bsuid)
            assert account is not None
            uow.session.add(RoleGrant(user_id=account.id, role=role, granted_at=clock()))
            if role == "mentor":
                uow.session.add(
                    MentorAssignment(
                        vendor_id=vendor.id,
                        mentor_user_id=account.id,
                        how="manual",
                        assigned_at=clock(),
                    )
                )
        await uow.commit()

    await budi.say("/antrian")
    await budi.press("Keripik Apel Original")
    await budi.press("Setujui")
    await budi.press("Ya, setujui")
    await whatsapp.settled()
    assert 'Produk "Keripik Apel Original" dari Keripik Apel Bu Siti sudah disetujui' in (
        sri.last.text
    )
