"""Baseline (b): the same registration written the conventional way, with python-telegram-bot's
``ConversationHandler`` and ``PicklePersistence``.

Each answer is parsed and checked with simple rules, stored in ``user_data``, and answered with
an inline keyboard (the question's choices plus back / help / cancel), like the real bot. Button
presses are answered and their keyboard removed, as the real bot does. State lives in memory and
is pickled by PTB every ``update_interval`` (60 s by default) and at the end; the real bot commits
every update to its database before replying, a stronger guarantee this baseline does not give.
"""

from __future__ import annotations

import dataclasses
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    PicklePersistence,
    filters,
)

from bench.fake_api import FakeBotApi
from bench.ourbot import BASE_URL, FILE_URL, TOKEN
from bench.runner import run_updates
from bench.stats import Timing
from bench.workload import Step, UpdateFactory, schedule

Context = ContextTypes.DEFAULT_TYPE
(CONSENT, OWNER, NIK, PHONE, BUSINESS, NIB, KBLI, NPWP, SCALE, SCALE_OK, ETALASE, KECAMATAN,
 KELURAHAN, ADDRESS, EMAIL, SUMMARY) = range(16)  # fmt: skip

ETALASE_NAMES = {
    "makanan": "Makanan dan Minuman",
    "kerajinan": "Kerajinan",
    "konveksi": "Konveksi",
    "atk": "Alat Tulis Kantor",
    "jasa": "Jasa Kebersihan",
    "pertanian": "Hasil Pertanian",
}
REGIONS = {"batu": ("Batu", ["Sisir", "Ngaglik", "Temas", "Songgokerto"]),
           "bumiaji": ("Bumiaji", ["Punten", "Bulukerto", "Gunungsari", "Tulungrejo"]),
           "junrejo": ("Junrejo", ["Dadaprejo", "Beji", "Junrejo", "Tlekung"])}  # fmt: skip
NAV = [("⬅️ Kembali", "nav:back"), ("❓ Bantuan", "nav:help"), ("✖️ Berhenti", "nav:cancel")]
MONEY = re.compile(r"(\d+(?:[.,]\d+)?)\s*(juta|jt|ribu|rb|miliar|m)?", re.IGNORECASE)
UNITS = {"juta": 10**6, "jt": 10**6, "ribu": 10**3, "rb": 10**3, "miliar": 10**9, "m": 10**9}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z .'-]{1,99}$")


def markup(choices: list[tuple[str, str]], columns: int = 1) -> InlineKeyboardMarkup:
    buttons = [InlineKeyboardButton(label, callback_data=data) for label, data in choices]
    rows = [buttons[i : i + columns] for i in range(0, len(buttons), columns)]
    return InlineKeyboardMarkup([*rows, [InlineKeyboardButton(t, callback_data=d) for t, d in NAV]])


async def reply(update: Update, context: Context, text: str, reply_markup: Any = None) -> None:
    """Answers a press (and removes its keyboard) or a message, then sends ``text``."""
    query = update.callback_query
    if query is not None:
        await query.answer()
        await query.edit_message_reply_markup(None)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_message(chat.id, text, reply_markup=reply_markup)


