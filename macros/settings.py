"""Every setting of the data layer, in one place. Plain constants: the stages import what they need from here.

Settings specific to one commune (its name, province, licence) are data, in data/xa.yml; these are the rules the
site applies to any commune's plan.
"""

from __future__ import annotations

import datetime as dt

# The term: years a target's deadline or a baseline may name (nhiệm kỳ 2025–2030).
TERM_FIRST_YEAR, TERM_LAST_YEAR = 2025, 2030
# The plan's reporting period when data/ke-hoach.yml does not give one (mục V.1: giai đoạn 2026-2030).
DEFAULT_PERIOD_SPAN = (2026, 2030)
# The mid-term review (mục V.5) and the page that shows it.
MIDTERM_YEAR = 2028

# Plan pages: a part longer than this many characters gets one page per subsection, so phones get pages of
# readable length.
SPLIT_PAGE_CHARS = 12000

# Change feeds (/feed.xml, /rss.xml) and the page "Có gì mới" carry the latest entries only; the full history is in
# /du-lieu/cap-nhat.csv.
FEED_LIMIT = 100
PAGE_LIMIT = 100

# Vietnamese formats (Babel/CLDR) and the time zone of the commune: feed dates are days in Việt Nam.
LOCALE = "vi_VN"
TIMEZONE = dt.timezone(dt.timedelta(hours=7))

# The inline SVG chart of a target page, in SVG user units.
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 320, 160, 28
