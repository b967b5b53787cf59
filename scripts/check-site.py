#!/usr/bin/env python3
"""Checks the built site in Public/ as a reader's browser sees it. Run through scripts/check-site.sh, which installs
what this needs (Chromium, chromedriver, Java, and pinned PyPI packages in a virtual environment).

1. Markup: the Nu HTML Checker (vnu) over every HTML file and the stylesheet: 0 errors; warnings are listed.
2. Theme: on every page lang="da", one h1, the landmarks, a skip link to <main>, in-page links and ARIA references
   that resolve, <time datetime>, breadcrumbs, no English interface text.
3. Weight and requests: an article page (HTML + its CSS + JS) under 50 KB; the pictures Chromium downloads when
   the page opens (the first screen, and what lazy loading fetches ahead) under 120 KB on a 390 px phone at device
   pixel ratio 2 and under 250 KB on a 1280 px desktop, with a layout-shift score of 0; no <script> in <head> without
   defer/async; no resource from another origin, neither in the markup and CSS nor in what Chromium requests.
4. In headless Chromium, over 127.0.0.1: axe-core on every page (no serious or critical violation; light, then the
   colour rules again in dark mode), no horizontal scrolling at 320 px, no console errors, a working skip link,
   a visible focus indicator on everything Tab reaches, and term definitions that fit a 320 px screen.

Exit status 0 only when everything passes.
"""
import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(Path(__file__).resolve().parent))
import contrast  # noqa: E402
import site_browser  # noqa: E402

ARTICLE_BUDGET = 50_000  # bytes: HTML + CSS + JS of one article page
# Bytes of pictures an article page downloads when it opens, by screen: (name, width, height, pixel ratio, budget).
PICTURE_SCREENS = [("phone", 390, 844, 2, 120_000), ("desktop", 1280, 900, 1, 250_000)]
FETCHING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                      "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender"}
RESOURCE_ATTRIBUTES = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
                       ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
                       ("object", "data"), ("track", "src"), ("input", "src"), ("image", "href")}
# Interface words the theme must not show in English (checked in the templates' text and ARIA labels and in the
# built pages outside article bodies).
ENGLISH = re.compile(r"\b(Home|Skip to|Search|Read more|Updated|Published|Posted|Tags?|Glossary|Table of contents|"
                     r"Contents|Next|Previous|Back to|Related|Close|Not found|Page not found|Link to|Submit|Results?|"
                     r"Subscribe|Breadcrumbs?|Main navigation|Footer|Loading|Definitions?|Menu button|Share)\b")
CHECKS = {  # each kind of check, and how many problems it found
    "vnu": 0, "contrast": 0, "danish": 0, "markup": 0, "scripts": 0, "requests": 0, "weight": 0, "axe": 0,
    "320px": 0, "pictures": 0, "layout-shift": 0, "definitions": 0, "console": 0, "skip-link": 0, "focus": 0,
    "redirects": 0,
}


def fail(check, message):
    CHECKS[check] += 1
    print(f"  FAIL [{check}] {message}")


