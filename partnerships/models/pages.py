"""The partnership's public face: its structure, published reports, action-plan progress and
its publications (an issue of a monthly newsletter, for example).

The structure, board and report pages are generated from the records at routes under the
partnership page, which editors place and introduce like any other page. Only what is public is
shown: a chair's name only with their consent, minutes only once published and never a withheld
item, reports only once published, action plans only when the board shows them, and never who
owns an action.
"""

import calendar
import datetime

from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.blocks import BodyBlock
from hub.models.pages import BasePage
from partnerships.enums import ActionStatus
from partnerships.models.meetings import BoardMeeting
from partnerships.models.membership import BoardMembership
from partnerships.models.structure import Board, board_tree
from partnerships.models.work import Action, ActionPlan, BoardReport, no_actions


def consenting_chairs(boards):
    """``{board id: name}`` of current chairs who agree to their name being published."""
    chairs = BoardMembership.objects.chairs().filter(board__in=boards, publish_name=True)
    return dict(chairs.values_list("board_id", "person__name"))


def plan_progress(plans):
    """``[(plan, {status: count})]``, every status in the enum's order, counted in one query."""
    counts = Action.objects.filter(plan__in=plans).status_counts_by("plan_id")
    return [(plan, counts.get(plan.pk, no_actions())) for plan in plans]


class PartnershipPage(RoutablePageMixin, BasePage):
    partnership = models.OneToOneField(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        related_name="page",
        help_text="The partnership whose structure, reports and action plans this page shows.",
    )
    body = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Shown above the partnership's structure.",
    )

    template = "pages/partnership_page.html"
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["partnerships.PublicationPage"]

    content_panels = BasePage.content_panels + [FieldPanel("partnership"), FieldPanel("body")]

    class Meta:
        verbose_name = "partnership page"

    def boards(self):
        return Board.objects.filter(partnership=self.partnership).select_related("theme")

    def published_reports(self):
        return (
            BoardReport.objects.published()
            .filter(board__partnership=self.partnership)
            .select_related("board")
            .order_by("-year", "-quarter", "board__name")
        )

    def public_plans(self):
        return (
            ActionPlan.objects.filter(board__partnership=self.partnership, is_public=True)
            .select_related("board", "strategy")
            .order_by("-year", "board__name")
        )

    def route_context(self, request, **extra):
        context = self.get_context(request)
        context.update({"partnership_page": self, "partnership": self.partnership, **extra})
        return context

    @path("")
    def structure(self, request):
        boards = list(self.boards())
        plans = list(self.public_plans())
        return self.render(
            request,
            context_overrides={
                "tree": board_tree(boards),
                "chairs": consenting_chairs(boards),
                "themes": self.partnership.themes.all(),
                "partners": self.partnership.partners.all(),
                "reports": self.published_reports()[:6],
                "progress": plan_progress(plans),
            },
        )

    @path("reports/")
    def report_list(self, request):
        context = self.route_context(request, reports=self.published_reports())
        return TemplateResponse(request, "partnerships/report_list.html", context)

    @path("reports/<int:report_id>/")
    def report(self, request, report_id):
        report = get_object_or_404(self.published_reports(), pk=report_id)
        context = self.route_context(request, report=report, board=report.board)
        return TemplateResponse(request, "partnerships/report_page.html", context)

    @path("action-plans/<int:plan_id>/")
    def action_plan(self, request, plan_id):
        plan = get_object_or_404(self.public_plans(), pk=plan_id)
        actions = list(plan.actions.select_related("theme", "initiative"))
        today = timezone.localdate()
        context = self.route_context(
            request,
            plan=plan,
            board=plan.board,
            actions=actions,
            counts=plan.status_counts(),
            overdue={action.pk for action in actions if action.is_overdue(today)},
            today=today,
        )
        return TemplateResponse(request, "partnerships/action_plan_page.html", context)

    def board_for(self, slug):
        return get_object_or_404(self.boards().select_related("parent"), slug=slug)

    @path("boards/<slug:board_slug>/")
    def board(self, request, board_slug):
        board = self.board_for(board_slug)
        context = self.route_context(
            request,
            board=board,
            chair_name=consenting_chairs([board]).get(board.pk),
            minutes=board.meetings.published().order_by("-date"),
            reports=self.published_reports().filter(board=board),
            plans=self.public_plans().filter(board=board),
            initiatives=board.initiatives.filter(objectives_agreed_on__isnull=False).select_related(
                "theme"
            ),
        )
        return TemplateResponse(request, "partnerships/board_page.html", context)

    @path("boards/<slug:board_slug>/minutes/<int:meeting_id>/")
    def minutes(self, request, board_slug, meeting_id):
        board = self.board_for(board_slug)
        meeting = get_object_or_404(BoardMeeting.objects.published(), board=board, pk=meeting_id)
        context = self.route_context(
            request, board=board, meeting=meeting, items=meeting.public_minute_items()
        )
        return TemplateResponse(request, "partnerships/minutes_page.html", context)


class PublicationPage(BasePage):
    """One issue of a publication, listing what the partnership delivered in its month."""

    issue_date = models.DateField(
        default=datetime.date.today,
        help_text="The month this issue covers: actions done and reports published in it.",
    )
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/publication_page.html"
    parent_page_types = ["partnerships.PartnershipPage"]
    subpage_types = []

    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("issue_date"), FieldPanel("body")]

    class Meta:
        verbose_name = "publication page"

    @property
    def month(self):
        first = self.issue_date.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first, last

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partnership_page = self.get_parent().specific
        first, last = self.month
        partnership = partnership_page.partnership
        context.update(
            partnership_page=partnership_page,
            delivered=Action.objects.public()
            .filter(
                plan__board__partnership=partnership,
                status=ActionStatus.DONE,
                completed_on__range=(first, last),
            )
            .select_related("plan__board"),
            reports=partnership_page.published_reports().filter(
                published_at__date__range=(first, last)
            ),
        )
        return context
