"""Staff reports: ``/cari`` finds a vendor, ``/statistik`` shows figures and a chart, ``/ekspor``
sends the catalogue as CSV and XLSX."""

from __future__ import annotations

from babel.dates import format_datetime, format_timedelta
from babel.numbers import format_percent

from handlers.context import FlowContext
from handlers.events import CommandReceived
from handlers.registration.steps import RegistrationStep
from handlers.registration.summary import step_label
from handlers.replies import Attachment, Choice, Msg, Reply, msg
from handlers.review.chart import STAGES
from handlers.review.report_jobs import export_job, stats_job
from handlers.units import UnknownUnit, parse_unit, split_unit, unit_name, unknown_unit
from models.errors import InvalidInput
from models.services.access import REVIEWERS
from models.services.export import export_basename
from models.services.search import SearchHit
from models.services.stats import DropOff, ReviewTime, Stats
from models.status import Status

SEARCH_LIMIT = 8
CHAT_EXPORT_MAX_ROWS = 20_000
"""Larger catalogues are exported on the server (``umkm-bot export``): their files pass the
chat's upload limit (50 MB on Telegram)."""
STEP_ORDER = {step.value: index for index, step in enumerate(RegistrationStep)}


async def search_command(ctx: FlowContext, command: CommandReceived) -> None:
    """``/cari [unit] <name or number>``: matching vendors (of one unit, when named before the
    text) as buttons that open their review card."""
    await ctx.access.require(ctx.user, REVIEWERS)
    ctx.remember_staff_name()
    unit, query = split_unit(ctx, command.args)
    scope = await ctx.access.scope(ctx.user, REVIEWERS)
    if unit is None and (unknown := unknown_unit(ctx, command.args, scope)) is not None:
        offer_units(ctx, unknown, query)
        return
    if not query:
        several = ctx.bureau.units is not None and not ctx.bureau.units.single
        ctx.say(msg("search-usage"), *([msg("search-usage-unit")] if several else []))
        return
    result = await ctx.search.vendors(ctx.user, query, SEARCH_LIMIT, unit)
    of_unit = [msg("stats-unit", unit=unit_name(ctx, unit))] if unit else []
    if not result.hits:
        ctx.say(*of_unit, msg("search-none", query=query))
        return
    more = [msg("search-more", shown=len(result.hits))] if result.total > len(result.hits) else []
    ctx.say(
        *of_unit,
        msg(
            "search-results" if result.complete else "search-results-many",
            query=query,
            count=result.total,
        ),
        *more,
        choices=[
            Choice(f"review.open.vendor.{hit.vendor_id}", hit_label(hit)) for hit in result.hits
        ],
        footer=[Choice("review.page.1", msg("button-review-queue"))],
    )


SEARCH_CHOICE = "search"
"""Choice ids ``search.<unit code, dashed>.<text>`` and ``search.all.<text>``."""


def offer_units(ctx: FlowContext, unknown: UnknownUnit, text: str) -> None:
    """A kabupaten/kota no unit serves: the closest units to search in, or every unit."""
    choices = [
        Choice(
            f"{SEARCH_CHOICE}.{unit.code.replace('.', '-')}.{unknown.rest}",
            msg("label-plain", text=unit.name),
        )
        for unit in unknown.closest
    ]
    choices.append(Choice(f"{SEARCH_CHOICE}.all.{text}", msg("button-search-everywhere")))
    ctx.say(
        msg("search-unit-unknown", unit=unknown.named, query=unknown.rest, text=text),
        choices=choices,
    )


async def on_search_choice(ctx: FlowContext, choice: str) -> None:
    """A unit chosen after an unknown one: the search in it, or in every unit."""
    match choice.split(".", 2):
        case [_, "all", text]:
            await search_command(ctx, CommandReceived("cari", f"semua {text}"))
        case [_, code, text]:
            await search_command(ctx, CommandReceived("cari", f"{code.replace('-', '.')} {text}"))
        case _:
            await search_command(ctx, CommandReceived("cari"))


