"""Role profiles: drafted by the borough volunteer programme manager with the unit, approved
by the borough's steering group through a Wagtail workflow, then published as a public role
page. Drafted, workflow-approved content: Wagtail revisions, locking and a workflow, not
django-simple-history (DESIGN, History).

GUIDE: "The profile must be approved by the MVP Steering Group before a volunteer can be
assigned to it. It must also be fully and locally risk assessed." "any deviation from the agreed
role profile is added to that original profile and is first approved by the Steering Group
before it becomes part of the volunteer's role." So what is live is what the steering group
last approved; a changed draft waits for them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from hub.volunteering import rules
from hub.volunteering.admin_forms import RoleProfileForm

YES_NO = [(True, "Yes"), (False, "No")]


class RoleProfileQuerySet(models.QuerySet):
    def reviewed_by(self, today):
        """Profiles whose risk assessment is within its yearly review."""
        return self.filter(
            risk_assessed_on__gte=today - timezone.timedelta(days=rules.RISK_REVIEW_DAYS)
        )

    def past_review(self, today):
        return self.exclude(pk__in=self.reviewed_by(today).values("pk"))

    def open_to_volunteers(self, today):
        """Approved (live) and within review: the roles a volunteer may be placed in, and the
        roles the public pages offer."""
        return self.filter(live=True).reviewed_by(today)


def substitution_question(name):
    return models.BooleanField(
        rules.SUBSTITUTION_QUESTIONS[name],
        choices=YES_NO,
        null=True,
        blank=False,
        help_text="Any “yes” is job substitution: the steering group cannot approve the role.",
    )


class RoleProfile(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    borough = models.ForeignKey(
        "hub.Borough", on_delete=models.PROTECT, related_name="role_profiles"
    )
    unit = models.CharField(
        max_length=200, help_text="The unit that wants a volunteer, e.g. “Safer Neighbourhoods”."
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True, editable=False)
    purpose = models.TextField(help_text="Why the role exists and what it adds.")
    tasks = models.TextField(
        help_text="One task per line. A volunteer does only these tasks: a change needs the "
        "steering group's approval before it becomes part of the role."
    )
    training = models.TextField(
        "role-specific training",
        help_text="Training for this role, given by the unit. Other training needs the "
        "programme manager's prior agreement.",
    )
    skills = models.TextField("skills and experience", blank=True)
    time_commitment = models.CharField(
        max_length=200, help_text="For example “4 hours once a fortnight, weekday mornings”."
    )
    involves_lifting = models.BooleanField(
        "the role involves lifting", default=False, help_text="Manual handling training needed."
    )
    public_interface = models.BooleanField(
        "the role meets the public",
        default=False,
        help_text="Emergency life saving training needed.",
    )

    # The risk assessment: internal, never on the public pages.
    risk_assessed_on = models.DateField("risk assessed on", null=True, blank=True)
    risk_assessed_by = models.CharField("assessed by", max_length=200, blank=True)
    risk_findings = models.TextField("findings", blank=True)

    # The guide's job-substitution test.
    legal_obligation = substitution_question("legal_obligation")
    paid_overtime = substitution_question("paid_overtime")
    in_job_description = substitution_question("in_job_description")

    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Not live until the steering group approves it (Wagtail's mixin defaults to live).
    live = models.BooleanField(verbose_name="live", default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoleProfileQuerySet.as_manager()

    # What the steering group approves: a revision that changes any of these is a new draft.
    CONTENT_FIELDS = (
        "borough",
        "unit",
        "title",
        "purpose",
        "tasks",
        "training",
        "skills",
        "time_commitment",
        "involves_lifting",
        "public_interface",
        "risk_assessed_on",
        "risk_assessed_by",
        "risk_findings",
        "legal_obligation",
        "paid_overtime",
        "in_job_description",
    )

    search_fields = [
        index.SearchField("title"),
        # The admin list's search box matches the start of a word in the title too.
        index.AutocompleteField("title"),
        index.SearchField("unit"),
        index.SearchField("purpose"),
        index.FilterField("borough"),
        index.FilterField("live"),
        # The admin's list and chooser narrow the search to the records the user may see by id.
        index.FilterField("id"),
    ]

    base_form_class = RoleProfileForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("borough"), FieldPanel("unit"), FieldPanel("title")], heading="The role"
        ),
        FieldPanel("purpose"),
        FieldPanel("tasks"),
        FieldPanel("training"),
        FieldPanel("skills"),
        FieldPanel("time_commitment"),
        FieldRowPanel([FieldPanel("involves_lifting"), FieldPanel("public_interface")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("risk_assessed_on"), FieldPanel("risk_assessed_by")]),
                FieldPanel("risk_findings"),
            ],
            heading="Risk assessment (internal: never published)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_obligation"),
                FieldPanel("paid_overtime"),
                FieldPanel("in_job_description"),
            ],
            heading="Job substitution test (internal: never published)",
        ),
    ]

    class Meta:
        ordering = ["borough__name", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(live=False)
                | Q(
                    legal_obligation=False,
                    paid_overtime=False,
                    in_job_description=False,
                    risk_assessed_on__isnull=False,
                ),
                name="volunteering_live_profiles_pass_the_substitution_test",
                violation_error_message="A role that fails the job-substitution test, or has no "
                "risk assessment, cannot be approved.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.unit}, {self.borough.name})"

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.borough.name} {self.title}")[:200] or "role"
            slug, number = base, 2
            while RoleProfile.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, number = f"{base}-{number}", number + 1
            self.slug = slug
        super().save(*args, **kwargs)

    # The rules, asked of this version of the profile.
    @property
    def substitution_answers(self):
        return {name: getattr(self, name) for name in rules.SUBSTITUTION_QUESTIONS}

    @property
    def substitution_problems(self) -> list[str]:
        return rules.substitution_problems(self.substitution_answers)

    def approval_problems(self) -> list[str]:
        """Why the steering group cannot approve this version, if it cannot."""
        problems = list(self.substitution_problems)
        unanswered = rules.unanswered_substitution_questions(self.substitution_answers)
        if unanswered:
            problems.append("Answer every question of the job-substitution test.")
        if self.risk_assessed_on is None:
            problems.append("The role has not been risk assessed.")
        elif rules.risk_assessment_overdue(self.risk_assessed_on, timezone.localdate()):
            problems.append(
                "The risk assessment is more than a year old: review it before approval."
            )
        return problems

    @property
    def review_due_on(self):
        return rules.risk_review_due_on(self.risk_assessed_on) if self.risk_assessed_on else None

    def review_overdue(self, today=None):
        return rules.risk_assessment_overdue(self.risk_assessed_on, today or timezone.localdate())

    @property
    def risk_review(self):
        """For the admin list: when the risk assessment is due for review, or that it is past
        its review (and so takes no new volunteers)."""
        if self.risk_assessed_on is None:
            return "Not risk assessed"
        due = self.review_due_on
        if self.review_overdue():
            return f"Past review (due {due:%-d %b %Y})"
        return f"Review by {due:%-d %b %Y}"

    def may_take_new_volunteers(self, today=None):
        """Approved, and its risk assessment within its yearly review."""
        return self.live and not self.review_overdue(today)

    @property
    def task_list(self):
        return [line.strip(" -•\t") for line in self.tasks.splitlines() if line.strip(" -•\t")]

    @property
    def required_steps(self):
        return rules.required_steps(self.involves_lifting, self.public_interface)

    @cached_property
    def steering_group(self):
        from hub.volunteering.models import SteeringGroup

        return SteeringGroup.objects.filter(borough_id=self.borough_id).first()

    def drafter_ids(self) -> set[int]:
        """Everyone who wrote the version waiting for approval: who created the profile, who
        saved a revision since the last approval, and who submitted it. None of them may
        approve it."""
        ids = {self.drafted_by_id} if self.drafted_by_id else set()
        revisions = self.revisions.order_by("created_at", "pk")
        before = {}
        if self.live_revision_id:
            before = self.live_revision.content
            revisions = revisions.filter(created_at__gt=self.live_revision.created_at)
        # A revision that changed the profile's words drafted them. One that changed nothing
        # (Wagtail saves a revision when a reviewer approves from the editor) did not.
        for user_id, content in revisions.values_list("user_id", "content"):
            if user_id and self.content_changed(before, content):
                ids.add(user_id)
            before = content
        state = self.current_workflow_state
        if state is not None and state.requested_by_id:
            ids.add(state.requested_by_id)
        return ids

    @classmethod
    def content_changed(cls, before: dict, after: dict) -> bool:
        return any(before.get(name) != after.get(name) for name in cls.CONTENT_FIELDS)

    def clean(self):
        super().clean()
        errors = {}
        if self.risk_assessed_on and self.risk_assessed_on > timezone.localdate():
            errors["risk_assessed_on"] = "The date of the risk assessment cannot be in the future."
        if self.risk_assessed_on and not self.risk_assessed_by.strip():
            errors["risk_assessed_by"] = "Say who carried out the risk assessment."
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "volunteering/role_profile.html"

    def get_preview_context(self, request, mode_name):
        return {"profile": self, "preview": True}
