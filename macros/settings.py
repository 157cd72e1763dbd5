"""Every setting of the data layer, in one place. Plain constants: the stages import what they need from here.

Settings specific to one commune (its name, province, licence) are data, in data/xa.yml; these are the rules the
site applies to any commune's plan.
"""

from __future__ import annotations

import datetime as dt

# The plan's years (its period, the term, the mid-term review) are the plan's own: data/ke-hoach.yml, `giai_doan`.

# Plan pages: a part longer than this many characters gets one page per subsection, so phones get pages of
# readable length.
SPLIT_PAGE_CHARS = 12000

# Change feeds (/feed.xml, /rss.xml) and the page "Có gì mới" carry the latest entries only; the full history is in
# /du-lieu/cap-nhat.csv.
FEED_LIMIT = 100
PAGE_LIMIT = 100
HOME_NEWS = 5  # the latest changes on the home page; "Có gì mới" has the rest

# Vietnamese formats (Babel/CLDR) and the time zone of the commune: feed dates are days in Việt Nam.
LOCALE = "vi_VN"
TIMEZONE = dt.timezone(dt.timedelta(hours=7))

# The inline SVG chart of a target page, in SVG user units.
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 320, 160, 28
