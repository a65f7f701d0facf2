from wagtail.admin.forms import WagtailAdminModelForm

from consultation.enums import QuestionKind


class QuestionnaireForm(WagtailAdminModelForm):
    """A questionnaire has at most one contact-details block, and keeps every answered question
    (its answers would otherwise be lost with it). Checked once the questions' own forms are
    valid, since both rules read them."""

    def is_valid(self):
        if not super().is_valid():
            return False
        problem = self.questions_problem(self.formsets["questions"])
        if problem:
            self.add_error(None, problem)
            return False
        return True

    @staticmethod
    def questions_problem(questions):
        deleted = set(questions.deleted_forms) if questions.can_delete else set()
        kept = [
            form
            for form in questions.forms
            if form not in deleted and (form.has_changed() or form.instance.pk)
        ]
        if sum(1 for form in kept if form.cleaned_data.get("kind") == QuestionKind.CONTACT) > 1:
            return "A questionnaire has one contact-details question at most."
        for form in deleted:
            if form.instance.pk and form.instance.answers.exists():
                return (
                    f"“{form.instance}” has been answered, so it cannot be removed. "
                    "Make it optional instead, or leave it."
                )
        return ""