class Page(HTMLParser):
    """What the checks need from one HTML file."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.h1 = 0
        self.tags = {}
        self.ids = set()
        self.fragment_links = []
        self.references = []  # (attribute, id)
        self.resources = []  # (tag, attribute, url)
        self.head_scripts = []  # attribute dicts
        self.inline_styles = []
        self.times = []  # datetime or None
        self.first_link = None
        self.chrome_text = []  # text outside article bodies (.prose)
        self.labels = []  # aria-label, title, alt, placeholder values
        self.term_links = []
        self._in_head = False
        self._prose_depth = 0
        self._depth = 0
        self._in_style = False
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag not in VOID:
            self._depth += 1
            if self._prose_depth == 0 and "prose" in (a.get("class") or "").split():
                self._prose_depth = self._depth
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "head":
            self._in_head = True
        if tag == "h1":
            self.h1 += 1
        if tag == "style":
            self._in_style = True
        if tag == "script":
            self._in_script = True
            if self._in_head:
                self.head_scripts.append(a)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and self.first_link is None and "href" in a:
            self.first_link = a
        href = a.get("href")
        if tag == "a" and href and href.startswith("#"):
            self.fragment_links.append(href[1:])
        if tag == "a" and "term" in (a.get("class") or "").split():
            self.term_links.append(a)
        for attribute in ("aria-describedby", "aria-labelledby", "aria-controls", "for", "list"):
            if a.get(attribute):
                for ref in a[attribute].split():
                    self.references.append((attribute, ref))
        if tag == "link" and FETCHING_LINK_RELS & set((a.get("rel") or "").lower().split()):
            self.resources.append((tag, "href", a.get("href") or ""))
        for attribute in ("src", "srcset", "poster", "data", "href"):
            if (tag, attribute) in RESOURCE_ATTRIBUTES and a.get(attribute):
                urls = [part.split()[0] for part in a[attribute].split(",") if part.strip()] \
                    if attribute == "srcset" else [a[attribute]]
                self.resources.extend((tag, attribute, url) for url in urls)
        if a.get("style"):
            self.inline_styles.append(a["style"])
        if tag == "time":
            self.times.append(a.get("datetime"))
        for attribute in ("aria-label", "title", "alt", "placeholder"):
            if a.get(attribute) and not (tag == "link" and attribute == "title"):
                self.labels.append(a[attribute])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "style":
            self._in_style = False
        if tag == "script":
            self._in_script = False
        if tag not in VOID:
            if self._prose_depth == self._depth:
                self._prose_depth = 0
            self._depth -= 1

    def handle_data(self, data):
        if self._in_style:
            self.inline_styles.append(data)
        elif not self._in_script and self._prose_depth == 0:
            self.chrome_text.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def css_urls(css):
    return re.findall(r"""url\(\s*['"]?([^'")]+)""", css) + re.findall(r"""@import\s+['"]([^'"]+)""", css)


def is_external(url, page_url="http://site.invalid/"):
    """A URL that a browser would fetch from somewhere other than the site itself."""
    if url.startswith(("data:", "#", "about:")):
        return False
    parts = urlsplit(urljoin(page_url, url))
    return parts.scheme not in ("http", "https") or parts.netloc != "site.invalid"


def local_file(public, url, page_path):
    parts = urlsplit(urljoin("http://site.invalid" + page_path, url))
    return public / parts.path.lstrip("/")


# 1. Markup ----------------------------------------------------------------------------------------------------------

def run_vnu(public, vnu_jar):
    print("== Nu HTML Checker (vnu)")
    version = subprocess.run(["java", "-jar", vnu_jar, "--version"], capture_output=True, text=True).stdout.strip()
    css = sorted((public / "assets").glob("*.css"))
    started = time.monotonic()
    result = subprocess.run(["java", "-Xss2m", "-jar", vnu_jar, "--format", "json", "--skip-non-html",
                             "--also-check-css", str(public), *map(str, css)], capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        fail("vnu", f"vnu gave no report (exit {result.returncode}): {(result.stderr or result.stdout)[:500]}")
        return {"errors": None, "warnings": None}
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    infos = [m for m in messages if m.get("type") == "info" and m.get("subType") != "warning"]
    files = len(list(public.rglob("*.html")))
    print(f"  vnu {version}: {files} HTML files and {len(css)} stylesheet(s) in {time.monotonic() - started:.1f} s: "
          f"{len(errors)} errors, {len(warnings)} warnings, {len(infos)} infos")
    for kind, found in (("error", errors), ("warning", warnings), ("info", infos)):
        for m in found:
            where = m.get("url", "").replace(f"file:{public.resolve()}/", "")
            line = f"  {kind}: {where}:{m.get('lastLine', '?')}: {m.get('message')}"
            if kind == "error":
                fail("vnu", line.strip())
            else:
                print(line)
    return {"errors": len(errors), "warnings": len(warnings)}


# 2 and 3. Theme, weight, requests --------------------------------------------------------------------------------

def check_contrast(templates):
    print("== Colour pairs of the stylesheet (WCAG AA, light and dark): scripts/contrast.py")
    lines, failures = contrast.report(templates / "assets" / "style.css")
    for failure in failures:
        fail("contrast", failure)
    worst = min(float(re.search(r"([\d.]+):1", line).group(1)) for line in lines if ":1" in line and "≥ 4.5" in line)
    print(f"  {sum(':1' in line for line in lines)} pairs checked; lowest text contrast {worst:.2f}:1")


def check_templates(templates):
    print("== Templates: interface text in Danish")
    count = 0
    for file in sorted(templates.glob("*.mustache")) + sorted(templates.glob("assets/*.js")):
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".js":
            strings = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
            visible = " ".join(s for s in strings if " " in s or re.fullmatch(r"[A-ZÆØÅ][a-zæøå]+", s))
        else:
            without_mustache = re.sub(r"\{\{[^}]*\}\}\}?", " ", text)
            labels = re.findall(r'(?:aria-label|title|alt|placeholder)="([^"]*)"', without_mustache)
            visible = re.sub(r"<[^>]*>", " ", without_mustache) + " " + " ".join(labels)
        for match in ENGLISH.finditer(visible):
            fail("danish", f"{file}: English interface text '{match.group(0)}'")
        count += 1
    print(f"  {count} files checked")


def check_pages(public, pages):
    print("== Pages: language, headings, landmarks, links, dates, requests")
    stylesheet_cache = {}
    weights = []
    for file, path in pages:
        text = file.read_text(encoding="utf-8")
        page = Page(text)
        where = file.relative_to(public).as_posix()
        if page.lang != "da":
            fail("markup", f"{where}: <html lang> is {page.lang!r}, not 'da'")
        if page.h1 != 1:
            fail("markup", f"{where}: {page.h1} h1 elements (one per page)")
        for tag in ("header", "nav", "main", "footer"):
            if not page.tags.get(tag):
                fail("markup", f"{where}: no <{tag}>")
        if page.tags.get("main", 0) > 1:
            fail("markup", f"{where}: more than one <main>")
        skip = page.first_link or {}
        if not (skip.get("href", "").startswith("#") and skip["href"][1:] in page.ids
                and "skip-link" in (skip.get("class") or "")):
            fail("markup", f"{where}: the first link is not a skip link to an element on the page ({skip.get('href')!r})")
        for fragment in page.fragment_links:
            if fragment and fragment not in page.ids:
                fail("markup", f"{where}: link to #{fragment}, which is not on the page")
        for attribute, ref in page.references:
            if ref not in page.ids:
                fail("markup", f"{where}: {attribute}={ref!r} names no element on the page")
        for term in page.term_links:
            if not term.get("aria-describedby") or not term.get("data-definition"):
                fail("markup", f"{where}: a term link without aria-describedby or data-definition: {term.get('href')}")
        for value in page.times:
            if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                fail("markup", f"{where}: <time> without a valid datetime ({value!r})")
        if path != "/" and 'class="breadcrumbs' not in text:
            fail("markup", f"{where}: no breadcrumbs")
        chrome = " ".join(page.chrome_text + page.labels)
        for match in ENGLISH.finditer(chrome):
            fail("danish", f"{where}: English interface text '{match.group(0)}'")
        for script in page.head_scripts:
            if "defer" not in script and "async" not in script and script.get("type") != "module":
                fail("scripts", f"{where}: render-blocking <script> in <head> ({script.get('src', 'inline')})")
        for tag, attribute, url in page.resources:
            if is_external(url):
                fail("requests", f"{where}: <{tag} {attribute}> loads from another origin: {url}")
        for style in page.inline_styles:
            for url in css_urls(style):
                if is_external(url):
                    fail("requests", f"{where}: inline style loads from another origin: {url}")
        # Weight: the HTML and every stylesheet and script it loads (images are counted apart).
        assets = [local_file(public, url, path) for tag, attribute, url in page.resources
                  if ((tag == "link" and url.endswith(".css")) or tag == "script") and not is_external(url)]
        for asset in assets:
            if not asset.is_file():
                fail("markup", f"{where}: {asset.relative_to(public)} is referenced but not in Public/")
            elif asset.suffix == ".css" and asset not in stylesheet_cache:
                css = asset.read_text(encoding="utf-8")
                stylesheet_cache[asset] = css
                for url in css_urls(css):
                    if is_external(url):
                        fail("requests", f"{asset.relative_to(public)}: loads from another origin: {url}")
        images = sum(local_file(public, url, path).stat().st_size for tag, attribute, url in page.resources
                     if tag == "img" and local_file(public, url, path).is_file())
        present = [a for a in set(assets) if a.is_file()]
        total = len(text.encode()) + sum(a.stat().st_size for a in present)
        compressed = len(gzip.compress(text.encode(), 9)) + sum(len(gzip.compress(a.read_bytes(), 9)) for a in present)
        weights.append((path, len(text.encode()), total, images, compressed))
    print(f"  {len(pages)} pages checked")
    print("== Weight of article pages (HTML + CSS + JS, uncompressed; images apart)")
    for path, html, total, images, compressed in weights:
        if path.startswith("/artikler/") and path != "/artikler/":
            marker = "ok" if total < ARTICLE_BUDGET else "FAIL"
            print(f"  {marker:4} {total / 1000:5.1f} KB  (HTML {html / 1000:.1f} KB; gzip {compressed / 1000:.1f} KB; "
                  f"images {images / 1000:.1f} KB)  {path}")
            if total >= ARTICLE_BUDGET:
                fail("weight", f"{path}: {total} bytes of HTML, CSS and JS (budget {ARTICLE_BUDGET})")
    heaviest = max(weights, key=lambda w: w[2])
    print(f"  heaviest page of all: {heaviest[0]} {heaviest[2] / 1000:.1f} KB")
    return weights


# 4. In the browser ----------------------------------------------------------------------------------------------

AXE_RUN = """
const done = arguments[arguments.length - 1];
const options = arguments[0];
axe.run(document, options).then(
  r => done(JSON.stringify({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})),
      passes: r.passes.length, incomplete: r.incomplete.map(v => v.id)})),
  e => done(JSON.stringify({error: String(e)})));
"""

FOCUS_STYLE = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e), r = e.getBoundingClientRect();
return {tag: e.tagName.toLowerCase(), text: (e.textContent || e.value || '').trim().slice(0, 40),
        href: e.getAttribute('href'), cls: e.className,
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        shadow: s.boxShadow !== 'none', width: r.width, height: r.height,
        visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0'};
"""

TOOLTIP_FIT = """
// For each term link: focus it and measure where its definition box (the ::after) lands.
const out = [];
for (const link of document.querySelectorAll('a.term')) {
  link.focus();
  const s = getComputedStyle(link, '::after');
  if (s.display === 'none' || s.visibility === 'hidden' || s.content === 'none') { out.push({href: link.getAttribute('href'), shown: false}); continue; }
  // Lay a probe over the pseudo-element's box: same position rules, measured as a real element.
  const probe = document.createElement('span');
  probe.textContent = link.dataset.definition;
  for (const p of ['position', 'left', 'right', 'top', 'bottom', 'width', 'max-width', 'padding', 'border', 'font-size',
                   'line-height', 'font-family', 'box-sizing', 'white-space', 'transform', 'translate', 'margin']) {
    probe.style.setProperty(p, s.getPropertyValue(p));
  }
  probe.style.display = 'block';
  probe.style.visibility = 'hidden';
  link.appendChild(probe);
  const r = probe.getBoundingClientRect();
  probe.remove();
  out.push({href: link.getAttribute('href'), shown: true, left: r.left, right: r.right, width: r.width});
  link.blur();
}
return out;
"""


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def is_redirect(file):
    return REFRESH.search(file.read_text(encoding="utf-8")[:2000]) is not None


def check_redirects(public, redirects):
    """Redirect pages (old addresses) are pages of their own, outside the layout: no header, menu or footer."""
    print("== Redirect pages: language, title, main, heading, canonical, noindex, a real target")
    for file, path in redirects:
        text = file.read_text(encoding="utf-8")
        page = Page(text)
        where = file.relative_to(public).as_posix()
        target = REFRESH.search(text).group(1)
        if page.lang != "da":
            fail("redirects", f"{where}: <html lang> is {page.lang!r}, not 'da'")
        if page.h1 != 1 or page.tags.get("main") != 1 or not re.search(r"<title>[^<]+</title>", text):
            fail("redirects", f"{where}: needs one <title>, one <main> and one h1")
        if '<meta name="robots" content="noindex">' not in text or '<link rel="canonical" href="' not in text:
            fail("redirects", f"{where}: needs <meta name=\"robots\" content=\"noindex\"> and a canonical link")
        if f'<a href="{target}">' not in text:
            fail("redirects", f"{where}: no visible link to {target}")
        target_file = local_file(public, target, path)
        if target.endswith("/"):
            target_file = target_file / "index.html"
        if not target_file.is_file():
            fail("redirects", f"{where}: points at {target}, which is not in Public/")
        elif is_redirect(target_file):
            fail("redirects", f"{where}: points at {target}, which is another redirect")
    print(f"  {len(redirects)} redirect pages checked")


# axe-core on a redirect page without its refresh (which would leave the page before axe runs), written into a page
# of the same site so its stylesheet loads as it would.
AXE_REDIRECT = """
document.open(); document.write(arguments[0]); document.close();
"""


PICTURE_BYTES = """
const done = arguments[arguments.length - 1];
// Wait for the load event and a moment more (lazy pictures near the screen are fetched after layout).
const settle = () => setTimeout(() => {
  const pictures = performance.getEntriesByType('resource').filter(e => e.initiatorType === 'img' ||
      /\\.(jpe?g|png|webp|avif|gif|svg)$/.test(new URL(e.name).pathname));
  let shift = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(JSON.stringify({shift,
      pictures: pictures.map(e => ({url: new URL(e.name).pathname, bytes: e.encodedBodySize || e.transferSize}))})), 50);
}, 500);
if (document.readyState === 'complete') settle(); else addEventListener('load', settle);
"""


def picture_weights(driver, server, pages):
    """What an article page's pictures cost a reader when it opens: the bytes Chromium downloads for them on a
    phone and a desktop (no scrolling, an empty cache), and the layout shift while they arrive."""
    print("== Pictures an article page downloads when it opens (empty cache, no scrolling)")
    articles = [path for file, path in pages if path.startswith("/artikler/") and path != "/artikler/"]
    for name, width, height, ratio, budget in PICTURE_SCREENS:
        heaviest = (0, None)
        for path in articles:
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get("about:blank")
            site_browser.emulate(driver, width=width, height=height, mobile=width < 600, scale=ratio)
            driver.get(server.origin + path)
            report = json.loads(driver.execute_async_script(PICTURE_BYTES))
            total = sum(p["bytes"] for p in report["pictures"])
            heaviest = max(heaviest, (total, path), key=lambda t: t[0])
            if report["pictures"]:
                files = ", ".join(f"{p['url'].rsplit('/', 1)[-1]} {p['bytes'] / 1000:.1f} KB" for p in report["pictures"])
                print(f"  {'ok' if total <= budget else 'FAIL':4} {name} {width} px ×{ratio}: {total / 1000:5.1f} KB  {path}  ({files})")
            if total > budget:
                fail("pictures", f"{path}: {total} bytes of pictures on a {width} px {name} at ×{ratio} (budget {budget})")
            if report["shift"] > 0:
                fail("layout-shift", f"{path}: layout shift {report['shift']:.4f} on a {width} px {name} while it loads")
        print(f"  {name}: heaviest {heaviest[0] / 1000:.1f} KB of {budget / 1000:.0f} KB ({heaviest[1]}); layout shift checked")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def browser_checks(public, pages, axe_source, redirects=()):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    print("== Headless Chromium: axe-core, 320 px, requests, console, keyboard")
    results = {"pages": 0, "serious": 0, "critical": 0, "moderate": 0, "minor": 0, "dark": 0}
    axe_version = re.search(r"axe v([\d.]+)", axe_source[:200])
    with site_browser.SiteServer(public) as server:
        driver = site_browser.start_chromium(logging=True)
        try:
            print(f"  Chromium {driver.capabilities.get('browserVersion')}, axe-core "
                  f"{axe_version.group(1) if axe_version else '?'}, site at {server.origin}")
            driver.execute_cdp_cmd("Network.enable", {})
            seen_moderate = {}
            tooltips = 0
            for file, path in pages:
                url = server.origin + path
                driver.get_log("performance")  # forget the requests of the page before
                driver.get_log("browser")
                driver.get(url)
                driver.execute_script(axe_source)
                for dark in (False, True):
                    site_browser.emulate(driver, dark=dark)
                    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
                    if dark:
                        options = {"resultTypes": ["violations"],
                                   "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
                    report = json.loads(driver.execute_async_script(AXE_RUN, options))
                    if "error" in report:
                        fail("axe", f"{path}: axe-core failed: {report['error']}")
                        continue
                    for violation in report["violations"]:
                        impact = violation["impact"] or "minor"
                        label = f"{path}{' (dark)' if dark else ''}: axe {impact} {violation['id']}: {violation['help']}"
                        if impact in ("serious", "critical"):
                            results[impact] += 1
                            results["dark"] += dark
                            fail("axe", label)
                            for node in violation["nodes"][:5]:
                                print(f"         {node['target']}: {(node['summary'] or '').splitlines()[-1].strip()}")
                        else:
                            results[impact] += 1
                            seen_moderate.setdefault(violation["id"], []).append(path)
                            print(f"  note {label} ({len(violation['nodes'])} elements)")
                site_browser.emulate(driver, dark=False)
                # No horizontal scrolling at 320 px (a phone held upright, or 1280 px at 400 % zoom).
                site_browser.emulate(driver, width=320, height=640, mobile=True)
                overflow = driver.execute_script(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                    " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right >"
                    " document.documentElement.clientWidth + 1).slice(0, 3).map(e => e.tagName + '.' + e.className)]")
                if overflow[0] > overflow[1]:
                    fail("320px", f"{path}: scrolls sideways at 320 px ({overflow[0]} px wide; {overflow[2]})")
                # Every term definition, shown by keyboard focus, fits the window (phone, tablet, small laptop).
                if driver.execute_script("return document.querySelector('a.term') !== null"):
                    for width in (320, 768, 1024):
                        site_browser.emulate(driver, width=width, height=700, mobile=width < 600)
                        for tip in driver.execute_script(TOOLTIP_FIT):
                            if not tip["shown"]:
                                fail("definitions", f"{path}: the definition of {tip['href']} is not shown on keyboard focus")
                            elif tip["left"] < 0 or tip["right"] > width:
                                fail("definitions", f"{path}: the definition of {tip['href']} does not fit a {width} px window "
                                     f"({tip['left']:.0f}–{tip['right']:.0f} px)")
                        tooltips += 1
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                # Every request the page made went to this server.
                for entry in driver.get_log("performance"):
                    message = json.loads(entry["message"])["message"]
                    if message.get("method") == "Network.requestWillBeSent":
                        requested = message["params"]["request"]["url"]
                        if requested.startswith(("http:", "https:", "ws:", "wss:")) and \
                                not requested.startswith(server.origin + "/"):
                            fail("requests", f"{path}: requested {requested} (another origin)")
                for entry in driver.get_log("browser"):
                    if entry.get("level") == "SEVERE":
                        fail("console", f"{path}: console error: {entry.get('message')}")
                results["pages"] += 1

            for file, path in redirects:
                driver.get(server.origin + "/404.html")
                driver.execute_script(AXE_REDIRECT, REFRESH.sub("", file.read_text(encoding="utf-8")))
                driver.execute_script(axe_source)
                report = json.loads(driver.execute_async_script(AXE_RUN, {"resultTypes": ["violations"]}))
                for violation in report.get("violations", []):
                    impact = violation["impact"] or "minor"
                    if impact in ("serious", "critical"):
                        results[impact] += 1
                        fail("axe", f"{path} (redirect page): axe {impact} {violation['id']}: {violation['help']}")
                    else:
                        results[impact] += 1
                        print(f"  note {path} (redirect page): axe {impact} {violation['id']}: {violation['help']}")
                results["pages"] += 1
            print(f"  term definitions measured on {tooltips // 3} pages at 320, 768 and 1024 px")
            picture_weights(driver, server, pages)
            # The skip link: first Tab shows it, Enter moves focus to <main>.
            driver.get(server.origin + "/")
            ActionChains(driver).send_keys(Keys.TAB).perform()
            first = driver.execute_script(
                "const e = document.activeElement, r = e.getBoundingClientRect();"
                "return [e.className, r.top >= 0 && r.bottom <= innerHeight && r.width > 0]")
            if first != ["skip-link", True]:
                fail("skip-link", f"/: the first Tab does not show the skip link ({first})")
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            if driver.execute_script("return document.activeElement.id") != "hovedindhold":
                fail("skip-link", "/: the skip link does not move focus to <main>")
            else:
                print("  skip link: shown on the first Tab, Enter moves focus to <main>")

            # Visible focus on everything Tab reaches, on pages with every kind of control.
            featured = re.search(r'class="card card-featured".*?href="([^"]+)"', (public / "index.html")
                                 .read_text(encoding="utf-8"), re.S)
            explainer = featured.group(1) if featured else None
            term = next((p for f, p in pages if p.startswith("/ordforklaringer/") and p != "/ordforklaringer/"), None)
            for path in [p for p in ("/", explainer, "/ordforklaringer/", term, "/soeg/", "/emner/") if p]:
                driver.get(server.origin + path)
                reached, invisible = 0, []
                for _ in range(400):
                    ActionChains(driver).send_keys(Keys.TAB).perform()
                    state = driver.execute_script(FOCUS_STYLE)
                    if state is None:
                        break
                    if reached and state.get("cls") == "skip-link":
                        break
                    reached += 1
                    if not state["visible"] or not (state["outline"] or state["shadow"]):
                        invisible.append(state)
                    if state["width"] < 24 and state["height"] < 24 and "term" not in str(state["cls"]):
                        # WCAG 2.2 target size; axe's target-size rule judges spacing, this is a second look.
                        pass
                for state in invisible[:10]:
                    fail("focus", f"{path}: focus is not visible on <{state['tag']}> {state['text']!r} ({state['href']})")
                print(f"  focus: {reached} stops by Tab on {path}, {len(invisible)} without a visible indicator")
        finally:
            driver.quit()
    print(f"  axe-core on {results['pages']} pages (light, and dark for colour): {results['critical']} critical, "
          f"{results['serious']} serious ({results['dark']} in dark mode), {results['moderate']} moderate, "
          f"{results['minor']} minor")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public", default="Public")
    parser.add_argument("--templates", default="Templates")
    parser.add_argument("--vnu", required=True, help="path to vnu.jar")
    parser.add_argument("--axe", required=True, help="path to axe.min.js")
    args = parser.parse_args()
    public = Path(args.public)
    started = time.monotonic()
    pages = site_browser.page_paths(public)
    if not pages:
        sys.exit(f"error: no HTML files in {public}/ (build the site first)")
    redirects = [(file, path) for file, path in pages if is_redirect(file)]
    pages = [(file, path) for file, path in pages if (file, path) not in redirects]
    vnu = run_vnu(public, args.vnu)
    check_contrast(Path(args.templates))
    check_templates(Path(args.templates))
    weights = check_pages(public, pages)
    check_redirects(public, redirects)
    axe = browser_checks(public, pages, Path(args.axe).read_text(encoding="utf-8"), redirects)
    article = max((w for w in weights if w[0].startswith("/artikler/") and w[0] != "/artikler/"),
                  key=lambda w: w[2], default=None)
    print("== Summary")
    print(f"  pages: {len(pages)}; vnu: {vnu['errors']} errors, {vnu['warnings']} warnings; axe-core: "
          f"{axe['critical']} critical, {axe['serious']} serious, {axe['moderate']} moderate, {axe['minor']} minor; "
          f"heaviest article: {article[2] / 1000:.1f} KB of {ARTICLE_BUDGET / 1000:.0f} KB"
          if article else "")
    print(f"  {time.monotonic() - started:.0f} s")
    failed = [check for check, problems in CHECKS.items() if problems]
    for check in failed:
        print(f"  {check}: {CHECKS[check]} problem(s)")
    print(f"check-site: {len(CHECKS) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
