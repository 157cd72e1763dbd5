"""A paragraph cut the way its commitments are worded: sentences, the segments between semicolons, and the
comma-separated parts of a segment (never inside brackets or quotation marks, never inside "86,4")."""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_“\"(])")
SEGMENT_END = re.compile(r";\s+|(?<=\.\.\.)\s+|…\s+")
PURPOSE = re.compile(r"(?<![Kk]hông)\s+(?:nhằm|để|góp phần|từ đó)\s.*$")
MODIFIERS = re.compile(r"^(?:tập trung|tiếp tục|chủ động|thường xuyên|tích cực|quyết liệt)\s+", re.IGNORECASE)
ORIENTATION_LEAD = (
    "tăng cường", "nâng cao", "khuyến khích", "quan tâm", "phát triển", "đẩy mạnh", "chú trọng", "hướng tới",
    "từng bước", "ưu tiên", "làm tốt", "thúc đẩy", "cải thiện",
)  # fmt: skip
ORIENTATION_ANYWHERE = ("làm tốt", "nâng cao", "tăng cường", "khuyến khích", "quan tâm")


@dataclass(frozen=True)
class Segment:
    """A stretch between semicolons: its text, where it starts in the paragraph, its sentence, and its parts."""

    text: str
    offset: int
    sentence: str
    parts: tuple[tuple[int, int], ...]  # (start, end) of each comma-separated part, within `text`

    def part_at(self, position: int) -> int:
        return next((i for i, (a, b) in enumerate(self.parts) if a <= position <= b), len(self.parts) - 1)

    def part(self, index: int) -> str:
        start, end = self.parts[index]
        return self.text[start:end]


def comma_parts(text: str) -> tuple[tuple[int, int], ...]:
    """Spans between ", " outside brackets and quotation marks."""
    spans, start, depth = [], 0, 0
    for i, char in enumerate(text):
        depth += 1 if char in "(“" else -1 if char in ")”" else 0
        if char == "," and depth <= 0 and text[i + 1 : i + 2] == " ":
            spans.append((start, i))
            start = i + 2
    return (*spans, (start, len(text)))


def segments(paragraph: str) -> list[Segment]:
    found, position = [], 0
    for sentence in SENTENCE_END.split(paragraph):
        start_of_sentence = paragraph.index(sentence, position)
        for piece in SEGMENT_END.split(sentence):
            text = piece.rstrip(" .;:")
            if text.strip():
                offset = paragraph.index(text, start_of_sentence)
                found.append(Segment(text, offset, sentence, comma_parts(text)))
        position = start_of_sentence + len(sentence)
    return found


def orientation_led(part: str) -> bool:
    """ "Nâng cao tỷ lệ…", "Tập trung phát triển…", "… làm tốt công tác…": an orientation, not a commitment."""
    text = MODIFIERS.sub("", part.strip()).lower()
    anywhere = any(re.search(rf"(?:^|\s){word}\s+[^\W\d_]", text) for word in ORIENTATION_ANYWHERE)
    return text.startswith(ORIENTATION_LEAD) or anywhere


def without_purpose(text: str) -> str:
    """ "… cuối nhiệm kỳ nhằm đánh giá đúng kết quả …" -> "… cuối nhiệm kỳ"."""
    return PURPOSE.sub("", text).rstrip(" ,;.")
