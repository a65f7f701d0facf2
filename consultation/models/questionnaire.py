"""A questionnaire and its questions, edited in the admin and shared by the online form, the
paper entry form, the printable blank and the results, so that every version always matches."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from consultation import rules
from consultation.enums import QuestionKind


class Questionnaire(ClusterableModel):
    """Not a page and without revisions: its questions are what answers point at, so they are
    changed in place, and a question that has been answered keeps its kind and choices."""

    title = models.CharField(max_length=200)
    introduction = models.TextField(
        blank=True, help_text="Shown above the questions, online and on paper."
    )
    closing_words = models.CharField(
        max_length=200, blank=True, help_text="Shown after the questions, such as “Many thanks.”"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
        FieldPanel("closing_words"),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def ordered_questions(self):
        return self.questions.order_by("sort_order", "pk")


class QuestionQuerySet(models.QuerySet):
    def counted(self):
        return self.filter(kind__in=rules.COUNTED_KINDS)

    def published(self):
        return self.counted().filter(publish_results=True)


class Question(Orderable):
    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    number = models.CharField(
        max_length=10, blank=True, help_text="As printed, such as “Q1”. Leave blank for none."
    )
    text = models.TextField(help_text="The question, in the words the respondent sees.")
    help_text = models.CharField(max_length=300, blank=True, help_text="A hint under the question.")
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    required = models.BooleanField(default=False)
    choices = models.TextField(
        blank=True, help_text="For single and multiple choice: one choice on each line."
    )
    scale_lowest = models.PositiveSmallIntegerField(default=1)
    scale_highest = models.PositiveSmallIntegerField(default=5)
    scale_lowest_label = models.CharField(max_length=50, blank=True)
    scale_highest_label = models.CharField(max_length=50, blank=True)
    publish_results = models.BooleanField(
        default=False,
        help_text="Show this question's figures on the public results page.",
    )

    objects = QuestionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("scale_lowest"), FieldPanel("scale_highest")]),
                FieldRowPanel(
                    [FieldPanel("scale_lowest_label"), FieldPanel("scale_highest_label")]
                ),
            ],
            heading="Scale",
        ),
        FieldPanel("publish_results"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_lowest__lt=models.F("scale_highest")),
                name="question_scale_runs_upwards",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.text}".strip()[:80]

    @property
    def choice_list(self):
        return rules.parse_choices(self.choices)

    @property
    def scale_points(self):
        return list(range(self.scale_lowest, self.scale_highest + 1))

    @property
    def is_counted(self):
        return self.kind in rules.COUNTED_KINDS

    @property
    def takes_many_answers(self):
        return self.kind in rules.MANY_ANSWER_KINDS

    @property
    def label(self):
        return f"{self.number}. {self.text}" if self.number else self.text

    def clean(self):
        errors = {}
        if self.kind in rules.CHOICE_KINDS:
            problems = rules.choice_problems(self.choice_list)
            if problems:
                errors["choices"] = problems
        elif self.choices.strip():
            errors["choices"] = "Only single and multiple choice questions have choices."
        scale_ok = (
            rules.SCALE_LOWEST <= self.scale_lowest < self.scale_highest <= rules.SCALE_HIGHEST
        )
        if self.kind == QuestionKind.SCALE and not scale_ok:
            errors["scale_highest"] = (
                f"A scale runs upwards from {rules.SCALE_LOWEST} to at most {rules.SCALE_HIGHEST}."
            )
        if self.publish_results and not self.is_counted:
            errors["publish_results"] = rules.NOT_PUBLISHABLE
        if self.pk:
            errors.update(self._answered_question_problems())
        if errors:
            raise ValidationError(errors)

    def _answered_question_problems(self):
        """Once answered, a question keeps its kind and every choice someone chose."""
        saved = Question.objects.filter(pk=self.pk).first()
        if saved is None or not saved.answers.exists():
            return {}
        errors = {}
        if saved.kind != self.kind:
            errors["kind"] = "This question has been answered, so its kind cannot change."
        if self.kind in rules.CHOICE_KINDS:
            chosen = set(saved.answers.exclude(choice="").values_list("choice", flat=True))
            missing = sorted(chosen - set(self.choice_list))
            if missing:
                errors["choices"] = (
                    "These choices have been chosen in responses, so they must stay: "
                    + ", ".join(missing)
                )
        if self.kind == QuestionKind.SCALE:
            given = saved.answers.aggregate(low=models.Min("number"), high=models.Max("number"))
            if given["low"] is not None and (
                given["low"] < self.scale_lowest or given["high"] > self.scale_highest
            ):
                errors["scale_highest"] = (
                    f"Answers from {given['low']} to {given['high']} have been given, so the "
                    "scale must still include them."
                )
        return errors
