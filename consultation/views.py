"""The consultation's public views, reached through the consultation page's routes: the
questionnaire (and taking a response), the receipt, the printable and PDF blanks, and the
published results. No JavaScript is needed for any of them."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone

from consultation import results, rules, services
from consultation.enums import ConsultationStatus, QuestionKind
from consultation.forms import CONTACT_LABELS, PublicResponseForm, borough_choices
from consultation.models import Response
from hub import pdf, throttle
from hub.page_cache import remembered
from hub.security import client_ip

logger = logging.getLogger(__name__)

THROTTLE_SCOPE = "consultation.submit"


def _page_context(request, page, **extra):
    context = page.get_context(request)
    context.update({"page": page, "self": page, "today": timezone.localdate(), **extra})
    return context


def _public_form(request, page, data=None):
    """The questionnaire as a form, from the questions and boroughs this server process
    remembers (``hub.page_cache.remembered``): every response needs both, and only an edit of
    the questionnaire or of the boroughs changes them."""
    boroughs = remembered(request, "consultation.borough_choices", borough_choices)
    return PublicResponseForm(page.remembered_questions(request), data, boroughs=boroughs)


def _form_response(request, page, form, status=200, extra_error=None):
    errors = form.error_summary() if form.is_bound else []
    if extra_error:
        errors.insert(0, (None, extra_error))
    context = _page_context(
        request,
        page,
        form=form,
        questions=form.rendered_questions(),
        form_token=form.token_to_render(),
        error_summary=errors,
        contact_labels=CONTACT_LABELS,
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _not_open(request, page, status):
    context = _page_context(request, page, consultation_status=page.status)
    return TemplateResponse(request, "consultation/not_open.html", context, status=status)


def questionnaire(request, page):
    """GET: the consultation, with its questionnaire while it is open. POST: take a response."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    is_open = page.status == ConsultationStatus.OPEN
    if request.method != "POST":
        if not is_open:
            return TemplateResponse(
                request, page.get_template(request), _page_context(request, page)
            )
        return _form_response(request, page, _public_form(request, page))
    form = _public_form(request, page, request.POST)
    key = form.idempotency_key
    if key is not None:
        # Only the reference is needed, and the key is unique: no ordering, no whole row.
        earlier = Response.objects.filter(idempotency_key=key, consultation=page).order_by()
        reference = next(iter(earlier.values_list("reference", flat=True)[:1]), None)
        if reference is not None:  # the same form sent again (even after closing): same receipt
            return redirect(_receipt_url(page, reference))
    if not is_open:
        return _not_open(request, page, status=403)
    if not throttle.allow(
        THROTTLE_SCOPE,
        client_ip(request) or "unknown",
        settings.HUB_SUBMISSIONS_PER_CLIENT,
        settings.HUB_SUBMISSION_WINDOW_SECONDS,
    ):
        form.is_valid()
        return _form_response(request, page, form, status=429, extra_error=rules.TOO_MANY)
    if not form.is_valid():
        return _form_response(request, page, form)
    try:
        response, created = services.take_response(
            page, form.answers(), form.contact_details(), key=key
        )
    except services.NotSaved:
        return _form_response(request, page, form, status=503, extra_error=rules.NOT_SAVED)
    except ValidationError:
        return _not_open(request, page, status=403)
    url = _receipt_url(page, response.reference)
    email = form.cleaned_data.get("receipt_email")
    if created and email:
        url += "?emailed=1" if _send_receipt(page, response, email) else "?emailed=0"
    return redirect(url)


def _receipt_url(page, reference):
    return page.url + page.reverse_subpage("receipt", args=[reference])


