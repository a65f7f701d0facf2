"""The public face of the IAGs: a directory of every borough and a page for each group.

Group pages are generated from the records (no one re-types them), at routes under the directory
page, which editors place and introduce like any other page. Only what is public is shown: the
chair's name only with their consent, the police lead's role but not their name, and published
minutes without withheld items.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from hub.models import Borough
from hub.models.pages import BasePage
from iag.feedback import feedback_pdf, public_response_changes
from iag.induction import induction_pack, induction_pack_pdf, induction_pack_title
from iag.models.advice import Advice
from iag.models.feedback import QuarterlyFeedback
from iag.models.groups import AdvisoryGroup
from iag.models.meetings import Meeting


class IAGDirectoryPage(RoutablePageMixin, BasePage):
    body = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Shown above the list of boroughs.",
    )

    template = "pages/iag_directory_page.html"
    max_count = 1
    parent_page_types = ["hub.HomePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = "IAG directory page"

    # Quarterly feedback (principle 28). Routes are tried in the order they are declared: the
    # PDF before the group feedback ("pdf" is not a borough), and all of them before the borough
    # routes ("feedback" is not a borough either).

    def live_feedback(self, year, quarter, borough_slug=None):
        feedback = QuarterlyFeedback.objects.filter(live=True, year=year, quarter=quarter)
        if borough_slug is None:
            return get_object_or_404(feedback, group__isnull=True)
        return get_object_or_404(feedback, group__borough__slug=borough_slug)

    @path("feedback/")
    def feedback_list(self, request):
        published = QuarterlyFeedback.objects.filter(live=True).select_related("group__borough")
        context = self.get_context(request)
        context.update({"directory_page": self, "published": published})
        return TemplateResponse(request, "iag/feedback_list.html", context)

    @path("feedback/<int:year>/<int:quarter>/pdf/")
    @path("feedback/<int:year>/<int:quarter>/<slug:borough_slug>/pdf/")
    def feedback_pdf(self, request, year, quarter, borough_slug=None):
        feedback = self.live_feedback(year, quarter, borough_slug)
        response = HttpResponse(feedback_pdf(feedback), content_type="application/pdf")
        name = f"iag-feedback-{year}-q{quarter}-{borough_slug or 'london'}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response

    @path("feedback/<int:year>/<int:quarter>/")
    @path("feedback/<int:year>/<int:quarter>/<slug:borough_slug>/")
    def feedback(self, request, year, quarter, borough_slug=None):
        feedback = self.live_feedback(year, quarter, borough_slug)
        context = self.get_context(request)
        context.update({"directory_page": self, "feedback": feedback})
        return TemplateResponse(request, "iag/feedback_page.html", context)

    def boroughs(self):
        groups = {
            group.borough_id: group for group in AdvisoryGroup.objects.select_related("borough")
        }
        return [(borough, groups.get(borough.pk)) for borough in Borough.objects.all()]

    @path("")
    def directory(self, request):
        return self.render(request, context_overrides={"boroughs": self.boroughs()})

    def group_for(self, borough_slug, groups=None):
        groups = AdvisoryGroup.objects.all() if groups is None else groups
        return get_object_or_404(groups, borough__slug=borough_slug)

    def group_context(self, request, group, **extra):
        context = self.get_context(request)
        context.update({"group": group, "directory_page": self, **extra})
        return context

    @path("<slug:borough_slug>/")
    def group(self, request, borough_slug):
        group = self.group_for(borough_slug, AdvisoryGroup.objects.with_public_chair_name())
        today = timezone.localdate()
        # Both lists of meetings come from one query: those to come, and those whose minutes
        # are published.
        meetings = group.meetings.published() | group.meetings.filter(date__gt=today)
        meetings = list(meetings.order_by("-date"))
        context = self.group_context(
            request,
            group,
            chair_name=group.public_chair_name,
            upcoming=[meeting for meeting in reversed(meetings) if meeting.date > today],
            published=[meeting for meeting in meetings if meeting.minutes_are_published],
            advice=Advice.objects.published().filter(group=group).select_related("response")[:20],
        )
        return TemplateResponse(request, "iag/group_page.html", context)

    @path("<slug:borough_slug>/minutes/<int:meeting_id>/")
    def minutes(self, request, borough_slug, meeting_id):
        group = self.group_for(borough_slug)
        meeting = get_object_or_404(Meeting.objects.published(), group=group, pk=meeting_id)
        context = self.group_context(
            request, group, meeting=meeting, items=meeting.public_minute_items()
        )
        return TemplateResponse(request, "iag/minutes_page.html", context)

    @path("<slug:borough_slug>/advice/<int:advice_id>/")
    def advice(self, request, borough_slug, advice_id):
        group = self.group_for(borough_slug)
        advice = get_object_or_404(Advice.objects.published(), group=group, pk=advice_id)
        context = self.group_context(
            request, group, advice=advice, changes=public_response_changes(advice)
        )
        return TemplateResponse(request, "iag/advice_page.html", context)

    @path("<slug:borough_slug>/induction-pack/")
    def induction_pack(self, request, borough_slug):
        group = self.group_for(borough_slug)
        context = self.group_context(
            request, group, pack=induction_pack(group), title=induction_pack_title(group)
        )
        return TemplateResponse(request, "iag/induction_pack.html", context)

    @path("<slug:borough_slug>/induction-pack/pdf/")
    def induction_pack_pdf(self, request, borough_slug):
        group = self.group_for(borough_slug)
        response = HttpResponse(induction_pack_pdf(group), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="{group.borough.slug}-iag-induction-pack.pdf"'
        )
        return response
