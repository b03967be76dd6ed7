"""Every role finds its own tools: what /start, /bantuan and the chat's command menu show to a
vendor, a mentor, a reviewer, a superadmin and someone with several roles, before and after a
role is given and taken."""

from __future__ import annotations

from typing import Any

import pytest

from bot.admin_cli import grant_role_command
from bot.settings import Settings
from models.services.access import Role
from tests.support.telegram_chat import TelegramBot

ADMIN_ID = 9001
VENDOR_COMMANDS = [
    "start",
    "daftar",
    "produk",
    "status",
    "pendamping",
    "datasaya",
    "hapusdata",
    "bahasa",
    "bantuan",
    "batal",
]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"admin_telegram_ids": str(ADMIN_ID), "bureau_phone": "0341 512345 (WhatsApp)"}
    )


async def chat_menus(bot: TelegramBot, chat_id: int) -> list[dict[str, str]]:
    """The command menus set for one chat, oldest first, as {command: description}, once
    every queued message is delivered."""
    await bot.services.outbox.deliver()
    return [
        {item["command"]: item["description"] for item in call.params["commands"]}
        for call in bot.fake.calls_to("setMyCommands")
        if call.params.get("scope") == {"type": "chat", "chat_id": chat_id}
    ]


def commands_of(menu: dict[str, Any]) -> list[str]:
    return list(menu)


async def grant(bot: TelegramBot, user_id: int, role: str) -> str:
    admin = bot.user(ADMIN_ID, first_name="Admin")
    received = await admin.say(f"/peran tambah {user_id} {role}")
    return received[-1].text


async def revoke(bot: TelegramBot, user_id: int, role: str) -> str:
    admin = bot.user(ADMIN_ID, first_name="Admin")
    received = await admin.say(f"/peran cabut {user_id} {role}")
    return received[-1].text


async def test_vendor_sees_the_vendor_menu_help_and_command_menu(telegram: TelegramBot) -> None:
    default = telegram.fake.calls_to("setMyCommands")[0].params
    assert [item["command"] for item in default["commands"]] == VENDOR_COMMANDS
    siti = telegram.user(9101)
    received = await siti.say("/start")
    assert "📝 Daftar sekarang" in received[-1].labels
    assert not any("Binaan" in label for label in received[-1].labels)
    received = await siti.say("/bantuan")
    text = received[-1].text
    for command in ("/daftar", "/produk", "/status", "/pendamping", "/datasaya", "/hapusdata"):
        assert f"• {command}: " in text
    assert "/binaan" not in text and "/antrian" not in text
    assert "• Email: bpbj@batukota.go.id" in text
    assert "• Telepon/WhatsApp: 0341 512345 (WhatsApp)" in text
    assert "Tulis ke pendamping Anda dengan /pendamping" in text
    assert await chat_menus(telegram, 9101) == []  # the default menu is the vendor's


async def test_mentor_gets_their_tools_on_grant_and_loses_them_on_revoke(
    telegram: TelegramBot,
) -> None:
    sri = telegram.user(9201, first_name="Sri Wahyuni")
    await sri.say("/start")
    answer = await grant(telegram, 9201, "pendamping")
    assert answer == "✅ Peran pendamping diberikan kepada pengguna ID 9201."

    (menu,) = await chat_menus(telegram, 9201)  # the grantee's chat, set through the outbox
    assert commands_of(menu) == ["start", "binaan", "daftarkan", "bahasa", "bantuan", "batal"]
    assert menu["binaan"] == "UMKM binaan saya (yang perlu dibantu di atas)"
    assert "Anda sekarang pendamping" in sri.last.text
    assert "👥 Binaan saya" in sri.last.labels

    received = await sri.say("/start")
    assert "Selamat datang, Sri Wahyuni! 👋 Anda masuk sebagai pendamping." in received[0].text
    assert received[0].labels[:2] == ["👥 Binaan saya", "📝 Daftarkan UMKM"]
    assert "📝 Daftar sekarang" not in received[0].labels
    received = await sri.say("/bantuan")
    assert "🤝 Sebagai pendamping:" in received[-1].text
    assert "• /binaan: " in received[-1].text and "• /daftarkan: " in received[-1].text
    assert "/daftar:" not in received[-1].text

    admin = telegram.user(ADMIN_ID, first_name="Admin")
    received = await admin.say("/pendamping wilayah 9201 Bumiaji")
    assert received[0].text == (
        "✅ Pendamping Sri Wahyuni (ID 9201) sekarang mendampingi UMKM di Kecamatan Bumiaji."
    )

    answer = await revoke(telegram, 9201, "pendamping")
    assert answer == "✅ Peran pendamping dicabut dari Sri Wahyuni (ID 9201)."
    assert commands_of((await chat_menus(telegram, 9201))[-1]) == VENDOR_COMMANDS
    assert "Peran pendamping Anda sudah dicabut" in sri.last.text
    received = await sri.say("/start")
    assert "📝 Daftar sekarang" in received[-1].labels
    received = await sri.say("/bantuan")
    assert "/binaan" not in received[-1].text
    assert (await sri.say("/binaan"))[0].text == "Perintah itu tidak kami kenal."


