"""Shared by check-site.py and screenshots.py: serve Public/ on 127.0.0.1 and drive Debian's headless Chromium.

Nothing here reaches the network: the server listens on a free loopback port, and Chromium is started with
background networking, sync and component updates off.
"""
import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".webp": "image/webp",
        ".xml": "application/xml",
    }

    def log_message(self, *args):
        pass


class SiteServer:
    """`python3 -m http.server` on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, root: Path):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def page_paths(public: Path):
    """Every HTML file in Public/, as (file, site path), sorted, the front page first."""
    files = sorted(public.rglob("*.html"), key=lambda f: (f != public / "index.html", str(f)))
    result = []
    for file in files:
        rel = file.relative_to(public).as_posix()
        path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        result.append((file, path))
    return result


def chromium_binary():
    for candidate in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("error: Chromium is not installed (apt-get install chromium chromium-driver)")


def start_chromium(width=1280, height=900, logging=False):
    """Headless Chromium through chromedriver; exits with a clear message if it cannot start."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.access(driver_path, os.X_OK):
        sys.exit("error: chromedriver is not installed (apt-get install chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
        f"--window-size={width},{height}", "--lang=da-DK", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-features=Translate,OptimizationHints,MediaRouter", "--metrics-recording-only",
        "--force-color-profile=srgb",
    ):
        options.add_argument(argument)
    if logging:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    except Exception as error:  # selenium raises several kinds; all mean the same here
        sys.exit(f"error: headless Chromium did not start through {driver_path}: {str(error).strip().splitlines()[0]}")
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    return driver


def emulate(driver, width=None, height=None, dark=None, mobile=None, scale=1):
    """Viewport, device pixel ratio (`scale`) and prefers-color-scheme through the DevTools protocol (None leaves a
    setting as it is)."""
    if width is not None:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height or 800, "deviceScaleFactor": scale,
            "mobile": bool(mobile if mobile is not None else width < 600),
        })
    if dark is not None:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}],
        })
