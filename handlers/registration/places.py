"""Where the business is: kabupaten/kota (when the deployment serves several), kecamatan and
desa/kelurahan, each typed as people write it or chosen with a button.

A short list (Kota Batu's 3 kecamatan, a kecamatan's desa) is shown whole as buttons; a long one
(a province's 38 kabupaten/kota, Kabupaten Malang's 33 kecamatan) asks for the name and offers
the closest matches as buttons. A match that is clearly the one meant is taken at once.

```mermaid
flowchart LR
    kecamatan{{"kecamatan step"}} -- "several kabupaten/kota, none chosen" --> regency
    regency["which kabupaten/kota?"]
    regency -- "typed or chosen" --> kec["which kecamatan?"]
    kecamatan -- "one kabupaten/kota, or chosen" --> kec
    kec --> kelurahan["which desa/kelurahan?"]
```
"""

from __future__ import annotations

from handlers import forms
from handlers.context import FlowContext
from handlers.forms import CANDIDATES, Advance, GoTo, Outcome, Retry
from handlers.mentoring import notices
from handlers.replies import Choice, Msg, Reply, msg, reply
from models.catalog import Region
from models.entities import Vendor
from models.placenames import Match, sure
from models.schemas import RegistrationField

ALL_AS_BUTTONS = 30
"""Lists up to this long are shown whole as buttons; longer ones are typed."""
REGENCY, KECAMATAN, KELURAHAN = "reg.", "kec.", "kel."
CHANGE_REGENCY = "reg.change"
KECAMATAN_STEP = "kecamatan"


def regency_of(ctx: FlowContext, vendor: Vendor) -> Region | None:
    """The vendor's kabupaten/kota: the only one served, or the one they chose."""
    if len(ctx.catalog.regions) == 1:
        return ctx.catalog.regions[0]
    return ctx.catalog.region_by_code(vendor.regency_code or "")


def candidates(ctx: FlowContext) -> list[str]:
    """Codes of the closest matches of the last typed name, offered on the retry."""
    return [code for code in ctx.data.get(CANDIDATES, []) if isinstance(code, str)]


def max_score(matches: list[Match]) -> float:
    return max((match.score for match in matches), default=0)


def offer(ctx: FlowContext, matches: list[Match], unknown: Msg) -> Retry:
    """Keeps the matches for the buttons of the question asked again; none found is ``unknown``."""
    ctx.set_data(**{CANDIDATES: [match.code for match in matches]})
    return Retry(msg("error-place-choose") if matches else unknown)