async def ask(update: Update, context: Context, state: int, error: str = "") -> int:
    """Asks the question of ``state`` (after ``error``, if any) and stays there."""
    data = context.user_data if context.user_data is not None else {}
    prefix = f"⚠️ {error}\n\n" if error else ""
    progress = f"Pertanyaan {min(state, 13)} dari 13\n\n"
    match state:
        case 1:
            await reply(
                update, context, prefix + progress + "Siapa nama pemilik usaha?", markup([])
            )
        case 2:
            await reply(update, context, prefix + progress + "Berapa NIK pemilik?", markup([]))
        case 3:
            keyboard = ReplyKeyboardMarkup(
                [[KeyboardButton("📱 Kirim nomor saya", request_contact=True)]],
                resize_keyboard=True,
                one_time_keyboard=True,
            )
            await reply(update, context, prefix + progress + "Nomor HP/WhatsApp?", keyboard)
        case 4:
            placeholder = await context.bot.send_message(
                update.effective_chat.id,  # type: ignore[union-attr]
                "…",
                reply_markup=ReplyKeyboardRemove(),
            )
            await placeholder.delete()
            await reply(update, context, prefix + progress + "Apa nama usaha Anda?", markup([]))
        case 5:
            text = prefix + progress + "Berapa NIB usaha Anda?"
            await reply(update, context, text, markup([("Belum punya NIB", "nib:none")]))
        case 6:
            await reply(update, context, prefix + progress + "Kode KBLI usaha?", markup([]))
        case 7:
            choices = [("NPWP = NIK", "npwp:nik"), ("⏭ Lewati", "npwp:skip")]
            await reply(update, context, prefix + progress + "NPWP usaha?", markup(choices))
        case 8:
            text = prefix + progress + "Berapa omzet usaha?"
            await reply(update, context, text, markup([("Pakai modal", "scale:capital")]))
        case 9:
            amount = data["scale_amount"]
            text = f"{progress}Omzet per tahun Rp{amount:,}: {classify(amount)}. Benar?"
            choices = [("Ya, benar", "yes"), ("Ubah jawaban", "no")]
            await reply(update, context, text.replace(",", "."), markup(choices))
        case 10:
            choices = [(name, f"etalase:{code}") for code, name in ETALASE_NAMES.items()]
            await reply(update, context, prefix + progress + "Pilih etalase:", markup(choices, 2))
        case 11:
            choices = [(name, f"kec:{code}") for code, (name, _) in REGIONS.items()]
            await reply(update, context, prefix + progress + "Kecamatan?", markup(choices))
        case 12:
            villages = REGIONS[data["kecamatan"]][1]
            choices = [(name, f"kel:{name}") for name in villages]
            await reply(update, context, prefix + progress + "Desa/kelurahan?", markup(choices, 2))
        case 13:
            await reply(update, context, prefix + progress + "Alamat usaha?", markup([]))
        case 14:
            text = prefix + progress + "Email usaha?"
            await reply(update, context, text, markup([("⏭ Lewati", "email:skip")]))
        case 15:
            lines = "\n".join(f"{key}: {value}" for key, value in data.items())
            choices = [("✅ Kirim untuk diverifikasi", "submit"), ("Nanti saja", "later")]
            text = f"{prefix}Ringkasan pendaftaran\n\n{lines}"
            await reply(update, context, text, markup(choices, 2))
    return state


def classify(annual: int) -> str:
    return "mikro" if annual <= 2 * 10**9 else "kecil" if annual <= 15 * 10**9 else "menengah"


def parse_amount(text: str) -> int | None:
    match = MONEY.search(text)
    if match is None:
        return None
    number = float(match.group(1).replace(",", "."))
    amount = int(number * UNITS.get((match.group(2) or "").lower(), 1))
    return amount * 12 if re.search(r"per\s*bulan|/\s*bln|sebulan", text) else amount


def digits(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text)


async def start_registration(update: Update, context: Context) -> int:
    text = "Pemberitahuan privasi (UU No. 27 Tahun 2022): data Anda hanya untuk katalog."
    choices = [("✅ Saya setuju", "agree"), ("Tidak setuju", "decline")]
    await reply(update, context, text, markup(choices))
    return CONSENT


async def on_consent(update: Update, context: Context) -> int:
    query = update.callback_query
    if query is None or query.data != "agree":
        await reply(update, context, "Tanpa persetujuan kami tidak menyimpan data Anda.")
        return ConversationHandler.END
    context.user_data["status"] = "draft"  # type: ignore[index]
    return await ask(update, context, OWNER)


def text_step(state: int, key: str, check: Any, error: str) -> Any:
    """A typed answer: ``check`` returns the value to store, or None to ask again."""

    async def on_text(update: Update, context: Context) -> int:
        value = check(update.effective_message.text or "")  # type: ignore[union-attr]
        if value is None:
            return await ask(update, context, state, error)
        context.user_data[key] = value  # type: ignore[index]
        return await ask(update, context, state + 1)

    return on_text


def check_name(text: str) -> str | None:
    return text.strip() if NAME_RE.match(text.strip()) else None


def check_nik(text: str) -> str | None:
    value = digits(text)
    return value if len(value) == 16 and value.isdigit() and value[6:8] != "00" else None


def check_business(text: str) -> str | None:
    return text.strip() if 3 <= len(text.strip()) <= 100 else None


def check_nib(text: str) -> str | None:
    value = digits(text)
    return value if len(value) == 13 and value.isdigit() else None


def check_kbli(text: str) -> list[str] | None:
    codes = [code.strip() for code in re.split(r"[,;\s]+", text) if code.strip()]
    return codes if codes and all(len(c) == 5 and c.isdigit() for c in codes) else None


def check_address(text: str) -> str | None:
    return text.strip() if 10 <= len(text.strip()) <= 200 else None


