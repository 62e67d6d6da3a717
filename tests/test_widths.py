"""Widths: the pages fit a 1,400 px screen and a 390 px phone, in Chromium, on the embedded demo.

The app starts as a newcomer starts it (tests/test_newcomer.py: a fresh copy of the repository, `streamlit run
app.py` with no DATABASE_URL, so the first start fills its data/teeka.db with the demo). At 1,400 and 390 px wide,
the public summary and verify pages, and the officer's overview, district pace and data quality (signed in with
the demo account), must not scroll sideways: the main block's scrollWidth is at most its clientWidth (+1 px), no
metric card, table or chart reaches past the main block's right edge, no card's label, value or note is cut off
(an ellipsis), no chart's x-axis tick labels run into its axis title, and at 1,400 px no table scrolls sideways
inside itself (at 390 px a table may). A screenshot of each page at each width goes to
tests/screenshots/widths-<page>-<width>.png (git-ignored).

Skipped like tests/test_browser.py when Chromium is absent (a failure on CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from data.accounts.users import DEMO_ACCOUNTS
from stats.labels import t
from tests.test_browser import (  # noqa: F401  (browser and chromium are fixtures)
    PAGE_WAIT_MS,
    SCREENSHOTS,
    Server,
    browser,
    chromium,
    exceptions,
    go_to,
    new_page,
    open_page,
    wait_for_app_run,
)
from tests.test_newcomer import FIRST_START_S, newcomer  # noqa: F401  (newcomer is a fixture)

pytestmark = pytest.mark.browser

WIDTHS = (1400, 390)
HEIGHT = 900
MAX_SCREENSHOT_HEIGHT = 8000
TOLERANCE_PX = 1
PUBLIC = ("summary", "verify")
STAFF = ("overview", "district_pace", "data_quality")
TABLES = {"summary": 6, "verify": 0, "overview": 1, "district_pace": 5, "data_quality": 2}
"""The tables each page shows on the demo's last day (outside hidden tabs): fewer measured means some not drawn."""
CHARTS = {"summary": 2, "verify": 0, "overview": 4, "district_pace": 2, "data_quality": 1}
"""The charts each page shows on the demo's last day (outside hidden tabs), drawn before anything is measured."""
OFFICER = next(account for account in DEMO_ACCOUNTS if account.username == "officer")

MEASURE = """(tolerance) => {
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  const outer = document.querySelector('[data-testid=stMain]');
  const right = main.getBoundingClientRect().right;
  const name = (el) => (el.innerText || el.getAttribute('data-testid') || '').split('\\n')[0].trim().slice(0, 60);
  const beyond = [];
  for (const id of ['stMetric', 'stDataFrame', 'stTable', 'stPlotlyChart']) {
    for (const el of main.querySelectorAll(`[data-testid=${id}]`)) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > right + tolerance) beyond.push(`${id} '${name(el)}' ends at ${box.right}`);
    }
  }
  const cut = [];
  for (const id of ['stMetricLabel', 'stMetricValue', 'stMetricDelta']) {
    for (const el of main.querySelectorAll(`[data-testid=${id}]`)) {
      for (const part of [el, ...el.querySelectorAll('*')]) {
        if (part.clientWidth > 0 && part.scrollWidth > part.clientWidth + tolerance) {
          cut.push(`${id} ${name(el)} (${part.scrollWidth} > ${part.clientWidth})`);
          break;
        }
      }
    }
  }
  const scrolling = [];
  const tables = [];
  for (const el of main.querySelectorAll('[data-testid=stDataFrame]')) {
    const scroller = el.querySelector('.dvn-scroller');
    if (!el.getClientRects().length) continue;  // in a hidden tab
    if (!scroller || scroller.clientWidth === 0) {
      scrolling.push(`${name(el)} (not drawn)`);
      continue;
    }
    tables.push(`${scroller.scrollWidth}/${scroller.clientWidth}`);
    if (scroller.scrollWidth > scroller.clientWidth + tolerance) {
      scrolling.push(`${name(el)} (${scroller.scrollWidth} > ${scroller.clientWidth})`);
    }
  }
  const overlaps = [];
  for (const el of main.querySelectorAll('[data-testid=stPlotlyChart]')) {
    const title = el.querySelector('.g-xtitle text, .xtitle');
    const ticks = [...el.querySelectorAll('.xaxislayer-above .xtick text')].map((t) => t.getBoundingClientRect());
    if (!title || !ticks.length || !title.getClientRects().length) continue;
    const top = title.getBoundingClientRect().top;
    const bottom = Math.max(...ticks.map((box) => box.bottom));
    if (bottom > top + tolerance) overlaps.push(`${name(el)} (ticks end at ${bottom}, the title starts at ${top})`);
  }
  return {
    overlaps: overlaps,
    block: [main.scrollWidth, main.clientWidth],
    main: [outer.scrollWidth, outer.clientWidth],
    beyond: beyond,
    cut: cut,
    scrolling: scrolling,
    tables: tables,
  };
}"""


DRAWN = """([tables, charts]) => {
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  if (!main || main.querySelector('[data-testid=stSkeleton]')) return false;
  const shown = (id) => [...main.querySelectorAll(`[data-testid=${id}]`)].filter((el) => el.getClientRects().length);
  const wide = (el, selector) => (el.querySelector(selector)?.getBoundingClientRect().width ?? 0) > 0;
  const drawn = shown('stDataFrame').filter((el) => wide(el, '.dvn-scroller'));
  const plotted = shown('stPlotlyChart').filter((el) => wide(el, '.main-svg'));
  return drawn.length >= tables && plotted.length >= charts;
}"""
"""At least the page's tables and charts drawn (outside hidden tabs): their code loads lazily, and until then each is
a grey box."""


