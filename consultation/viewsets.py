"""Admin screens for consultations, one menu: results, paper returns, responses and
questionnaires. The consultations themselves are pages, edited in the page tree."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup

from consultation import admin_views, permissions
from consultation.admin_forms import QuestionnaireForm
from consultation.models import Questionnaire, Response
from hub.admin_views import ScopedModelViewSet, ScreensViewSet


class QuestionnaireViewSet(ScopedModelViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = "Questionnaires"
    list_display = ["title", "created_at"]
    search_fields = ["title"]
    ordering = ["title"]
    inspect_view_fields = ["title", "introduction", "closing_words"]
    edit_handler = ObjectList(Questionnaire.panels, base_form_class=QuestionnaireForm)


def start_paper_entry(request):
    """The list's "add" button: responses are added by typing in a paper return."""
    if not permissions.user_can_enter_paper_returns(request.user):
        raise PermissionDenied
    return redirect("consultation_paper:index")


class ResponseViewSet(ScopedModelViewSet):
    """Responses are listed and read; they are made by the questionnaire (online) or the paper
    entry screen, never edited, and deleted only by a manager."""

    model = Response
    icon = "doc-full"
    menu_label = "Responses"
    list_display = ["reference", "consultation", "channel", "received_on", "entered_by"]
    list_select_related = ["consultation", "entered_by"]
    list_filter = ["consultation", "channel"]
    search_fields = ["reference"]
    ordering = ["-submitted_at"]
    # The list's own export holds no answers or contact details; the full export is on the
    # results screen, for those allowed.
    list_export = ["reference", "consultation", "channel", "received_on", "submitted_at"]
    export_filename = "consultation-responses"
    inspect_view_class = admin_views.ResponseInspectView
    # Never shown: the policy refuses every change (a response is what someone said).
    form_fields = ["channel"]

    @property
    def add_view(self):
        return start_paper_entry

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/erase/", admin_views.EraseContactView.as_view(), name="erase"),
        ]


class PaperEntryViewSet(ScreensViewSet):
    name = "consultation_paper"
    icon = "doc-full"
    menu_label = "Enter a paper return"
    shown_to = permissions.user_can_enter_paper_returns

    def get_urlpatterns(self):
        return [
            path("", admin_views.PaperEntryStartView.as_view(), name="index"),
            path("<int:consultation_id>/", admin_views.PaperEntryView.as_view(), name="enter"),
        ]


class ResultsViewSet(ScreensViewSet):
    name = "consultation_results"
    icon = "table"
    menu_label = "Results"
    shown_to = permissions.user_can_see_results

    def get_urlpatterns(self):
        return [
            path("", admin_views.ResultsIndexView.as_view(), name="index"),
            path(
                "<int:consultation_id>/",
                admin_views.ResultsView.as_view(),
                name="consultation",
            ),
            path(
                "<int:consultation_id>/questions/<int:question_id>/",
                admin_views.TextAnswersView.as_view(),
                name="text_answers",
            ),
            path(
                "<int:consultation_id>/export.<str:format>",
                admin_views.ExportView.as_view(),
                name="export",
            ),
        ]


class ConsultationViewSetGroup(ModelViewSetGroup):
    menu_label = "Consultation"
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (
        ResultsViewSet(),
        PaperEntryViewSet(),
        ResponseViewSet("consultation_responses"),
        QuestionnaireViewSet("consultation_questionnaires"),
    )


__all__ = ["ConsultationViewSetGroup"]