def check_email(text: str) -> str | None:
    return text.strip().lower() if EMAIL_RE.match(text.strip()) else None


async def on_phone(update: Update, context: Context) -> int:
    message = update.effective_message
    assert message is not None
    raw = message.contact.phone_number if message.contact else message.text or ""
    phone = re.sub(r"[^\d+]", "", raw)
    phone = "+62" + phone[1:] if phone.startswith("0") else phone
    if not re.fullmatch(r"\+62\d{8,13}", phone):
        return await ask(update, context, PHONE, "Nomor HP tidak valid.")
    context.user_data["phone"] = phone  # type: ignore[index]
    return await ask(update, context, BUSINESS)


async def on_npwp(update: Update, context: Context) -> int:
    data = context.user_data
    assert data is not None
    query = update.callback_query
    if query is not None:
        data["npwp"] = data["nik"] if query.data == "npwp:nik" else None
    else:
        value = digits(update.effective_message.text or "")  # type: ignore[union-attr]
        if len(value) not in (15, 16) or not value.isdigit():
            return await ask(update, context, NPWP, "NPWP tidak valid.")
        data["npwp"] = value
    return await ask(update, context, SCALE)


async def on_scale(update: Update, context: Context) -> int:
    amount = parse_amount(update.effective_message.text or "")  # type: ignore[union-attr]
    if not amount:
        return await ask(update, context, SCALE, "Tulis omzet, misalnya 25 juta per bulan.")
    context.user_data["scale_amount"] = amount  # type: ignore[index]
    return await ask(update, context, SCALE_OK)


async def on_scale_ok(update: Update, context: Context) -> int:
    data = context.user_data
    assert data is not None and update.callback_query is not None
    if update.callback_query.data != "yes":
        return await ask(update, context, SCALE)
    data["scale"] = classify(data["scale_amount"])
    return await ask(update, context, ETALASE)


def choice_step(state: int, key: str, prefix: str, allowed: Any) -> Any:
    """A button answer whose data is ``prefix:value`` with a value in ``allowed(user_data)``."""

    async def on_choice(update: Update, context: Context) -> int:
        data = context.user_data
        assert data is not None and update.callback_query is not None
        value = (update.callback_query.data or "").removeprefix(prefix)
        if value not in allowed(data):
            return await ask(update, context, state, "Pilih dengan tombol.")
        data[key] = value
        return await ask(update, context, state + 1)

    return on_choice


async def on_email_skip(update: Update, context: Context) -> int:
    context.user_data["email"] = None  # type: ignore[index]
    return await ask(update, context, SUMMARY)


async def on_summary(update: Update, context: Context) -> int:
    data = context.user_data
    assert data is not None and update.callback_query is not None
    if update.callback_query.data != "submit":
        await reply(update, context, "Draf disimpan. Ketik /daftar untuk melanjutkan.")
        return ConversationHandler.END
    data["status"] = "submitted"
    text = "Pendaftaran sudah dikirim ke BPBJ Kota Batu untuk diverifikasi."
    await reply(update, context, text, markup([("Cek status", "status")]))
    return ConversationHandler.END


async def on_nav(update: Update, context: Context) -> int:
    await reply(update, context, "Pendaftaran dihentikan; ketik /daftar untuk melanjutkan.")
    return ConversationHandler.END


async def on_start(update: Update, context: Context) -> None:
    data = context.user_data or {}
    status = "sedang diperiksa" if data.get("status") == "submitted" else "belum dikirim"
    choices = [("📦 Produk saya", "products"), ("➕ Tambah produk", "add"), ("❓ Bantuan", "help")]
    await reply(update, context, f"Pendaftaran Anda {status}.\n\nMenu utama", markup(choices))