def hit_label(hit: SearchHit) -> Msg:
    return msg(
        "search-hit",
        name=hit.business_name or "…",
        owner=hit.owner_name or "…",
        status=status_label(hit.status),
    )


def status_label(status: str) -> Msg:
    return msg(f"product-status-{status.replace('_', '-')}")


async def stats_command(ctx: FlowContext, command: CommandReceived) -> None:
    """``/statistik [unit]``: the overview with its chart, then the breakdowns, worked out in the
    background so that other chats never wait for them."""
    await ctx.access.require(ctx.user, REVIEWERS)
    ctx.remember_staff_name()
    try:
        unit = parse_unit(ctx, command.args)
    except InvalidInput as error:
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))
        return
    await ctx.access.scope(ctx.user, REVIEWERS, unit)  # refused here, not in the background
    targets = (ctx.bureau.target_vendors, ctx.bureau.target_products)
    user_id, language = ctx.user.id, ctx.user.language

    async def figures() -> list[Reply]:
        result = await ctx.background.run(stats_job, user_id, language, targets, unit)
        stats = result.stats
        chart = Attachment("photo", data=result.chart, filename="statistik.png")
        return [
            Reply(tuple(overview(ctx, stats)), attachments=(chart,)),
            Reply(
                (drop_off(stats.drop_off), *breakdowns(ctx, stats), *units_breakdown(ctx, stats))
            ),
        ]

    ctx.later.append(figures)


def overview(ctx: FlowContext, stats: Stats) -> list[Msg]:
    """Counts by status, the targets, the funnel and the review time."""
    when = ctx.now.astimezone(ctx.bureau.timezone)
    vendors, products = stats.vendors_by_status, stats.products_by_status
    funnel = [
        msg("stats-line", label=msg(f"stats-stage-{stage}"), count=getattr(stats.funnel, stage))
        for stage in STAGES
    ]
    of_unit = [msg("stats-unit", unit=unit_name(ctx, stats.unit))] if stats.unit else []
    return [
        msg(
            "stats-title", date=format_datetime(when, "d MMM yyyy HH:mm", locale=ctx.user.language)
        ),
        *of_unit,
        msg("stats-vendors", total=sum(vendors.values()), lines=status_lines(vendors)),
        msg("stats-products", total=sum(products.values()), lines=status_lines(products)),
        targets(ctx, stats),
        msg("stats-funnel", lines=funnel),
        msg(
            "stats-review-time",
            vendors=review_time(ctx, stats.vendor_review),
            products=review_time(ctx, stats.product_review),
        ),
    ]


def status_lines(counts: dict[str, int]) -> list[Msg]:
    """One line per status, in the order of the lifecycle, zeros included."""
    return [
        msg("stats-line", label=status_label(status), count=counts.get(status, 0))
        for status in Status
    ]


def targets(ctx: FlowContext, stats: Stats) -> Msg:
    language = ctx.user.language
    vendors, products = stats.approved_vendors, stats.approved_products
    return msg(
        "stats-targets",
        vendors=vendors,
        vendor_target=ctx.bureau.target_vendors,
        vendor_share=format_percent(vendors / ctx.bureau.target_vendors, "#,##0.#%", language),
        products=products,
        product_target=ctx.bureau.target_products,
        product_share=format_percent(products / ctx.bureau.target_products, "#,##0.#%", language),
    )


def review_time(ctx: FlowContext, review: ReviewTime) -> Msg:
    if review.median is None:
        return msg("stats-review-time-none")
    duration = format_timedelta(review.median, locale=ctx.user.language)
    return msg("stats-review-time-value", duration=duration, count=review.decisions)


