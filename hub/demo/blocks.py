"""Short-hands that build StreamField data in Wagtail's stored (JSON) form for the demo pages.

Keeping the seed documents' text as plain Python data means a migration never has to know the
page content, and a reader can compare each page with its source document line by line.
"""

from django.utils.html import escape


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def para(*paragraphs):
    """One rich-text block; each argument is a paragraph of plain text (escaped here)."""
    return {"type": "paragraph", "value": "".join(f"<p>{escape(p)}</p>" for p in paragraphs)}


def bullets(*items, intro=None):
    """A bulleted list, optionally after a lead-in paragraph, as one rich-text block."""
    lead = f"<p>{escape(intro)}</p>" if intro else ""
    lis = "".join(f"<li>{escape(i)}</li>" for i in items)
    return {"type": "paragraph", "value": f"{lead}<ul>{lis}</ul>"}


def numbered(*items, intro=None):
    lead = f"<p>{escape(intro)}</p>" if intro else ""
    lis = "".join(f"<li>{escape(i)}</li>" for i in items)
    return {"type": "paragraph", "value": f"{lead}<ol>{lis}</ol>"}


def callout(text, style="inset"):
    return {"type": "callout", "value": {"style": style, "text": f"<p>{escape(text)}</p>"}}


def qa(question, *answer_paragraphs):
    answer = "".join(f"<p>{escape(p)}</p>" for p in answer_paragraphs)
    return {"type": "question_answer", "value": {"question": question, "answer": answer}}


def table(caption, headings, rows):
    """A table of plain-text cells; ``rows`` is a list of lists of strings."""
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "columns": [{"type": "text", "heading": h} for h in headings],
            "rows": [{"values": list(r)} for r in rows],
        },
    }