def shoot(page, name: str, width: int) -> Path:
    """The whole page at this width: the viewport stretched to the main area's height (it scrolls inside)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    height = page.evaluate(
        "() => Math.max(...['stMain', 'stMainBlockContainer']"
        ".map(id => document.querySelector(`[data-testid=${id}]`)?.scrollHeight ?? 0))"
    )
    page.set_viewport_size({"width": width, "height": min(max(height, HEIGHT), MAX_SCREENSHOT_HEIGHT)})
    path = SCREENSHOTS / f"widths-{name}-{width}.png"
    try:
        page.wait_for_timeout(500)
        page.screenshot(path=path, full_page=True, animations="disabled")
    finally:
        page.set_viewport_size({"width": width, "height": HEIGHT})
    return path


def measure(page, name: str, width: int, problems: list[str], figures: dict[str, str]) -> None:
    """At this width: the sizes, and what sticks out, is cut off or scrolls inside where it should not."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.wait_for_load_state("networkidle")  # the tables' and charts' code fetched (a grey box until then)
    page.wait_for_function(DRAWN, arg=[TABLES[name], CHARTS[name]], timeout=PAGE_WAIT_MS)
    page.wait_for_timeout(1000)  # charts and tables follow the new width
    found = page.evaluate(MEASURE, TOLERANCE_PX)
    scroll, client = found["block"]
    figures[f"{name} {width}"] = (
        f"block {scroll}/{client}, main {found['main'][0]}/{found['main'][1]}, tables {' '.join(found['tables'])}"
    )
    where = f"{name} at {width} px"
    boxes = exceptions(page)
    if boxes:
        problems.append(f"{where}: exception box(es): {boxes}")
    for outer, label in ((found["block"], "main block"), (found["main"], "main area")):
        if outer[0] > outer[1] + TOLERANCE_PX:
            problems.append(f"{where}: the {label} scrolls sideways (scrollWidth {outer[0]} > clientWidth {outer[1]})")
    problems.extend(f"{where}: past the right edge: {item}" for item in found["beyond"])
    problems.extend(f"{where}: a card's text cut off: {item}" for item in found["cut"])
    problems.extend(f"{where}: a chart's date ticks run into its axis title: {item}" for item in found["overlaps"])
    if len(found["tables"]) < TABLES[name]:
        problems.append(f"{where}: {len(found['tables'])} tables drawn, expected {TABLES[name]}")
    if width >= 1000:
        problems.extend(f"{where}: a table scrolls sideways: {item}" for item in found["scrolling"])
    shoot(page, name, width)


def test_pages_fit_a_wide_screen_and_a_phone(browser, newcomer: Server) -> None:  # noqa: F811
    problems: list[str] = []
    figures: dict[str, str] = {}
    with new_page(browser) as page:
        page.set_default_timeout(FIRST_START_S * 1000)
        for module in PUBLIC:
            open_page(page, f"{newcomer.url}/{module}")  # the first one fills the demo database
            for width in WIDTHS:
                measure(page, module, width, problems, figures)
        page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        open_page(page, f"{newcomer.url}/sign_in")
        main = page.get_by_test_id("stMain")
        main.get_by_label(t("workspace.username"), exact=True).fill(OFFICER.username)
        main.get_by_label(t("workspace.password"), exact=True).fill(OFFICER.password)
        main.get_by_role("button", name=t("workspace.submit"), exact=True).click()
        wait_for_app_run(page)
        for module in STAFF:
            page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
            go_to(page, module)  # from the sidebar: a page load would sign out
            for width in WIDTHS:
                measure(page, module, width, problems, figures)
    print("\n".join(f"{name}: {sizes}" for name, sizes in figures.items()))
    assert not problems, "\n".join(["Pages that do not fit:", *problems, "", newcomer.logs()])


SYNTHETIC = """
<div data-testid="stMain" style="width: 400px">
  <div data-testid="stMainBlockContainer" style="width: 300px; overflow-x: auto">
    <div data-testid="stMetric" style="width: 200px">
      <div data-testid="stMetricLabel" style="width: 80px; overflow: hidden; text-overflow: ellipsis;
        white-space: nowrap">A label much too long for its card</div>
      <div data-testid="stMetricValue">12,345</div>
    </div>
    <div data-testid="stDataFrame" style="width: 280px">
      <div class="dvn-scroller" style="width: 280px; overflow-x: auto"><div style="width: 900px">wide</div></div>
    </div>
    <div data-testid="stPlotlyChart" style="width: 360px">chart
      <svg width="300" height="100"><g class="xaxislayer-above"><g class="xtick"><text x="10" y="60">1 June</text></g>
        </g><g class="g-xtitle"><text class="xtitle" x="10" y="64">Date</text></g></svg>
    </div>
  </div>
</div>
"""


def test_the_measure_sees_what_sticks_out_is_cut_off_or_scrolls(browser) -> None:  # noqa: F811
    """The checks above can fail: on a made-up page, a chart past the block's edge (which then scrolls), a cut-off
    card label, a table scrolling inside and tick labels running into the axis title are each found."""
    with new_page(browser) as page:
        page.set_content(f"<body style='margin: 0'>{SYNTHETIC}</body>")
        found = page.evaluate(MEASURE, TOLERANCE_PX)
    assert found["block"] == [360, 300]
    assert found["beyond"] == ["stPlotlyChart 'chart' ends at 360"]
    assert len(found["cut"]) == 1 and found["cut"][0].startswith("stMetricLabel A label much too long")
    assert found["scrolling"] == ["wide (900 > 280)"]
    assert found["tables"] == ["900/280"]
    assert len(found["overlaps"]) == 1 and found["overlaps"][0].startswith("chart (ticks end at")
