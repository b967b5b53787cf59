#!/usr/bin/env python3
"""Full-page screenshots of the built site in headless Chromium, for a person to look at. Run through
scripts/screenshots.sh. Writes PNGs named <page>-<width>[-dark][-<state>].png into the output folder:

- the front page, the explainer article, the glossary, a term page and the first article with a photo at 390 and
  1280 px, light and dark;
- the explainer with a glossary term link focused by the keyboard (its definition showing), at 390 and 1280 px;
- the front page with the skip link focused (first Tab), at 390 px;
- the search page with results, the article list, the emner page and the 404 page at 390 and 1280 px;
- the explainer printed (print media) at 1280 px.
Pages taller than 1920 px are also saved in parts of 1600 px (<name>.del1.png, …).
"""
import argparse
import base64
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(Path(__file__).resolve().parent))
import site_browser  # noqa: E402

SEGMENT = 1600


def capture(driver, file, width, full_page=True, height=900):
    site_browser.emulate(driver, width=width, height=height)
    if full_page:
        # Lazy pictures below the first screen: shown in a full-page shot once the page is that tall; wait for them.
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight); window.scrollTo(0, 0)")
        content = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        height = min(int(content["height"]) + 1, 16000)
        site_browser.emulate(driver, width=width, height=height)
        driver.execute_async_script("const done = arguments[0]; const wait = () => [...document.images].every(i => i.complete)"
                                    " ? setTimeout(done, 100) : setTimeout(wait, 100); wait();")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    file.write_bytes(base64.b64decode(shot["data"]))
    print(f"  {file} ({width}×{height})")
    # Tall pages also in parts of at most SEGMENT px, which an image viewer shows without shrinking them to nothing.
    if height > SEGMENT * 1.2:
        for number, top in enumerate(range(0, height, SEGMENT), start=1):
            clip = {"x": 0, "y": top, "width": width, "height": min(SEGMENT, height - top), "scale": 1}
            part = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip})
            file.with_name(f"{file.stem}.del{number}.png").write_bytes(base64.b64decode(part["data"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public", default="Public")
    parser.add_argument("--out", default="/tmp/helhed-shots")
    parser.add_argument("--term", default=None, help="site path of the term page (default: the first with a body)")
    args = parser.parse_args()
    public = Path(args.public)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = (public / "index.html").read_text(encoding="utf-8")
    featured = re.search(r'class="card card-featured".*?href="([^"]+)"', home, re.S)
    explainer = featured.group(1) if featured else "/artikler/"
    term = args.term or "/ordforklaringer/helhedsplan/"
    pages = {"forside": "/", "artikel": explainer, "ordforklaringer": "/ordforklaringer/", "ord": term}
    # The first article that shows a processed picture (<picture>), if any.
    for file in sorted((public / "artikler").glob("*/index.html")):
        if "<picture>" in file.read_text(encoding="utf-8"):
            pages["billede"] = "/artikler/" + file.parent.name + "/"
            break
    with site_browser.SiteServer(public) as server:
        driver = site_browser.start_chromium()
        try:
            for name, path in pages.items():
                for dark in (False, True):
                    for width in (390, 1280):
                        site_browser.emulate(driver, width=width, height=900, dark=dark)
                        driver.get(server.origin + path)
                        capture(driver, out / f"{name}-{width}{'-dark' if dark else ''}.png", width)
            # The other kinds of page, light, at both widths.
            extra = {"soeg": "/soeg/?q=helhedsplan", "artikler": "/artikler/", "emner": "/emner/", "404": "/404.html"}
            for name, path in extra.items():
                for width in (390, 1280):
                    site_browser.emulate(driver, width=width, height=900, dark=False)
                    driver.get(server.origin + path)
                    if name == "soeg":
                        driver.execute_script("return new Promise(r => setTimeout(r, 500))")
                    capture(driver, out / f"{name}-{width}.png", width)
            # A term link focused by the keyboard: Tab until focus reaches one, screenshot the viewport around it.
            from selenium.webdriver.common.action_chains import ActionChains
            from selenium.webdriver.common.keys import Keys
            for dark in (False, True):
                for width in (390, 1280):
                    site_browser.emulate(driver, width=width, height=700, dark=dark)
                    driver.get(server.origin + explainer)
                    for _ in range(200):
                        ActionChains(driver).send_keys(Keys.TAB).perform()
                        if driver.execute_script("return document.activeElement.classList.contains('term')"):
                            break
                    # Tab to the term link nearest the right edge of the prose column, where a definition is most
                    # likely to be cut off.
                    target = driver.execute_script("""
                        const links = [...document.querySelectorAll('a.term')];
                        links.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
                        return links.indexOf(document.activeElement) >= 0 ? links[0].getAttribute('href') : null""")
                    for _ in range(200):
                        if driver.execute_script("return document.activeElement.getAttribute('href')") == target:
                            break
                        ActionChains(driver).send_keys(Keys.TAB).perform()
                    driver.execute_script("document.activeElement.scrollIntoView({block: 'center', behavior: 'instant'})")
                    capture(driver, out / f"artikel-{width}{'-dark' if dark else ''}-fokus-ord.png", width,
                            full_page=False, height=700)
            site_browser.emulate(driver, width=390, height=700, dark=False)
            driver.get(server.origin + "/")
            ActionChains(driver).send_keys(Keys.TAB).perform()
            capture(driver, out / "forside-390-fokus-spring.png", 390, full_page=False, height=700)
            # Print.
            site_browser.emulate(driver, width=1280, height=900, dark=False)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            driver.get(server.origin + explainer)
            capture(driver, out / "artikel-1280-print.png", 1280)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        finally:
            driver.quit()
    print(f"screenshots in {out}/")


if __name__ == "__main__":
    main()