def _send_receipt(page, response, email):
    """Send the reference to the address given. The address is used here only: it is not
    stored, not even in a task queue. A failure is logged (without the address) and the
    receipt page says the email was not sent; the response itself is safe either way."""
    context = {"page": page, "response": response, "site_name": settings.WAGTAIL_SITE_NAME}
    try:
        send_mail(
            subject=f"Your response to “{page.title}”: {response.reference}",
            message=render_to_string("consultation/email/receipt.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    except Exception:  # any mail failure is reported the same way
        logger.warning("Could not send a receipt for response %s", response.pk)
        return False
    return True


def receipt(request, page, reference):
    response = Response.objects.filter(consultation=page, reference=reference.upper()).first()
    if response is None:
        raise Http404
    context = _page_context(request, page, response=response, emailed=request.GET.get("emailed"))
    return TemplateResponse(request, "consultation/receipt.html", context)


def printable(request, page):
    if not page.accepts_paper_returns:
        raise Http404
    from hub.models import Borough

    context = _page_context(
        request,
        page,
        questions=page.questions,
        boroughs=Borough.objects.order_by("name"),
        contact_labels=CONTACT_LABELS,
    )
    return TemplateResponse(request, "consultation/printable.html", context)


def questionnaire_pdf(request, page):
    if not page.accepts_paper_returns:
        raise Http404
    body = pdf.render_pdf(page.title, blank_sections(page), author=page.title)
    filename = f"{page.slug}-questionnaire.pdf"
    return HttpResponse(
        body,
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


def blank_sections(page):
    """The questionnaire as PDF sections: the same questions, in the same order, as online."""
    from hub.models import Borough

    questionnaire = page.questionnaire
    sections = [pdf.Section(heading="About this questionnaire",
                            paragraphs=[p for p in [questionnaire.introduction] if p])]  # fmt: skip
    boroughs = None
    for question in page.questions:
        section = pdf.Section(heading=question.label)
        if question.help_text:
            section.paragraphs.append(question.help_text)
        if not question.required:
            section.paragraphs.append("(Optional)")
        kind = question.kind
        if kind == QuestionKind.SHORT_TEXT:
            section.writing_lines = 1
        elif kind == QuestionKind.LONG_TEXT:
            section.writing_lines = 6
        elif kind in rules.CHOICE_KINDS:
            section.paragraphs.append(
                "Tick one." if kind == QuestionKind.SINGLE_CHOICE else "Tick all that apply."
            )
            section.tick_boxes = question.choice_list
        elif kind == QuestionKind.SCALE:
            section.paragraphs.append(scale_instruction(question))
            section.tick_boxes = [str(point) for point in question.scale_points]
        elif kind == QuestionKind.BOROUGHS:
            if boroughs is None:
                boroughs = list(Borough.objects.order_by("name").values_list("name", flat=True))
            section.paragraphs.append("Tick all that apply.")
            section.tick_boxes = boroughs
        elif kind == QuestionKind.CONTACT:
            section.table = [(CONTACT_LABELS[part], "") for part in ("name", "phone", "email")]
            section.tick_boxes = [CONTACT_LABELS["consent"]]
        sections.append(section)
    ending = [questionnaire.closing_words] if questionnaire.closing_words else []
    if page.postal_address:
        ending.append(f"Please send your completed questionnaire to: {page.postal_address}")
    ending.append(f"Closing date: {page.closes_on:%-d %B %Y}.")
    sections.append(pdf.Section(heading="Sending it back", paragraphs=ending))
    return sections


def scale_instruction(question):
    ends = ""
    if question.scale_lowest_label or question.scale_highest_label:
        ends = (
            f" ({question.scale_lowest} is {question.scale_lowest_label or 'lowest'}, "
            f"{question.scale_highest} is {question.scale_highest_label or 'highest'})"
        )
    return f"Tick one number from {question.scale_lowest} to {question.scale_highest}{ends}."


def public_results(request, page):
    """The questions the managers chose to publish, as figures: never free text or contact."""
    published = [
        question for question in page.questions if question.publish_results and question.is_counted
    ]
    total, question_results = results.question_results(
        published, Response.objects.filter(consultation=page), with_text=False
    )
    context = _page_context(request, page, total=total, results=question_results)
    return TemplateResponse(request, "consultation/public_results.html", context)