async def test_reviewer_menu_opens_the_queue(telegram: TelegramBot) -> None:
    await grant(telegram, 9301, "verifikator")
    (menu,) = await chat_menus(telegram, 9301)
    assert commands_of(menu) == [
        "start",
        "antrian",
        "cari",
        "statistik",
        "ekspor",
        "pendamping",
        "bahasa",
        "bantuan",
        "batal",
    ]
    assert menu["pendamping"] == "Atur wilayah dan UMKM binaan pendamping"
    rina = telegram.user(9301, first_name="Rina")
    received = await rina.say("/start")
    assert "Anda masuk sebagai verifikator" in received[0].text
    received = await rina.press("Antrian verifikasi")
    assert received[-1].text.startswith("🎉 Antrian kosong.")
    received = await rina.say("/bantuan")
    assert "🔎 Sebagai verifikator:" in received[-1].text
    assert "• /antrian: Antrian verifikasi, yang terlama dulu" in received[-1].text
    assert "• /peran" not in received[-1].text


async def test_superadmin_start_sets_their_menu(telegram: TelegramBot) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    received = await admin.say("/start")
    assert "Anda masuk sebagai superadmin" in received[0].text
    assert "🛡 Petugas dan peran" in received[0].labels
    assert "📥 Antrian verifikasi" in received[0].labels  # superadmins review too
    (menu,) = await chat_menus(telegram, ADMIN_ID)
    assert {"peran", "siaran", "antrian"} <= set(menu)
    assert "binaan" not in menu
    received = await admin.press("Petugas dan peran")
    assert "Petugas dan perannya" in received[0].text
    received = await admin.say("/bantuan")
    assert "🛡 Sebagai superadmin:" in received[-1].text
    assert "🔎 Sebagai verifikator:" in received[-1].text


async def test_several_roles_share_one_menu(telegram: TelegramBot) -> None:
    dewi = telegram.user(9401, first_name="Dewi", language="en")
    await dewi.say("/bahasa")
    await dewi.press("English")
    await grant(telegram, 9401, "pendamping")
    await grant(telegram, 9401, "verifikator")
    menu = (await chat_menus(telegram, 9401))[-1]
    assert commands_of(menu)[:8] == [
        "start",
        "binaan",
        "daftarkan",
        "antrian",
        "cari",
        "statistik",
        "ekspor",
        "pendamping",
    ]
    assert menu["binaan"] == "My businesses (those needing help first)"  # in her language
    received = await dewi.say("/start")
    assert "You are signed in as mentor and reviewer." in received[0].text
    assert {"👥 My businesses", "📥 Review queue"} <= set(received[0].labels)
    received = await dewi.say("/bantuan")
    assert "🤝 As a mentor:" in received[-1].text and "🔎 As a reviewer:" in received[-1].text

    await revoke(telegram, 9401, "verifikator")
    assert "antrian" not in (await chat_menus(telegram, 9401))[-1]
    assert "binaan" in (await chat_menus(telegram, 9401))[-1]


async def test_changing_language_keeps_the_staff_menu(telegram: TelegramBot) -> None:
    await grant(telegram, 9501, "pendamping")
    sri = telegram.user(9501, first_name="Sri")
    await sri.say("/bahasa")
    await sri.press("English")
    menu = (await chat_menus(telegram, 9501))[-1]
    assert menu["binaan"] == "My businesses (those needing help first)"
    assert menu["start"] == "Start"


async def test_a_role_given_on_the_command_line_sets_the_menu_too(telegram: TelegramBot) -> None:
    await grant_role_command(telegram.settings, 9601, Role.REVIEWER)
    (menu,) = await chat_menus(telegram, 9601)  # queued, then set by the outbox sweep
    assert "antrian" in menu and "daftar" not in menu


async def test_role_given_by_replying_to_a_forwarded_message_names_the_person(
    telegram: TelegramBot,
) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    update_id = telegram.next_update_id()
    forwarded = {
        "message_id": update_id - 1,
        "date": 1_790_000_000,
        "chat": {"id": ADMIN_ID, "type": "private"},
        "forward_origin": {
            "type": "user",
            "date": 1_789_999_000,
            "sender_user": {
                "id": 9701,
                "is_bot": False,
                "first_name": "Sri",
                "last_name": "Wahyuni",
            },
        },
        "text": "Halo, saya Sri dari Bumiaji.",
    }
    before = len(telegram.fake.messages)
    await telegram.feed(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 1_790_000_000,
                "chat": {"id": ADMIN_ID, "type": "private"},
                "from": {"id": ADMIN_ID, "is_bot": False, "first_name": "Admin"},
                "text": "/peran tambah pendamping",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                "reply_to_message": forwarded,
            },
        }
    )
    answers = [m.text for m in telegram.fake.messages[before:] if m.chat_id == ADMIN_ID]
    assert answers[-1] == "✅ Peran pendamping diberikan kepada Sri Wahyuni (ID 9701)."
    received = await admin.say("/peran")
    assert "• Sri Wahyuni (9701): pendamping" in received[0].text


async def test_a_vendor_given_a_role_keeps_their_own_commands(telegram: TelegramBot) -> None:
    budi = telegram.user(9801, first_name="Budi")
    await budi.say("/daftar")
    await budi.press("Saya setuju")
    await budi.say("Budi Santoso")
    await grant(telegram, 9801, "verifikator")
    menu = (await chat_menus(telegram, 9801))[-1]
    assert {"antrian", "daftar", "produk", "status"} <= set(menu)
    assert menu["pendamping"] == "Atur wilayah dan UMKM binaan pendamping"  # the staff meaning
    received = await budi.say("/start")
    assert "▶️ Lanjutkan pendaftaran" in received[0].labels
    received = await budi.say("/bantuan")
    assert "🏪 Untuk usaha Anda sendiri:\n• /daftar: " in received[-1].text
    assert "Kirim pesan ke pendamping saya" not in received[-1].text
