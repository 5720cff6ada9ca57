"""Small charts drawn at build time as inline SVG: no JavaScript, no outside requests.

Colours come from Material's CSS variables through classes (see docs/assets/muistio.css), so a
chart follows the light/dark toggle like the text around it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from html import escape

from muistio.pages.markup import plural
from muistio.records import Memo

MAX_QUARTERS = 24
"""Six years of quarters fit a page column; a longer history is drawn per year instead."""
MAX_BAR = 40
"""Widest bar, in chart units (the chart is 480 wide)."""


def quarter(date: datetime.date) -> tuple[int, int]:
    return (date.year, (date.month - 1) // 3 + 1)


def meetings_per_quarter(memos: list[Memo], today: datetime.date) -> str:
    """A bar chart of memos per quarter (per year for long histories), first memo to today."""
    dates = [m.date for m in memos if m.date]
    if not dates:
        return ""
    first, last = quarter(min(dates)), quarter(max(max(dates), today))
    span = (last[0] - first[0]) * 4 + last[1] - first[1] + 1
    if span <= MAX_QUARTERS:
        counts = Counter(quarter(d) for d in dates)
        keys = [_add_quarters(first, i) for i in range(span)]
        bars = [(f"{q}. neljännes {year}", counts[(year, q)], str(year) if q == 1 or i == 0 else "")
                for i, (year, q) in enumerate(keys)]
        title = "Tapaamisia neljänneksittäin"
    else:
        counts = Counter(d.year for d in dates)
        years = range(first[0], last[0] + 1)
        bars = [(str(year), counts[year], str(year) if (year - first[0]) % 2 == 0 else "") for year in years]
        title = "Tapaamisia vuosittain"
    return _bar_chart(bars, f"{title} ({plural(len(dates), 'muistio', 'muistiota')})")


def _add_quarters(start: tuple[int, int], count: int) -> tuple[int, int]:
    index = start[0] * 4 + start[1] - 1 + count
    return (index // 4, index % 4 + 1)


def _bar_chart(bars: list[tuple[str, int, str]], title: str) -> str:
    """Bars of (tooltip label, value, axis label); one SVG line, so Markdown passes it through.

    The scale label sits in a band above the plot so no bar can run under it, and bars are at
    most `MAX_BAR` wide so a short history does not become one solid block.
    """
    top = max(value for _, value, _ in bars) or 1
    width, height, gap, label_band, axis_band = 480, 130, 2, 20, 20
    plot_top, plot_h = label_band, height - label_band - axis_band
    slot = width / len(bars)
    bar_w = min(max(slot - 2 * gap, 1), MAX_BAR)
    parts = [
        f'<svg class="kb-chart" data-search-exclude role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text class="kb-axis" x="{width - 4}" y="13" text-anchor="end">enintään {top}</text>',
    ]
    for index, (label, value, axis) in enumerate(bars):
        x = index * slot + gap
        bar = plot_h * value / top
        parts.append(
            f'<rect class="kb-bar" x="{x:.1f}" y="{plot_top + plot_h - bar:.1f}" '
            f'width="{bar_w:.1f}" height="{bar:.1f}"><title>{escape(label)}: {value}</title></rect>'
        )
        if axis:
            parts.append(f'<text class="kb-axis" x="{x:.1f}" y="{height - 6}">{escape(axis)}</text>')
    baseline = plot_top + plot_h
    parts.append(f'<line class="kb-axis-line" x1="0" y1="{baseline}" x2="{width}" y2="{baseline}"/>')
    parts.append("</svg>")
    return "".join(parts)
