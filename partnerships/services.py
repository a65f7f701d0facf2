"""State changes of the partnership's records that are more than an edit: submitting a report
up the chain and publishing it. Each is one transaction with a row lock, recorded in the
report's history (with a reason) and in Wagtail's audit log.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from partnerships import rules
from partnerships.enums import ReportStatus
from partnerships.models import BoardReport

SUBMIT_REPORT = "partnerships.report.submit"
PUBLISH_REPORT = "partnerships.report.publish"


def _save(report, user, reason):
    report._history_user = user
    report._change_reason = reason
    report.save()


@transaction.atomic
def submit_report(report, user):
    """Send a draft report to the board above; from then on it is read there and not edited."""
    report = BoardReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError("This report has already been submitted.")
    if report.board.parent_id is None:
        raise ValidationError(rules.REPORTS_TO_NO_BOARD)
    if not report.summary.strip():
        raise ValidationError("Write the summary before submitting the report.")
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = user
    _save(report, user, f"Submitted to {report.board.parent}")
    log(instance=report, action=SUBMIT_REPORT, user=user)
    return report


@transaction.atomic
def publish_report(report, user):
    """Put a submitted report on the partnership's public pages."""
    report = BoardReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError("Only a submitted report can be published.")
    if report.published_at is not None:
        raise ValidationError("This report is already published.")
    report.published_at = timezone.now()
    _save(report, user, "Published")
    log(instance=report, action=PUBLISH_REPORT, user=user)
    return report
