"""A correction: a report that replaces the one already sent for the same target and period (hamlet included).

Every route marks it the same way, so the check, the model and the reviewer's summary recognise it whatever file it
comes from: its note (`ghi_chu`) begins with "Sửa:" and gives the reason. The web form asks for it in words (a
"Loại báo cáo" drop-down and a "Lý do sửa" field) and writes that note.
"""

from __future__ import annotations

MARK = "Sửa:"
NEW_REPORT, CORRECTION = "Báo cáo mới", "Sửa báo cáo đã gửi"  # the web form's answers to "Loại báo cáo"


def reason(note) -> str | None:
    """The reason a note gives for a correction ("" when nothing follows "Sửa:"); None when the note does not
    mark a correction."""
    if not isinstance(note, str) or not note.strip().startswith(MARK):
        return None
    return note.strip().removeprefix(MARK).strip()


def note(reason_text: str, clerk_note: str | None = None) -> str:
    """The note of a correction: "Sửa: <reason>", then the clerk's own note about the new numbers, if any."""
    kept = f"; {clerk_note.strip()}" if clerk_note and clerk_note.strip() else ""
    return f"{MARK} {reason_text.strip()}{kept}"
