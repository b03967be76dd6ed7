"""The statistics as a picture: the onboarding funnel and the progress towards the targets.

Drawn on a bare matplotlib ``Figure`` (the Agg canvas, no pyplot), so no global state or display
is involved and each call is independent.
"""

from __future__ import annotations

import io

from babel.numbers import format_decimal
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from handlers.i18n import Translator
from models.services.stats import Stats

STAGES = ("started", "opened", "consented", "submitted", "approved")
"""Funnel stages, as ``Funnel`` fields and ``stats-stage-*`` locale keys."""
COLORS = ("#9db4c0", "#7a9eb1", "#5c8aa3", "#3f6f8a", "#2e7d32")
TARGET_COLOR = "#2e7d32"
TRACK_COLOR = "#e0e0e0"


def stats_chart(tr: Translator, stats: Stats, target_vendors: int, target_products: int) -> bytes:
    """A PNG of the funnel (left) and the approved share of each target (right)."""
    figure = Figure(figsize=(9, 4), dpi=100, layout="constrained")
    funnel, targets = figure.subplots(1, 2, width_ratios=(3, 2))
    draw_funnel(funnel, tr, [getattr(stats.funnel, stage) for stage in STAGES])
    draw_targets(
        targets,
        tr,
        reached=(stats.approved_vendors, stats.approved_products),
        goals=(target_vendors, target_products),
    )
    output = io.BytesIO()
    figure.savefig(output, format="png")
    return output.getvalue()


def draw_funnel(axes: Axes, tr: Translator, counts: list[int]) -> None:
    bars = axes.barh([tr(f"stats-stage-{stage}") for stage in STAGES], counts, color=COLORS)
    axes.bar_label(bars, labels=[number(count, tr) for count in counts], padding=3)
    axes.invert_yaxis()
    axes.margins(x=0.15)
    axes.set_title(tr("stats-chart-funnel"))


def draw_targets(
    axes: Axes, tr: Translator, reached: tuple[int, int], goals: tuple[int, int]
) -> None:
    """One bar per target, filled by the approved share (full at 100 %)."""
    names = [tr("stats-chart-vendors"), tr("stats-chart-products")]
    pairs = list(zip(reached, goals, strict=True))
    axes.barh(names, [100, 100], color=TRACK_COLOR)
    progress = axes.barh(
        names, [min(count / goal, 1) * 100 for count, goal in pairs], color=TARGET_COLOR
    )
    labels = [f"{number(count, tr)} / {number(goal, tr)}" for count, goal in pairs]
    axes.bar_label(progress, labels=labels, padding=3)
    axes.invert_yaxis()
    axes.set_xlim(0, 130)
    axes.set_xticks([0, 50, 100], ["0%", "50%", "100%"])
    axes.set_title(tr("stats-chart-targets"))


def number(value: int, tr: Translator) -> str:
    """``1000`` as the reader writes it: 1.000 in Indonesian, 1,000 in English."""
    return format_decimal(value, locale=tr.language)
