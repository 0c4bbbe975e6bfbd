"""Small server-rendered SVG trend charts: no JavaScript, no external assets.

Pure functions: data in, SVG text out. Every label is escaped. The chart is an image
with a text alternative (in the active language); the page also shows the numbers in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 320, 150
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 38, 10, 12, 24
LEGEND_ROW = 12
COLOURS = ("#0b5cad", "#a4161a")


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[date, float]]


def line_chart(series: Sequence[Series], *, title: str, unit: str) -> str:
    """An SVG line chart of one or more series sharing a y axis (oldest to newest)."""
    points = [p for s in series for p in s.points]
    if not points:
        return ""
    days = [d.toordinal() for d, _ in points]
    values = [v for _, v in points]
    x0, x1 = min(days), max(days)
    lo, hi = min(values), max(values)
    margin = (hi - lo) * 0.15 or max(abs(hi) * 0.1, 1.0)
    lo, hi = lo - margin, hi + margin
    # A legend (when colours must be told apart) gets its own rows above the plot, so no
    # line or point is drawn under its words.
    pad_top = PAD_TOP + (LEGEND_ROW * len(series) if len(series) > 1 else 0)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - pad_top - PAD_BOTTOM

    def x(day: date) -> float:
        return PAD_LEFT + (inner_w * (day.toordinal() - x0) / (x1 - x0) if x1 > x0 else inner_w / 2)

    def y(value: float) -> float:
        return pad_top + inner_h * (1 - (value - lo) / (hi - lo))

    latest = ", ".join(
        _("%(label)s %(value)s %(unit)s on %(day)s")
        % {
            "label": s.label,
            "value": f"{s.points[-1][1]:g}",
            "unit": unit,
            "day": date_format(s.points[-1][0], "M j, Y"),
        }
        for s in series
        if s.points
    )
    alt = _("%(title)s: %(n)s readings from %(first)s to %(last)s. Latest: %(latest)s.") % {
        "title": title,
        "n": len(points),
        "first": f"{min(points)[0]:%Y}",
        "last": f"{max(points)[0]:%Y}",
        "latest": latest,
    }
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(alt)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(alt)}</title>",
        f'<line x1="{PAD_LEFT}" y1="{pad_top + inner_h}" x2="{WIDTH - PAD_RIGHT}" '
        f'y2="{pad_top + inner_h}" stroke="#767f8c"/>',
    ]
    for tick in (lo + margin, hi - margin):
        parts.append(
            f'<text x="{PAD_LEFT - 4}" y="{y(tick) + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#4a5361">{tick:.3g}</text>'
        )
        parts.append(
            f'<line x1="{PAD_LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - PAD_RIGHT}" y2="{y(tick):.1f}" '
            f'stroke="#d5d9e0" stroke-dasharray="3 3"/>'
        )
    first, last = min(points)[0], max(points)[0]
    parts.append(
        f'<text x="{PAD_LEFT}" y="{HEIGHT - 6}" font-size="10" fill="#4a5361">{first:%Y}</text>'
    )
    parts.append(
        f'<text x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 6}" font-size="10" text-anchor="end" '
        f'fill="#4a5361">{last:%Y}</text>'
    )
    for colour, s in zip(COLOURS, series, strict=False):
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in s.points)
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>'
        )
        parts.extend(
            f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="2.5" fill="{colour}"/>'
            for d, v in s.points
        )
    if len(series) > 1:
        for i, (colour, s) in enumerate(zip(COLOURS, series, strict=False)):
            y_pos = 10 + LEGEND_ROW * i
            parts.append(
                f'<rect x="{PAD_LEFT}" y="{y_pos - 4}" width="10" height="3" fill="{colour}"/>'
                f'<text x="{PAD_LEFT + 14}" y="{y_pos}" font-size="10" fill="#1b1f24">'
                f"{escape(s.label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
