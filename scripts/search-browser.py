#!/usr/bin/env python3
"""The search page in headless Chromium, on a built site served over HTTP (scripts/site_browser.py): every query of
scripts/search-inflections.json opened as /soeg/?q=… must show results (one link per result in #soegeresultater,
the query's words marked in most), the term's page among them; typing shows results too; and the requests each query made
are listed (the manifest, shards and fragments it loaded).

    scripts/search-browser.sh                 # Public/
    scripts/search-browser.sh /dev/shm/out helhedsplan "tryghed kvinder"   # another site; only these queries
"""
import json
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import site_browser  # noqa: E402

RESULTS = """
const region = document.getElementById('soegeresultater');
const status = region.querySelector('.search-status');
return status && !/kunne ikke/.test(status.textContent) ? {
  status: status.textContent,
  titles: [...region.querySelectorAll('li h2 a')].map(a => a.textContent),
  links: region.querySelectorAll('a').length,
  items: region.querySelectorAll('li').length,
  marks: region.querySelectorAll('mark').length,
  loaded: performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '')).filter(n => n.includes('/soeg/')),
} : null;
"""


def wait_for_results(driver, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        found = driver.execute_script(RESULTS)
        if found:
            return found
        time.sleep(0.05)
    return None


def main():
    public = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("Public")
    if len(sys.argv) > 2:
        queries = [{"query": q} for q in sys.argv[2:]]
    else:
        queries = json.loads((Path(__file__).parent / "search-inflections.json").read_text(encoding="utf-8"))["queries"]
    failures, unmarked = [], []
    with site_browser.SiteServer(public) as server:
        driver = site_browser.start_chromium()
        try:
            for case in queries:
                query = case["query"]
                driver.get(server.origin + "/soeg/?q=" + urllib.parse.quote(query))
                found = wait_for_results(driver)
                if not found or found["items"] == 0:
                    failures.append(f"{query}: no results ({found and found['status']})")
                    continue
                if found["links"] != found["items"]:
                    failures.append(f"{query}: {found['items']} results but {found['links']} links")
                if found["marks"] == 0:
                    unmarked.append(query)  # found through a form the shown text does not use (an alias's)
                if case.get("term") and case["term"] not in found["titles"]:
                    failures.append(f"{query}: the term {case['term']!r} is not among {found['titles']}")
                print(f"  {query}: {found['status']} {found['items']} shown, {found['marks']} marked; loaded {len(found['loaded'])} "
                      f"index files")
            # Typing: results as the reader types, and the address follows.
            driver.get(server.origin + "/soeg/")
            field = driver.find_element("id", "soegefelt")
            field.send_keys(queries[0]["query"])
            found = wait_for_results(driver)
            if not found or found["items"] == 0:
                failures.append("typing: no results")
            elif "q=" not in driver.current_url:
                failures.append("typing: the address does not hold the query")
            else:
                print(f"  typing {queries[0]['query']!r}: {found['status']}")
        finally:
            driver.quit()
    if unmarked:
        print(f"  no word marked (matched through a form not shown): {', '.join(unmarked)}")
    if len(unmarked) * 4 > len(queries):
        failures.append(f"{len(unmarked)} of {len(queries)} queries show no marked word")
    for failure in failures:
        print("FAIL " + failure)
    print(f"search in Chromium: {len(queries)} queries, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