def drop_off(entries: list[DropOff]) -> Msg:
    """Unfinished registrations by the step they stopped at, in the order of the form."""
    if not entries:
        return msg("stats-drop-off-none")
    ordered = sorted(entries, key=lambda entry: STEP_ORDER.get(entry.step or "", len(STEP_ORDER)))
    lines = [
        msg("stats-line", label=drop_off_label(entry.step), count=entry.count) for entry in ordered
    ]
    return msg("stats-drop-off", lines=lines)


def drop_off_label(step: str | None) -> Msg:
    if step is None:
        return msg("stats-step-elsewhere")
    return step_label(step) if step in STEP_ORDER else msg("label-plain", text=step)


def breakdowns(ctx: FlowContext, stats: Stats) -> list[Msg]:
    """Registrations (and products) per etalase, registrations per kecamatan."""
    etalase = [
        msg(
            "stats-etalase-line",
            name=etalase_name(ctx, entry.code),
            registered=entry.registered,
            approved=entry.approved,
            products=entry.products,
        )
        for entry in stats.by_etalase
    ]
    kecamatan = [
        msg(
            "stats-kecamatan-line",
            name=kecamatan_name(ctx, entry.code),
            registered=entry.registered,
            approved=entry.approved,
        )
        for entry in stats.by_kecamatan
    ]
    none = [msg("value-none")]
    several = len(ctx.catalog.regions) > 1 and stats.unit is None  # by kabupaten/kota instead
    return [
        msg("stats-etalase", lines=etalase or none),
        *([] if several else [msg("stats-kecamatan", lines=kecamatan or none)]),
    ]


def units_breakdown(ctx: FlowContext, stats: Stats) -> list[Msg]:
    """The funnel of every unit, for the province (or several units) at once."""
    if len(ctx.catalog.regions) < 2 or stats.unit is not None:
        return []
    lines = [
        msg(
            "stats-unit-line",
            name=place_name(entry.code, ctx.catalog.place_name(entry.code)),
            consented=entry.consented,
            submitted=entry.submitted,
            approved=entry.approved,
        )
        for entry in stats.by_unit
    ]
    return [msg("stats-units", lines=lines or [msg("value-none")])]


def etalase_name(ctx: FlowContext, code: str | None) -> Msg:
    etalase = ctx.catalog.etalase_by_code(code) if code else None
    return place_name(code, etalase.name(ctx.user.language) if etalase else None)


def kecamatan_name(ctx: FlowContext, code: str | None) -> Msg:
    kecamatan = ctx.catalog.kecamatan_by_code(code) if code else None
    return place_name(code, kecamatan.name if kecamatan else None)


def place_name(code: str | None, name: str | None) -> Msg:
    """The catalogue's name; the bare code once the catalogue dropped it; "not given" without."""
    return msg("label-plain", text=name or code) if code else msg("stats-not-given")


async def export_command(ctx: FlowContext, command: CommandReceived) -> None:
    """``/ekspor [unit]``: approved products with their vendors, as a CSV and an XLSX document."""
    await ctx.access.require(ctx.user, REVIEWERS)
    ctx.remember_staff_name()
    try:
        unit = parse_unit(ctx, command.args)
        at_most = await ctx.export.upper_bound(ctx.user, unit)
    except InvalidInput as error:
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))
        return
    if at_most > CHAT_EXPORT_MAX_ROWS:
        ctx.say(msg("export-too-large", count=at_most, limit=CHAT_EXPORT_MAX_ROWS))
        return
    if at_most == 0:
        ctx.say(msg("export-empty"))
        return
    basename = export_basename(ctx.now.astimezone(ctx.bureau.timezone), unit)
    ctx.say(msg("export-preparing"))
    user_id = ctx.user.id

    async def files() -> list[Reply]:
        result = await ctx.background.run(export_job, user_id, basename, unit)
        if result.rows == 0:
            return [Reply((msg("export-empty"),))]
        documents = tuple(
            Attachment("document", data=data, filename=name) for name, data in result.documents
        )
        return [Reply((msg("export-done", count=result.rows),), attachments=documents)]

    ctx.later.append(files)
