"""What respondents said: one Response per questionnaire returned, one Answer row per answer
(so that results are counted by the database), and contact details kept apart, for a limited
time, only with consent."""

import secrets

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from consultation import rules
from consultation.enums import Channel, ContactRemoval

# Reference numbers avoid letters and digits that are easily confused (0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


class ResponseQuerySet(models.QuerySet):
    def with_contact_details_expired(self, today, retention_days):
        """Responses still holding contact details that are past the retention period."""
        closed_before = rules.contact_details_expire_if_closed_before(today, retention_days)
        return self.filter(contact__isnull=False, consultation__closes_on__lt=closed_before)

    def naming_borough(self, borough):
        return self.filter(answers__borough=borough).distinct()


class Response(models.Model):
    consultation = models.ForeignKey(
        "consultation.ConsultationPage", on_delete=models.PROTECT, related_name="responses"
    )
    questionnaire = models.ForeignKey(
        "consultation.Questionnaire", on_delete=models.PROTECT, related_name="responses"
    )
    reference = models.CharField(max_length=9, unique=True, default=new_reference, editable=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    received_on = models.DateField(help_text="When the return arrived.")
    submitted_at = models.DateTimeField(auto_now_add=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who typed in a paper or e-mailed return; empty for online responses.",
    )
    # One response per form sent out, however many times the form is sent back.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    contact_removed_on = models.DateField(null=True, blank=True, editable=False)
    contact_removal = models.CharField(
        max_length=10, choices=ContactRemoval.choices, blank=True, editable=False
    )

    history = HistoricalRecords(excluded_fields=["idempotency_key"])
    objects = ResponseQuerySet.as_manager()
    # Nothing links to a response from a page or snippet, and indexing each one as it is taken
    # cost five statements a submission.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("view_results", "Can see consultation results"),
            ("export_responses", "Can export consultation responses"),
            ("view_contact_details", "Can see respondents' contact details"),
            ("erase_contact_details", "Can erase a respondent's contact details"),
        ]
        indexes = [models.Index(fields=["consultation", "channel"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel=Channel.ONLINE, entered_by__isnull=True)
                | ~models.Q(channel=Channel.ONLINE),
                name="online_response_entered_by_no_one",
            ),
        ]

    def __str__(self):
        return f"Response {self.reference}"

    def rule_breaks(self):
        """How this stored response breaks its questionnaire's rules (none, for every response
        the forms and services let through): the same rules the form applies, checked again
        against the rows."""
        from consultation.enums import QuestionKind

        questions = {question.pk: question for question in self.questionnaire.questions.all()}
        given = {}
        breaks = []
        for answer in self.answers.all():
            question = questions.get(answer.question_id)
            if question is None:
                breaks.append(f"answers question {answer.question_id} of another questionnaire")
                continue
            given.setdefault(question.pk, []).append(answer)
            breaks += [f"{question}: {problem}" for problem in answer_problems(question, answer)]
        for question in questions.values():
            answers = given.get(question.pk, [])
            if question.required and not answers:
                breaks.append(f"{question}: required but not answered")
            if len(answers) > 1 and not question.takes_many_answers:
                breaks.append(f"{question}: {len(answers)} answers to a one-answer question")
            if (
                question.kind == QuestionKind.CONTACT
                and question.required
                and not any(answer.choice == rules.CONSENTED for answer in answers)
            ):
                breaks.append(f"{question}: required contact details not given")
        consented = any(
            answer.choice == rules.CONSENTED
            for question_id, answers in given.items()
            for answer in answers
            if questions[question_id].kind == QuestionKind.CONTACT
        )
        contact = ContactDetails.objects.filter(response=self).first()
        if contact is not None:
            if not consented:
                breaks.append("contact details kept without consent")
            if not contact.name.strip() or not rules.PHONE_PATTERN.match(contact.phone):
                breaks.append("contact details without a name or a valid phone number")
        elif consented and not self.contact_removal:
            breaks.append("consent recorded but no contact details kept")
        return breaks


def answer_problems(question, answer):
    """What is wrong with one stored answer to ``question`` (see ``Response.rule_breaks``)."""
    from consultation.enums import QuestionKind

    kind = question.kind
    filled = {
        "text": bool(answer.text),
        "choice": bool(answer.choice),
        "borough": answer.borough_id is not None,
        "number": answer.number is not None,
    }
    expected = {
        QuestionKind.SHORT_TEXT: "text",
        QuestionKind.LONG_TEXT: "text",
        QuestionKind.SINGLE_CHOICE: "choice",
        QuestionKind.MULTIPLE_CHOICE: "choice",
        QuestionKind.CONTACT: "choice",
        QuestionKind.BOROUGHS: "borough",
        QuestionKind.SCALE: "number",
    }[kind]
    problems = []
    if [part for part, present in filled.items() if present] != [expected]:
        problems.append(f"holds {', '.join(p for p, v in filled.items() if v) or 'nothing'}")
    limit = (
        rules.SHORT_TEXT_MAX_LENGTH
        if kind == QuestionKind.SHORT_TEXT
        else rules.LONG_TEXT_MAX_LENGTH
    )
    if expected == "text" and (len(answer.text) > limit or not answer.text.strip()):
        problems.append("text empty or too long")
    if kind in rules.CHOICE_KINDS and answer.choice not in question.choice_list:
        problems.append(f"“{answer.choice}” is not one of the choices")
    if kind == QuestionKind.CONTACT and answer.choice not in (rules.CONSENTED, rules.NOT_CONSENTED):
        problems.append("consent is neither yes nor no")
    if kind == QuestionKind.SCALE and answer.number not in question.scale_points:
        problems.append(f"{answer.number} is off the scale")
    return problems


class Answer(models.Model):
    """One answer: text, a choice, a borough or a point on a scale (multiple choice and borough
    questions have one row per choice)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "consultation.Question", on_delete=models.PROTECT, related_name="answers"
    )
    text = models.TextField(blank=True, max_length=rules.LONG_TEXT_MAX_LENGTH)
    choice = models.CharField(max_length=rules.CHOICE_MAX_LENGTH, blank=True)
    borough = models.ForeignKey(
        "hub.Borough", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    number = models.SmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["question", "choice"]),
            models.Index(fields=["question", "borough"]),
            models.Index(fields=["question", "number"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "choice"],
                condition=models.Q(borough__isnull=True) & ~models.Q(choice=""),
                name="one_answer_row_per_choice",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "borough"],
                condition=models.Q(borough__isnull=False),
                name="one_answer_row_per_borough",
            ),
        ]

    def __str__(self):
        return f"Answer to {self.question_id}"

    @property
    def value(self):
        if self.borough_id:
            return str(self.borough)
        if self.number is not None:
            return str(self.number)
        return self.choice or self.text


class ContactDetails(models.Model):
    """Q5's details, given only with consent. Personal data: kept without history, shown only to
    those allowed, removed on request or once the retention period has passed."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=30)
    email = models.EmailField(blank=True)
    consented_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "contact details"

    def __str__(self):
        return f"Contact details for {self.response.reference}"
