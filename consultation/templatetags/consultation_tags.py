"""The results chart's repeated parts, written in Python: a question may have 33 answers (one per
borough), and the template language takes several times as long to write the same markup."""

from django import template
from django.utils.html import format_html_join

register = template.Library()


@register.simple_tag
def chart_bars(chart):
    """Each bar of a ``QuestionResult.chart``: its label, the bar, and its percentage."""
    return format_html_join(
        "\n",
        '<text class="hub-chart__label" x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect class="hub-chart__bar" x="{}" y="{}" width="{}" height="{}"></rect>'
        '<text class="hub-chart__value" x="{}" y="{}">{}</text>',
        (
            (
                chart["label_x"], bar.text_y, bar.short_label,
                chart["label_width"], bar.y, bar.width, chart["bar_height"],
                bar.value_x, bar.text_y, bar.value_label,
            )
            for bar in chart["bars"]
        ),
    )  # fmt: skip


@register.simple_tag
def result_rows(result):
    """The table rows beside the chart: each answer, how many chose it, and their share."""
    return format_html_join(
        "\n",
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{}</th>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">{}%</td></tr>',
        ((row.label, row.count, row.percent) for row in result.rows),
    )