def registration_handler() -> ConversationHandler[Any]:
    typed = filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[CommandHandler("daftar", start_registration)],
        states={
            CONSENT: [CallbackQueryHandler(on_consent)],
            OWNER: [MessageHandler(typed, text_step(OWNER, "owner", check_name, "Nama?"))],
            NIK: [MessageHandler(typed, text_step(NIK, "nik", check_nik, "NIK 16 angka."))],
            PHONE: [MessageHandler(filters.CONTACT | typed, on_phone)],
            BUSINESS: [
                MessageHandler(typed, text_step(BUSINESS, "business", check_business, "Nama?"))
            ],
            NIB: [MessageHandler(typed, text_step(NIB, "nib", check_nib, "NIB 13 angka."))],
            KBLI: [MessageHandler(typed, text_step(KBLI, "kbli", check_kbli, "KBLI 5 angka."))],
            NPWP: [CallbackQueryHandler(on_npwp, pattern="^npwp:"), MessageHandler(typed, on_npwp)],
            SCALE: [MessageHandler(typed, on_scale)],
            SCALE_OK: [CallbackQueryHandler(on_scale_ok, pattern="^(yes|no)$")],
            ETALASE: [
                CallbackQueryHandler(
                    choice_step(ETALASE, "etalase", "etalase:", lambda d: ETALASE_NAMES)
                )
            ],
            KECAMATAN: [
                CallbackQueryHandler(choice_step(KECAMATAN, "kecamatan", "kec:", lambda d: REGIONS))
            ],
            KELURAHAN: [
                CallbackQueryHandler(
                    choice_step(
                        KELURAHAN, "kelurahan", "kel:", lambda d: REGIONS[d["kecamatan"]][1]
                    )
                )
            ],
            ADDRESS: [
                MessageHandler(typed, text_step(ADDRESS, "address", check_address, "Alamat?"))
            ],
            EMAIL: [
                MessageHandler(typed, text_step(EMAIL, "email", check_email, "Email?")),
                CallbackQueryHandler(on_email_skip, pattern="^email:skip$"),
            ],
            SUMMARY: [CallbackQueryHandler(on_summary)],
        },
        fallbacks=[CallbackQueryHandler(on_nav, pattern="^nav:"), CommandHandler("batal", on_nav)],
        name="registration",
        persistent=True,
    )


def baseline_application(
    fake: FakeBotApi, pickle_file: Path
) -> Application[Any, Any, Any, Any, Any, Any]:
    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(BASE_URL)
        .base_file_url(FILE_URL)
        .request(fake)
        .get_updates_request(fake)
        .persistence(PicklePersistence(filepath=pickle_file))
        .build()
    )
    application.add_handler(registration_handler())
    application.add_handler(CommandHandler("start", on_start))
    return application


SCRIPT: tuple[Step, ...] = tuple(
    Step(kind, value, "registration")  # type: ignore[arg-type]
    for kind, value in (
        ("text", "/daftar"),
        ("callback", "agree"),
        ("text", "Siti Aminah"),
        ("text", "3579 0141 0185 0001"),
        ("contact", "+62 812-3456-7890"),
        ("text", "Keripik Apel Bu Siti"),
        ("text", "9120001234567"),
        ("text", "10792, 47211"),
        ("callback", "npwp:skip"),
        ("text", "25 juta per bulan"),
        ("callback", "yes"),
        ("callback", "etalase:makanan"),
        ("callback", "kec:bumiaji"),
        ("callback", "kel:Punten"),
        ("text", "Jl. Raya Punten No. 12, RT 02/RW 05"),
        ("text", "keripikapel@gmail.com"),
        ("callback", "submit"),
        ("text", "/start"),
    )
)
"""The registration of :mod:`bench.workload`, with this baseline's own callback data."""


@dataclass(frozen=True, slots=True)
class BaselineResult:
    timing: Timing
    """The updates alone: handlers and replies, state kept in memory."""
    flush_s: float
    """One ``update_persistence`` afterwards: what PTB runs every ``update_interval``."""


async def run_baseline(vendors: int, order: str, seed: int, workdir: Path) -> BaselineResult:
    """Every vendor registers and submits, interleaved like the real bot's run."""
    fake = FakeBotApi(b"")
    application = baseline_application(fake, workdir / "baseline.pickle")
    await application.initialize()
    factory = UpdateFactory()
    bot = application.bot
    warmup = [Update.de_json(factory.step(1, step, 0), bot) for step in SCRIPT]
    await run_updates(application, warmup)
    user_ids = [10_000_000 + vendor for vendor in range(vendors)]
    position = [0] * vendors
    updates = []
    for vendor in schedule(vendors, len(SCRIPT), order, seed):
        step = SCRIPT[position[vendor]]
        position[vendor] += 1
        updates.append(Update.de_json(factory.step(user_ids[vendor], step, 0), bot))
    timing = await run_updates(application, updates)
    started = time.perf_counter()
    await application.update_persistence()  # what PTB does every update_interval and at stop
    flush = time.perf_counter() - started
    submitted = sum(
        1 for data in application.user_data.values() if data.get("status") == "submitted"
    )
    await application.shutdown()
    if submitted != vendors + 1:
        raise RuntimeError(f"baseline: {submitted - 1} of {vendors} registrations submitted")
    return BaselineResult(dataclasses.replace(timing, name="conversationhandler"), flush)
