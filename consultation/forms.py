"""The questionnaire as a form, built from its questions: the same form online (with the guards
against robots) and in the admin for paper returns (with the channel and date received).

Validation here is the questionnaire's rules for one response; ``Response.rule_breaks`` checks
the same rules against what is stored.
"""

import dataclasses
import datetime
import uuid

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultation import rules
from consultation.enums import Channel, QuestionKind
from consultation.models import Answer, ContactDetails
from hub.models import Borough

TOKEN_SALT = "consultation.form-token"  # noqa: S105 - a signing salt, not a secret
HONEYPOT = "website"


def new_form_token(now=None):
    """A signed (key, time) pair: the key makes the response idempotent, the time lets us
    refuse a form sent back too quickly or too late."""
    now = now or timezone.now()
    return signing.dumps({"k": str(uuid.uuid4()), "t": now.timestamp()}, salt=TOKEN_SALT)


def read_form_token(token):
    """``(uuid, issued datetime)``, or ``None`` if the token is missing or was tampered with."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT)
        return uuid.UUID(data["k"]), datetime.datetime.fromtimestamp(
            float(data["t"]), tz=datetime.UTC
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


CONTACT_LABELS = {
    "name": "Your name",
    "phone": "Phone number",
    "email": "Email address (optional)",
    "consent": "I agree that the partnership may contact me about my views",
}


def field_name(question, part=""):
    return f"q{question.pk}{'-' + part if part else ''}"


@dataclasses.dataclass
class Option:
    value: str
    label: str
    id: str
    checked: bool


@dataclasses.dataclass
class RenderedQuestion:
    """What a template needs to draw one question in GOV.UK's patterns."""

    question: object
    name: str
    id: str
    errors: list
    value: object = None
    options: list = dataclasses.field(default_factory=list)
    parts: dict = dataclasses.field(default_factory=dict)

    @property
    def kind(self):
        return self.question.kind

    @property
    def hint_id(self):
        return f"{self.id}-hint"

    @property
    def error_id(self):
        return f"{self.id}-error"


def _required_message(question):
    return {
        QuestionKind.SHORT_TEXT: "Enter your answer",
        QuestionKind.LONG_TEXT: "Enter your answer",
        QuestionKind.SINGLE_CHOICE: "Select an answer",
        QuestionKind.MULTIPLE_CHOICE: "Select at least one answer",
        QuestionKind.BOROUGHS: "Select at least one borough",
        QuestionKind.SCALE: "Select a number",
    }.get(question.kind, "Enter your answer")


def borough_choices():
    """The boroughs as ``(pk, name)`` choices, by name."""
    return [
        (str(pk), name) for pk, name in Borough.objects.order_by("name").values_list("pk", "name")
    ]


