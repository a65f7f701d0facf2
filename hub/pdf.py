"""Small, dependable PDF documents (induction packs, feedback, blank questionnaires).

Built with ReportLab, a pure-Python wheel, so that nothing beyond Python is needed to run the
hub. A document is a title and a list of sections; rich text from the editor is reduced to the
paragraphs, lists and inline emphasis that ReportLab's paragraph mark-up understands.
"""

import io
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i"}


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)  # plain text
    html: str = ""  # editor rich text
    table: list[tuple[str, str]] = field(default_factory=list)  # two-column rows
    table_headings: tuple[str, str] = ("", "")
    # A blank form: options to tick (each beside an empty box) and lines to write on.
    tick_boxes: list[str] = field(default_factory=list)
    writing_lines: int = 0


class _RichTextReader(HTMLParser):
    """Turn editor rich text into ("p" | "li", ReportLab mark-up) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.current: list[str] | None = None
        self.kind = "p"

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li", "h2", "h3", "h4"):
            self._flush()
            self.kind = "li" if tag == "li" else "p"
            self.current = []
        elif tag in INLINE_TAGS:
            self._text(f"<{INLINE_TAGS[tag]}>", raw=True)
        elif tag == "br":
            self._text("<br/>", raw=True)

    def handle_endtag(self, tag):
        if tag in ("p", "li", "h2", "h3", "h4"):
            self._flush()
        elif tag in INLINE_TAGS:
            self._text(f"</{INLINE_TAGS[tag]}>", raw=True)

    def handle_data(self, data):
        self._text(data)

    def _text(self, text, raw=False):
        if self.current is None:
            if not text.strip() or raw:
                return
            self.current, self.kind = [], "p"
        self.current.append(text if raw else escape(text, quote=False))

    def _flush(self):
        if self.current is not None:
            markup = "".join(self.current).strip()
            if markup:
                self.blocks.append((self.kind, markup))
        self.current = None

    def close(self):
        super().close()
        self._flush()


def rich_text_blocks(html: str) -> list[tuple[str, str]]:
    reader = _RichTextReader()
    reader.feed(html or "")
    reader.close()
    return reader.blocks


def _styles():
    sheet = getSampleStyleSheet()
    body = ParagraphStyle(
        "body",
        parent=sheet["BodyText"],
        fontName="Helvetica",
        fontSize=11,
        leading=15,
        spaceAfter=6,
    )
    return {
        "title": ParagraphStyle("title", parent=sheet["Title"], fontName="Helvetica-Bold",
                                fontSize=20, leading=24, alignment=0, spaceAfter=12),
        "h2": ParagraphStyle("h2", parent=sheet["Heading2"], fontName="Helvetica-Bold",
                             fontSize=15, leading=19, spaceBefore=12, spaceAfter=6),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, spaceAfter=0),
    }  # fmt: skip


def _flowables_for(section: Section, styles):
    flowables = [Paragraph(escape(section.heading), styles["h2"])]
    flowables += [Paragraph(escape(text), styles["body"]) for text in section.paragraphs]
    items: list = []
    for kind, markup in rich_text_blocks(section.html):
        if kind == "li":
            items.append(ListItem(Paragraph(markup, styles["body"]), leftIndent=12))
            continue
        if items:
            flowables.append(ListFlowable(items, bulletType="bullet", start="•"))
            items = []
        flowables.append(Paragraph(markup, styles["body"]))
    if items:
        flowables.append(ListFlowable(items, bulletType="bullet", start="•"))
    if section.table:
        rows = [[Paragraph(escape(a), styles["cell"]), Paragraph(escape(b), styles["cell"])]
                for a, b in section.table]  # fmt: skip
        if any(section.table_headings):
            rows.insert(0, [Paragraph(f"<b>{escape(h)}</b>", styles["cell"])
                            for h in section.table_headings])  # fmt: skip
        table = Table(rows, colWidths=[40 * mm, 130 * mm], repeatRows=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))  # fmt: skip
        flowables.append(table)
    flowables += _blank_form_flowables(section, styles)
    return flowables


def _blank_form_flowables(section: Section, styles):
    flowables = []
    if section.tick_boxes:
        rows = [["", Paragraph(escape(option), styles["cell"])] for option in section.tick_boxes]
        boxes = Table(rows, colWidths=[6 * mm, 160 * mm], rowHeights=8 * mm)
        boxes.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (0, 0), 0.8, colors.black),
            *[("BOX", (0, row), (0, row), 0.8, colors.black) for row in range(len(rows))],
            ("LEFTPADDING", (1, 0), (1, -1), 6),
        ]))  # fmt: skip
        flowables.append(boxes)
    if section.writing_lines:
        lines = Table([[""]] * section.writing_lines, colWidths=[170 * mm], rowHeights=9 * mm)
        lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey)]))
        flowables.append(lines)
    return flowables


def render_pdf(title: str, sections: list[Section], author: str = "") -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    styles = _styles()
    story = [Paragraph(escape(title), styles["title"]), Spacer(1, 4)]
    for section in sections:
        story += _flowables_for(section, styles)
    document.build(story)
    return buffer.getvalue()
