"""Admin screens of a consultation that are more than a list or a form: typing in a paper
return, the results with their filters, the free-text answers, the exports, a response's page
and erasing a respondent's contact details."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultation import exports, permissions, results, services
from consultation.enums import Channel, QuestionKind
from consultation.forms import PaperResponseForm
from consultation.models import ConsultationPage, Question, Response
from hub.admin_views import ScopedInspectView, ServiceStepView, breadcrumb_trail
from hub.models import Borough


def results_url(consultation):
    return reverse("consultation_results:consultation", args=[consultation.pk])


class GuardedView(WagtailAdminTemplateMixin, TemplateView):
    """Refuses anyone ``allowed(user)`` says no to, before doing anything else."""

    allowed = None

    def dispatch(self, request, *args, **kwargs):
        if not type(self).allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Paper returns ------------------------------------------------------------------------------


def consultations_taking_paper(today):
    return ConsultationPage.objects.filter(
        accepts_paper_returns=True, opens_on__lte=today
    ).order_by("-opens_on", "title")


class PaperEntryStartView(GuardedView):
    """Choose the consultation whose paper returns you are typing in."""

    allowed = permissions.user_can_enter_paper_returns
    template_name = "consultation/admin/paper_start.html"
    page_title = "Enter a paper return"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consultations=consultations_taking_paper(timezone.localdate()), **kwargs
        )


class PaperEntryView(GuardedView):
    """The questionnaire, as on paper, with how and when the return arrived. Saved through the
    same service as online responses; on success, an empty form for the next return."""

    allowed = permissions.user_can_enter_paper_returns
    template_name = "consultation/admin/paper_entry.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.consultation = get_object_or_404(
            consultations_taking_paper(timezone.localdate()), pk=kwargs["consultation_id"]
        )
        self.page_title = f"Enter a paper return: {self.consultation.title}"
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("consultation_paper:index"), "Enter a paper return"),
            ("", self.consultation.title),
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(form=PaperResponseForm(self.consultation))
        )

    def post(self, request, *args, **kwargs):
        form = PaperResponseForm(self.consultation, request.POST)
        if not form.is_valid():
            messages.error(request, "The return could not be saved: correct the errors below.")
            return self.render_to_response(self.get_context_data(form=form))
        try:
            response, _ = services.take_response(
                self.consultation,
                form.answers(),
                form.contact_details(),
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                entered_by=request.user,
            )
        except services.NotSaved:
            messages.error(
                request,
                "The database is not answering, so nothing was saved. Try again in a minute.",
            )
            context = self.get_context_data(form=form)
            return self.render_to_response(context, status=503)
        messages.success(
            request, f"Return {response.reference} saved. The form is ready for the next one."
        )
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        form = kwargs["form"]
        groups = []
        for question in self.consultation.questions:
            if question.kind == QuestionKind.CONTACT:
                names = [f"q{question.pk}-{part}" for part in ("name", "phone", "email", "consent")]
            else:
                names = [f"q{question.pk}"]
            groups.append((question, [form[name] for name in names]))
        return super().get_context_data(consultation=self.consultation, groups=groups, **kwargs)


# --- Results --------------------------------------------------------------------------------------


class ResultsFilterForm(forms.Form):
    borough = forms.ModelChoiceField(
        Borough.objects.order_by("name"), required=False, empty_label="All boroughs"
    )
    channel = forms.ChoiceField(choices=[("", "All channels"), *Channel.choices], required=False)
    q = forms.CharField(label="Search the written answers", required=False, max_length=200)

    def filters(self):
        if not self.is_valid():
            return None, "", ""
        data = self.cleaned_data
        return data["borough"], data["channel"], data["q"].strip()


class ResultsIndexView(GuardedView):
    allowed = permissions.user_can_see_results
    template_name = "consultation/admin/results_index.html"
    page_title = "Consultation results"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        consultations = ConsultationPage.objects.annotate(count=Count("responses")).order_by(
            "-opens_on", "title"
        )
        return super().get_context_data(consultations=consultations, **kwargs)


class ConsultationResultsMixin:
    def dispatch(self, request, *args, **kwargs):
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["consultation_id"])
        self.filter_form = ResultsFilterForm(request.GET or None)
        self.borough, self.channel, self.search = self.filter_form.filters()
        return super().dispatch(request, *args, **kwargs)

    def responses(self):
        return results.filtered_responses(self.consultation, self.borough, self.channel)

    def filter_query(self):
        return self.request.GET.urlencode()


class ResultsView(ConsultationResultsMixin, GuardedView):
    """Per question, the counts and shares (table and chart), the latest written answers, and
    the filters; figures as they arrive, whatever the consultation's state."""

    allowed = permissions.user_can_see_results
    template_name = "consultation/admin/results.html"
    header_icon = "table"

    def get_page_title(self):
        return f"Results: {self.consultation.title}"

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("consultation_results:index"), "Results"),
            ("", self.consultation.title),
        )

    def get_context_data(self, **kwargs):
        total, question_results, by_channel = results.results_and_channels(
            self.consultation.questions, self.responses(), text_search=self.search
        )
        return super().get_context_data(
            consultation=self.consultation,
            filter_form=self.filter_form,
            total=total,
            results=question_results,
            by_channel=[(label, by_channel.get(value, 0)) for value, label in Channel.choices],
            query=self.filter_query(),
            can_export=permissions.user_can_export_responses(self.request.user),
            search=self.search,
            **kwargs,
        )


