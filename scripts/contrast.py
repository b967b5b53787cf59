#!/usr/bin/env python3
"""WCAG 2 contrast ratios of the theme's colour pairs, light and dark, from the custom properties in
Templates/assets/style.css. Text needs 4.5:1 (AA); focus rings, input borders and the current-page mark need 3:1
(non-text contrast). Exit status 1 if a pair falls short.   python3 scripts/contrast.py [style.css]
"""
import re
import sys
from pathlib import Path

# (foreground, background, minimum, where it is used)
PAIRS = [
    ("text", "bg", 4.5, "body text"),
    ("text", "surface", 4.5, "text in cards, table of contents, definitions"),
    ("text", "term-bg", 4.5, "definitions box, search highlight"),
    ("text", "accent-soft", 4.5, "glossary teaser, notice, inline code"),
    ("muted", "bg", 4.5, "lead, dates, breadcrumbs, footer"),
    ("muted", "surface", 4.5, "dates in cards"),
    ("accent", "bg", 4.5, "links, kicker"),
    ("accent", "surface", 4.5, "links in cards and table of contents, tag pills"),
    ("accent", "accent-soft", 4.5, "glossary letter links, teaser link"),
    ("accent-strong", "bg", 4.5, "hovered links, current section in the contents"),
    ("accent-strong", "surface", 4.5, "skip link, current section in the contents"),
    ("bg", "accent-strong", 4.5, "search button, hovered letter"),
    ("term", "bg", 4.5, "glossary term links"),
    ("term", "surface", 4.5, "term links in a card"),
    ("term", "term-bg", 4.5, "hovered or focused term link, links in the definitions box"),
    ("header-text", "header-bg", 4.5, "site title and menu"),
    ("header-mark", "header-bg", 3.0, "current-page underline and focus ring in the header"),
    ("focus", "bg", 3.0, "focus ring"),
    ("focus", "surface", 3.0, "focus ring in cards and boxes"),
    ("focus", "term-bg", 3.0, "focus ring in the definitions box"),
    ("focus", "accent-soft", 3.0, "focus ring in the glossary teaser"),
    ("muted", "surface", 3.0, "search field border"),
]


def luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def schemes(css):
    """The light custom properties (the first :root) and the dark ones laid over them."""
    def properties(block):
        return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", block))
    light = properties(re.search(r":root\s*\{(.*?)\}", css, re.S).group(1))
    dark_block = re.search(r"prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.S).group(1)
    return {"light": light, "dark": {**light, **properties(dark_block)}}


def report(css_path):
    css = Path(css_path).read_text(encoding="utf-8")
    failures = []
    lines = []
    for scheme, colours in schemes(css).items():
        lines.append(f"{scheme}:")
        for fg, bg, minimum, use in PAIRS:
            value = ratio(colours[fg], colours[bg])
            ok = value >= minimum
            lines.append(f"  {'ok  ' if ok else 'FAIL'} {value:5.2f}:1 (≥ {minimum}) {fg} {colours[fg]} on {bg} {colours[bg]}: {use}")
            if not ok:
                failures.append(f"{scheme}: {fg} on {bg} is {value:.2f}:1, needs {minimum}:1")
    return lines, failures


if __name__ == "__main__":
    lines, failures = report(sys.argv[1] if len(sys.argv) > 1 else "Templates/assets/style.css")
    print("\n".join(lines))
    sys.exit(1 if failures else 0)
