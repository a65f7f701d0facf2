"""StreamField blocks for the public pages.

Each block renders GOV.UK Frontend markup from ``templates/components/``. Headings are a block of
their own (not a rich-text feature) so that editors pick a level and the page keeps one h1 and a
correct heading order.
"""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

# Rich text inside blocks: no headings (use HeadingBlock) and no images, so that the page
# outline stays under the editor's control and nothing needs alternative text we cannot check.
PROSE_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2 (section)"), ("h3", "Level 3 (sub-section)")],
        default="h2",
        help_text="Use level 2 for sections and level 3 inside them; never skip a level.",
    )

    class Meta:
        icon = "title"
        template = "components/heading_block.html"


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[
            ("inset", "Inset: something the reader should notice"),
            ("warning", "Warning: something the reader must do or must not do"),
        ],
        default="inset",
    )
    text = blocks.RichTextBlock(features=PROSE_FEATURES)

    class Meta:
        icon = "warning"
        template = "components/callout_block.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300)
    answer = blocks.RichTextBlock(features=PROSE_FEATURES)

    class Meta:
        icon = "help"
        template = "components/question_answer_block.html"


class TableBlock(TypedTableBlock):
    text = blocks.CharBlock(required=False)
    numeric = blocks.DecimalBlock(required=False)
    rich_text = blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)

    class Meta:
        icon = "table"
        template = "components/table_block.html"
        help_text = "Give the table a caption: screen reader users hear it before the table."


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PROSE_FEATURES, icon="pilcrow")
    callout = CalloutBlock()
    question_answer = QuestionAnswerBlock()
    table = TableBlock()

    class Meta:
        template = "components/body_block.html"


class FAQBlock(blocks.StreamBlock):
    """Questions and answers, optionally grouped under section headings."""

    heading = HeadingBlock()
    question_answer = QuestionAnswerBlock()

    class Meta:
        template = "components/body_block.html"
