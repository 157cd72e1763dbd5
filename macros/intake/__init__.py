"""Report intake: how a clerk's report arrives (workbook, web form), the template it is typed into, and what a
change does to the published reports and statuses."""