class TextAnswersView(ConsultationResultsMixin, GuardedView):
    """Every written answer to one question, newest first, searchable and paged."""

    allowed = permissions.user_can_see_results
    template_name = "consultation/admin/text_answers.html"
    header_icon = "table"
    per_page = 50

    def get_context_data(self, **kwargs):
        question = get_object_or_404(
            Question.objects.filter(questionnaire=self.consultation.questionnaire_id),
            pk=self.kwargs["question_id"],
        )
        if question.kind not in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            raise PermissionDenied
        self.page_title = f"Answers to {question.number or 'a question'}"
        answers = results.text_answers(question, self.responses(), self.search)
        page = Paginator(answers, self.per_page).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            consultation=self.consultation,
            question=question,
            answers=page,
            filter_form=self.filter_form,
            query=self.filter_query(),
            **kwargs,
        )

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("consultation_results:index"), "Results"),
            (results_url(self.consultation), self.consultation.title),
            ("", "Written answers"),
        )


class ExportView(ConsultationResultsMixin, GuardedView):
    """The responses (filtered as on the results screen) as CSV or XLSX."""

    allowed = permissions.user_can_export_responses

    def get(self, request, *args, **kwargs):
        questions = self.consultation.questions
        with_contact = permissions.user_can_see_contact_details(request.user)
        responses = self.responses()
        name = f"{self.consultation.slug}-responses-{timezone.localdate():%Y-%m-%d}"
        if kwargs["format"] == "csv":
            response = StreamingHttpResponse(
                exports.csv_lines(responses, questions, with_contact),
                content_type="text/csv; charset=utf-8",
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response
        response = HttpResponse(
            exports.xlsx_bytes(responses, questions, with_contact),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response


# --- A response ----------------------------------------------------------------------------------


class ResponseInspectView(ScopedInspectView):
    """The answers, as given; contact details only for those allowed to see them."""

    template_name = "consultation/admin/response_inspect.html"

    def get_context_data(self, **kwargs):
        response = self.object
        user = self.request.user
        answers = {}
        for answer in response.answers.select_related("borough"):
            answers.setdefault(answer.question_id, []).append(answer.value)
        rows = [
            (question, answers.get(question.pk, []))
            for question in response.questionnaire.ordered_questions()
        ]
        show_contact = permissions.user_can_see_contact_details(user)
        contact = getattr(response, "contact", None) if show_contact else None
        erase_url = None
        if contact is not None and permissions.user_can_erase_contact_details(user):
            erase_url = reverse("consultation_responses:erase", args=[response.pk])
        return super().get_context_data(
            response=response,
            rows=rows,
            show_contact=show_contact,
            contact=contact,
            erase_url=erase_url,
            **kwargs,
        )


class EraseContactView(ServiceStepView):
    """Confirm, then erase one respondent's contact details (their answers stay)."""

    template_name = "consultation/admin/erase_contact.html"
    header_icon = "bin"
    page_title = "Erase contact details"
    done = "Contact details erased. The answers and the results are unchanged."

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_erase_contact_details(request.user):
            raise PermissionDenied
        self.record = get_object_or_404(Response, pk=kwargs["pk"])
        self.service = services.erase_contact_details
        return super().dispatch(request, *args, **kwargs)

    def record_url(self):
        return reverse("consultation_responses:inspect", args=[self.record.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(response=self.record, **kwargs)
