"""The public side of a consultation: the consultations section, each consultation with its
questionnaire, receipt, printable blank, PDF and published results, and its "you said, we did"
outcome page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from consultation import rules
from consultation.enums import ConsultationStatus
from hub.models.pages import BasePage
from hub.page_cache import remembered
from hub.permissions import pages_visible_to

PROSE_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class ConsultationIndexPage(BasePage):
    """Lists the consultations: open now, coming up, and closed (with their results)."""

    template = "pages/consultation_index_page.html"
    max_count = 1
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["consultation.ConsultationPage"]

    class Meta:
        verbose_name = "consultations index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        consultations = pages_visible_to(request, ConsultationPage.objects.child_of(self)).order_by(
            "-opens_on", "title"
        )
        today = timezone.localdate()
        groups = {status: [] for status in ConsultationStatus}
        for consultation in consultations:
            groups[consultation.status_on(today)].append(consultation)
        context["open"] = groups[ConsultationStatus.OPEN]
        context["upcoming"] = groups[ConsultationStatus.NOT_YET_OPEN]
        context["closed"] = groups[ConsultationStatus.CLOSED]
        return context


class ConsultationPage(RoutablePageMixin, BasePage):
    purpose = RichTextField(features=PROSE_FEATURES, help_text="Why we are asking, and what for.")
    audience = models.TextField(
        "who it is for", help_text="Who we would like to hear from, such as youth organisations."
    )
    opens_on = models.DateField(help_text="Answers are taken from the start of this day.")
    closes_on = models.DateField(help_text="Answers are taken until the end of this day.")
    questionnaire = models.ForeignKey(
        "consultation.Questionnaire", on_delete=models.PROTECT, related_name="consultations"
    )
    accepts_paper_returns = models.BooleanField(
        default=True,
        help_text="Offer the printable questionnaire and let volunteers type in paper returns.",
    )
    postal_address = models.TextField(
        blank=True, help_text="Where to send a paper questionnaire, shown on the printed copy."
    )

    template = "pages/consultation_page.html"
    parent_page_types = ["consultation.ConsultationIndexPage"]
    subpage_types = ["consultation.OutcomePage"]

    search_fields = BasePage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("audience"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("questionnaire"),
        MultiFieldPanel(
            [FieldPanel("accepts_paper_returns"), FieldPanel("postal_address")],
            heading="Paper questionnaires",
        ),
    ]

    class Meta:
        verbose_name = "consultation"

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": "The closing date must be on or after the opening date."}
            )

    def status_on(self, today):
        return rules.status_on(self.opens_on, self.closes_on, today)

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def is_open(self):
        return self.status == ConsultationStatus.OPEN

    @cached_property
    def questions(self):
        return list(self.questionnaire.ordered_questions().prefetch_related())

    def remembered_questions(self, request):
        """``questions``, remembered in this server process while the page cache's generation
        stays current (``hub.page_cache.remembered``). They are shared by every request the
        process serves, so nothing may change them."""
        return remembered(
            request, ("consultation.questions", self.questionnaire_id), lambda: self.questions
        )

    def outcome(self):
        return OutcomePage.objects.child_of(self).live().first()

    # The public routes; what they do is in consultation/views.py.
    @path("")
    def questionnaire_form(self, request):
        from consultation import views

        return views.questionnaire(request, self)

    @path("receipt/<str:reference>/")
    def receipt(self, request, reference):
        from consultation import views

        return views.receipt(request, self, reference)

    @path("print/")
    def printable(self, request):
        from consultation import views

        return views.printable(request, self)

    @path("questionnaire-pdf/")
    def pdf(self, request):
        from consultation import views

        return views.questionnaire_pdf(request, self)

    @path("results/")
    def results(self, request):
        from consultation import views

        return views.public_results(request, self)


class OutcomePage(BasePage):
    """ "You said, we did": what the consultation found, and what is being done about each
    finding, linked to the partnership's actions so that their status is always the latest."""

    summary = RichTextField(features=PROSE_FEATURES, blank=True)

    template = "pages/outcome_page.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types = []
    max_count_per_parent = 1

    search_fields = BasePage.search_fields + [index.SearchField("summary")]
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        InlinePanel("findings", heading="You said, we did", label="Finding", min_num=1),
    ]

    class Meta:
        verbose_name = "“you said, we did” page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        findings = list(self.findings.all())
        # Only actions in plans the boards publish; never who owns an action.
        from partnerships.models import Action

        public = Action.objects.filter(plan__is_public=True).select_related(
            "plan__board__partnership__page"
        )
        by_finding = {finding.pk: [] for finding in findings}
        links = Finding.actions.through.objects.filter(finding__in=findings).values_list(
            "finding_id", "action_id"
        )
        actions = {action.pk: action for action in public.filter(pk__in=[a for _, a in links])}
        for finding_id, action_id in links:
            if action_id in actions:
                by_finding[finding_id].append(actions[action_id])
        context["findings"] = [(finding, by_finding[finding.pk]) for finding in findings]
        context["today"] = timezone.localdate()
        return context


class Finding(Orderable, ClusterableModel):
    page = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="findings")
    you_said = models.TextField(help_text="What the consultation heard.")
    we_did = models.TextField(help_text="What the partnership is doing about it.")
    actions = ParentalManyToManyField(
        "partnerships.Action",
        blank=True,
        related_name="+",
        limit_choices_to={"plan__is_public": True},
        help_text="The action-plan actions that answer this finding. Only actions in public "
        "action plans can be linked; their status is shown as it is today.",
    )

    panels = [FieldPanel("you_said"), FieldPanel("we_did"), FieldPanel("actions")]

    def __str__(self):
        return self.you_said[:80]
