"""Size and load time of the HTML report for 100 pages (not a test).

    python bench/html_report.py                  # 100 pages of about 1,000 words
    python bench/html_report.py --files 100 --words 100000 --runs 5

Writes the report of a generated corpus with ``lintcare check --format html``, prints its
size, then opens it in headless Chromium (system chromium + chromedriver, through Selenium)
and prints the time to the load event of each run. Goals: under 3 MB, under 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402


def load_times(report: Path, runs: int) -> list[float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome") or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        times = []
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(report.as_uri())  # returns after the load event
            timing = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return [n.loadEventEnd, n.domContentLoadedEventEnd,"
                "        document.querySelectorAll('tr.row').length];")
            times.append(timing[0] / 1000)
            print(f"  load event {timing[0]:.0f} ms, DOMContentLoaded {timing[1]:.0f} ms, "
                  f"{timing[2]} findings in the page")
        return times
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        words = generate(corpus, args.files, args.words)
        report = Path(tmp) / "report.html"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lintcare", "check", "--no-cache", "--format", "html",
                        "--output", str(report), str(corpus)], check=False)
        took = time.perf_counter() - start
        size = report.stat().st_size
        print(f"{args.files} pages, {words} words: report {size / 1e6:.2f} MB "
              f"({'under' if size < 3e6 else 'OVER'} 3 MB), written in {took:.1f} s")
        times = load_times(report, args.runs)
        best = min(times)
        print(f"load event: best {best:.2f} s, worst {max(times):.2f} s "
              f"({'under' if max(times) < 2 else 'OVER'} 2 s)")


if __name__ == "__main__":
    main()