class KecamatanStep(forms.Step[Vendor]):
    """Asks the kabupaten/kota first when several are served and none is chosen yet."""

    name = KECAMATAN_STEP
    field = RegistrationField.KECAMATAN

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        region = regency_of(ctx, vendor)
        if region is None:
            return self._ask_regency(ctx)
        options = region.kecamatan
        shown = options if len(options) <= ALL_AS_BUTTONS else ()
        codes = [item.code for item in shown] or candidates(ctx)
        choices = [
            Choice(f"{KECAMATAN}{code}", msg("label-plain", text=ctx.catalog.place_name(code)))
            for code in codes
        ]
        if len(ctx.catalog.regions) > 1:
            choices.append(Choice(CHANGE_REGENCY, msg("button-change-regency")))
        key = "ask-kecamatan" if shown else "ask-kecamatan-typed"
        return reply(msg(key, region=region.name), choices=choices, columns=2 if shown else 1)

    def _ask_regency(self, ctx: FlowContext) -> Reply:
        regions = ctx.catalog.regions
        listed = len(regions) <= ALL_AS_BUTTONS
        codes = [region.code for region in regions] if listed else candidates(ctx)
        choices = [
            Choice(f"{REGENCY}{code}", msg("label-plain", text=ctx.catalog.place_name(code)))
            for code in codes
        ]
        key = "ask-regency" if listed else "ask-regency-typed"
        return reply(msg(key), choices=choices, columns=2)

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        region = regency_of(ctx, vendor)
        if region is None:
            return self._regency_typed(ctx, vendor, text)
        matches = ctx.catalog.find_kecamatan(text, region.code)
        code = sure(matches)
        if code is not None:
            return await self._kecamatan(ctx, vendor, code)
        if not matches and len(ctx.catalog.regions) > 1:  # "kota malang" typed here
            other = sure(ctx.catalog.find_regency(text))
            if other is not None and other != region.code:
                return self._regency(ctx, vendor, other)
        return offer(ctx, matches, msg("error-kecamatan-unknown", region=region.name))

    def _regency_typed(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        matches = ctx.catalog.find_regency(text)
        code = sure(matches)
        if code is not None:
            return self._regency(ctx, vendor, code)
        return offer(ctx, matches, msg("error-regency-unknown"))

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if choice_id == CHANGE_REGENCY and len(ctx.catalog.regions) > 1:
            ctx.registration.clear_regency(vendor)
            ctx.set_data(**{CANDIDATES: []})
            return GoTo(KECAMATAN_STEP)
        if choice_id.startswith(REGENCY):
            return self._regency(ctx, vendor, choice_id.removeprefix(REGENCY))
        if choice_id.startswith(KECAMATAN):
            return await self._kecamatan(ctx, vendor, choice_id.removeprefix(KECAMATAN))
        return Retry(msg("error-use-buttons"))

    @staticmethod
    def _regency(ctx: FlowContext, vendor: Vendor, code: str) -> Outcome:
        ctx.registration.set_regency(vendor, code)
        ctx.set_data(**{CANDIDATES: []})
        return GoTo(KECAMATAN_STEP, (msg("place-noted", place=ctx.catalog.place_name(code)),))

    @staticmethod
    async def _kecamatan(ctx: FlowContext, vendor: Vendor, code: str) -> Outcome:
        region = regency_of(ctx, vendor)
        found = ctx.catalog.region_of(code)
        if region is None or found is None or found.code != region.code:
            return Retry(msg("error-choice"))
        ctx.registration.set_kecamatan(vendor, code)
        await notices.follow_unit(ctx, vendor)
        await ctx.mentoring.assign_by_area(vendor)
        return Advance()


class KelurahanStep(forms.Step[Vendor]):
    name = "kelurahan"
    field = RegistrationField.KELURAHAN

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        kecamatan = ctx.catalog.kecamatan_by_code(vendor.kecamatan_code or "")
        options = kecamatan.kelurahan if kecamatan else ()
        name = kecamatan.name if kecamatan else ""
        if len(options) <= ALL_AS_BUTTONS:
            codes = [item.code for item in options]
            elsewhere = [code for code in candidates(ctx) if code not in codes]
            choices = [self._choice(ctx, vendor, code) for code in elsewhere + codes]
            return reply(msg("ask-kelurahan", kecamatan=name), choices=choices, columns=2)
        choices = [self._choice(ctx, vendor, code) for code in candidates(ctx)]
        return reply(msg("ask-kelurahan-typed", kecamatan=name), choices=choices)

    @staticmethod
    def _choice(ctx: FlowContext, vendor: Vendor, code: str) -> Choice:
        """A desa of another kecamatan says which kecamatan it is in."""
        found = ctx.catalog.kelurahan_by_code(code)
        if found is None or found[0].code == vendor.kecamatan_code:
            label = msg("label-plain", text=ctx.catalog.place_name(code))
        else:
            label = msg("label-place-in", name=found[1].name, kecamatan=found[0].name)
        return Choice(f"{KELURAHAN}{code}", label)

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        """A desa of the kecamatan chosen, or one named with its own kecamatan ("sumberejo kec
        batu"); otherwise the closest ones, from neighbouring kecamatan too, as buttons."""
        kecamatan = vendor.kecamatan_code or ""
        region = regency_of(ctx, vendor)
        named = region and ctx.catalog.kelurahan_with_kecamatan(text, region.code)
        matches = ctx.catalog.find_kelurahan(text, kecamatan)
        code = named or sure(matches)
        if code is not None:
            return await self._kelurahan(ctx, vendor, code)
        if vendor.regency_code:  # perhaps a desa of a neighbouring kecamatan
            wider = ctx.catalog.find_kelurahan(text, vendor.regency_code)
            nearer = [match for match in wider if match.score > max_score(matches)]
            matches = list({match.code: match for match in matches + nearer}.values())
            matches.sort(key=lambda match: -match.score)
        name = ctx.catalog.place_name(kecamatan) or ""
        return offer(ctx, matches, msg("error-kelurahan-unknown", kecamatan=name))

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if not choice_id.startswith(KELURAHAN):
            return Retry(msg("error-use-buttons"))
        return await self._kelurahan(ctx, vendor, choice_id.removeprefix(KELURAHAN))

    @staticmethod
    async def _kelurahan(ctx: FlowContext, vendor: Vendor, code: str) -> Outcome:
        ctx.registration.set_place(vendor, code)
        await ctx.mentoring.assign_by_area(vendor)
        return Advance()


def place_value(ctx: FlowContext, vendor: Vendor) -> Msg:
    """The kecamatan as the summary shows it, with its kabupaten/kota when several are served."""
    name = ctx.catalog.place_name(vendor.kecamatan_code) or "?"
    region = ctx.catalog.region_of(vendor.kecamatan_code)
    if len(ctx.catalog.regions) > 1 and region is not None:
        return msg("label-place-in-regency", name=name, region=region.name)
    return msg("label-plain", text=name)