class ResponseForm(forms.Form):
    """The questionnaire's questions as fields named ``q<id>`` (the contact block's parts are
    ``q<id>-name``, ``-phone``, ``-email`` and ``-consent``)."""

    OTHER_FIELDS = ()  # fields besides the questions whose errors the summary lists

    def __init__(self, questions, *args, boroughs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self._borough_choices = boroughs
        for question in self.questions:
            self._add_fields(question)
            main = self.fields.get(field_name(question))
            if main is not None:
                main.label, main.help_text = question.label, question.help_text
            elif question.kind == QuestionKind.CONTACT:
                for part, label in CONTACT_LABELS.items():
                    self.fields[field_name(question, part)].label = label
                self.fields[field_name(question, "name")].help_text = question.label

    def _add_fields(self, question):
        name = field_name(question)
        required = question.required
        messages = {"required": _required_message(question)}
        kind = question.kind
        if kind in rules.TEXT_KINDS:
            limit = (
                rules.SHORT_TEXT_MAX_LENGTH
                if kind == QuestionKind.SHORT_TEXT
                else rules.LONG_TEXT_MAX_LENGTH
            )
            messages["max_length"] = f"Your answer must be {limit} characters or fewer"
            widget = forms.TextInput if kind == QuestionKind.SHORT_TEXT else forms.Textarea
            self.fields[name] = forms.CharField(
                required=required, max_length=limit, error_messages=messages, widget=widget
            )
        elif kind == QuestionKind.SINGLE_CHOICE:
            messages["invalid_choice"] = "Select one of the answers given"
            self.fields[name] = forms.ChoiceField(
                required=required,
                choices=[(choice, choice) for choice in question.choice_list],
                error_messages=messages,
                widget=forms.RadioSelect,
            )
        elif kind == QuestionKind.MULTIPLE_CHOICE:
            messages["invalid_choice"] = "Select only from the answers given"
            self.fields[name] = forms.MultipleChoiceField(
                required=required,
                choices=[(choice, choice) for choice in question.choice_list],
                error_messages=messages,
                widget=forms.CheckboxSelectMultiple,
            )
        elif kind == QuestionKind.BOROUGHS:
            messages["invalid_choice"] = "Select only from the boroughs listed"
            messages["invalid_pk_value"] = "Select only from the boroughs listed"
            self.fields[name] = forms.TypedMultipleChoiceField(
                required=required,
                choices=self.borough_choices(),
                coerce=int,
                error_messages=messages,
                widget=forms.CheckboxSelectMultiple,
            )
        elif kind == QuestionKind.SCALE:
            messages["invalid_choice"] = (
                "Choose a number from " + f"{question.scale_lowest} to {question.scale_highest}"
            )
            self.fields[name] = forms.TypedChoiceField(
                required=required,
                choices=[(str(point), str(point)) for point in question.scale_points],
                coerce=int,
                empty_value=None,
                error_messages=messages,
                widget=forms.RadioSelect,
            )
        elif kind == QuestionKind.CONTACT:
            self.fields[field_name(question, "name")] = forms.CharField(
                required=False, max_length=100,
                error_messages={"max_length": "Your name must be 100 characters or fewer"},
            )  # fmt: skip
            self.fields[field_name(question, "phone")] = forms.CharField(
                required=False, max_length=30,
                error_messages={"max_length": rules.PHONE_INVALID},
            )  # fmt: skip
            self.fields[field_name(question, "email")] = forms.EmailField(
                required=False, max_length=254,
                error_messages={"invalid": "Enter an email address, like name@example.org"},
            )  # fmt: skip
            self.fields[field_name(question, "consent")] = forms.BooleanField(
                required=False, label="I agree that the partnership may contact me about my views"
            )

    def borough_choices(self):
        """The boroughs as choices: those the form was given (``boroughs``), or else read once
        and only for a question that asks for them."""
        if self._borough_choices is None:
            self._borough_choices = borough_choices()
        return self._borough_choices

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind == QuestionKind.CONTACT:
                self._clean_contact(question, cleaned)
        return cleaned

    def _clean_contact(self, question, cleaned):
        name = (cleaned.get(field_name(question, "name")) or "").strip()
        phone = (cleaned.get(field_name(question, "phone")) or "").strip()
        email = (cleaned.get(field_name(question, "email")) or "").strip()
        consent = cleaned.get(field_name(question, "consent"))
        # A part already refused (too long, not an address) was filled in: its own error says
        # what is wrong, not a second one saying that it is missing.
        refused = {part for part in ("name", "phone", "email")
                   if self.has_error(field_name(question, part))}  # fmt: skip
        given = bool(name or phone or email or refused)
        if phone and not rules.PHONE_PATTERN.match(phone):
            self.add_error(field_name(question, "phone"), rules.PHONE_INVALID)
        if not (given or consent):
            if question.required:
                self.add_error(field_name(question, "name"), rules.NAME_NEEDED)
                self.add_error(field_name(question, "phone"), rules.PHONE_NEEDED)
            return
        if not consent:
            self.add_error(field_name(question, "consent"), rules.CONSENT_NEEDED)
        if not name and "name" not in refused:
            self.add_error(field_name(question, "name"), rules.NAME_NEEDED)
        if not phone and "phone" not in refused:
            self.add_error(field_name(question, "phone"), rules.PHONE_NEEDED)

    # What to store.
    def answers(self):
        """Unsaved Answer rows for the cleaned data (one per choice or borough chosen)."""
        rows = []
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            kind = question.kind
            if kind in rules.TEXT_KINDS and value and value.strip():
                rows.append(Answer(question=question, text=value.strip()))
            elif kind == QuestionKind.SINGLE_CHOICE and value:
                rows.append(Answer(question=question, choice=value))
            elif kind == QuestionKind.MULTIPLE_CHOICE:
                rows += [
                    Answer(question=question, choice=choice)
                    for choice in dict.fromkeys(value or [])
                ]
            elif kind == QuestionKind.BOROUGHS:
                rows += [
                    Answer(question=question, borough_id=pk) for pk in dict.fromkeys(value or [])
                ]
            elif kind == QuestionKind.SCALE and value is not None:
                rows.append(Answer(question=question, number=value))
            elif kind == QuestionKind.CONTACT:
                consented = bool(self.cleaned_data.get(field_name(question, "consent")))
                rows.append(
                    Answer(
                        question=question,
                        choice=rules.CONSENTED if consented else rules.NOT_CONSENTED,
                    )
                )
        return rows

    def contact_details(self):
        """Unsaved ContactDetails, only where consent was given."""
        for question in self.questions:
            if question.kind != QuestionKind.CONTACT:
                continue
            if not self.cleaned_data.get(field_name(question, "consent")):
                continue
            return ContactDetails(
                name=self.cleaned_data[field_name(question, "name")].strip(),
                phone=self.cleaned_data[field_name(question, "phone")].strip(),
                email=self.cleaned_data.get(field_name(question, "email"), "").strip(),
            )
        return None

    # What to draw.
    def rendered_questions(self):
        return [self._render(question) for question in self.questions]

    def _bound_value(self, name, many=False):
        if not self.is_bound:
            return [] if many else ""
        if many:
            return (
                [str(v) for v in self.data.getlist(name)] if hasattr(self.data, "getlist") else []
            )
        value = self.data.get(name, "")
        return value if isinstance(value, str) else ""

    def _render(self, question):
        name = field_name(question)
        rendered = RenderedQuestion(question=question, name=name, id=name, errors=[])
        kind = question.kind
        if kind == QuestionKind.CONTACT:
            for part in ("name", "phone", "email", "consent"):
                part_name = field_name(question, part)
                rendered.parts[part] = {
                    "name": part_name,
                    "id": part_name,
                    "value": self._bound_value(part_name),
                    "errors": list(self.errors.get(part_name, [])),
                }
                rendered.errors += rendered.parts[part]["errors"]
            rendered.id = field_name(question, "name")
            return rendered
        rendered.errors = list(self.errors.get(name, []))
        if kind in rules.TEXT_KINDS:
            rendered.value = self._bound_value(name)
            return rendered
        many = kind in rules.MANY_ANSWER_KINDS
        chosen = set(self._bound_value(name, many=True)) if many else {self._bound_value(name)}
        for index, (value, label) in enumerate(self.fields[name].choices):
            rendered.options.append(
                Option(str(value), label, f"{name}-{index}", str(value) in chosen)
            )
        rendered.id = rendered.options[0].id if rendered.options else name
        return rendered

    def error_summary(self):
        """``[(anchor id, message)]`` in the order of the questions, for the error summary."""
        summary = [(None, error) for error in self.non_field_errors()]
        for rendered in self.rendered_questions():
            if rendered.kind == QuestionKind.CONTACT:
                for part in rendered.parts.values():
                    summary += [(part["id"], error) for error in part["errors"]]
            else:
                summary += [(rendered.id, error) for error in rendered.errors]
        for name in self.OTHER_FIELDS:
            summary += [(name, error) for error in self.errors.get(name, [])]
        return summary


class PublicResponseForm(ResponseForm):
    """Online: a signed token (for idempotency and fill time), a honeypot, an optional receipt."""

    OTHER_FIELDS = ("receipt_email",)

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(required=False)  # hidden from people; robots fill it in
    receipt_email = forms.EmailField(
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address, like name@example.org"},
    )

    def __init__(self, questions, *args, now=None, **kwargs):
        super().__init__(questions, *args, **kwargs)
        self.now = now or timezone.now()
        self.token = read_form_token(self.data.get("form_token")) if self.is_bound else None
        self.token_expired = False

    @property
    def idempotency_key(self):
        return self.token[0] if self.token else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise ValidationError(rules.NOT_ACCEPTED, code="honeypot")
        if self.token is None:
            self.token_expired = True
            raise ValidationError(rules.NOT_ACCEPTED, code="token")
        elapsed = self.now - self.token[1]
        if rules.form_token_expired(elapsed):
            self.token_expired = True
            raise ValidationError(rules.EXPIRED, code="expired")
        if rules.fill_too_fast(elapsed):
            raise ValidationError(rules.TOO_FAST, code="too_fast")
        return cleaned

    def token_to_render(self):
        """The same token while it is good (so a resend is still one response); a new one when
        it is missing, tampered with or expired."""
        if self.is_bound and not self.token_expired and self.token is not None:
            return self.data.get("form_token")
        return new_form_token(self.now)


class PaperResponseForm(ResponseForm):
    """In the admin: a paper or e-mailed return typed in by a volunteer."""

    channel = forms.ChoiceField(
        choices=[(Channel.PAPER, Channel.PAPER.label), (Channel.EMAIL, Channel.EMAIL.label)],
        initial=Channel.PAPER,
        widget=forms.RadioSelect,
        help_text="How the return reached us.",
    )
    received_on = forms.DateField(
        help_text="The date the return arrived (it must be within the consultation's dates).",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, consultation, *args, **kwargs):
        self.consultation = consultation
        super().__init__(consultation.questions, *args, **kwargs)
        # The admin draws these fields itself; put the return's details first.
        self.order_fields(["channel", "received_on"])

    OTHER_FIELDS = ("channel", "received_on")

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        consultation = self.consultation
        if not rules.received_in_time(received_on, consultation.opens_on, consultation.closes_on):
            raise ValidationError(
                f"The consultation took answers from {consultation.opens_on:%-d %B %Y} to "
                f"{consultation.closes_on:%-d %B %Y}; a return received on "
                f"{received_on:%-d %B %Y} cannot be counted."
            )
        if received_on > timezone.localdate():
            raise ValidationError("The date received cannot be in the future.")
        return received_on
