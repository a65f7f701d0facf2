"""Two people saving the same response at the same moment, on PostgreSQL's row locks."""

import threading

import pytest
from django.db import connection

from iag import services
from iag.models import Advice, AdviceResponse
from tests.iag.factories import AdviceFactory

pytestmark = [
    pytest.mark.postgres,
    # Committed for real, so the threads see it; the migrations' data come back afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 10


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks under concurrent requests are a PostgreSQL behaviour")


def race(advice, outcomes, expected_version):
    """Start one editor per outcome at exactly the same moment; return what each saw."""
    barrier = threading.Barrier(len(outcomes))
    results = []

    def editor(outcome):
        try:
            barrier.wait()
            services.respond_to_advice(
                Advice.objects.get(pk=advice.pk), None, outcome=outcome,
                decision=f"Decision: {outcome}", reasons=f"Reasons: {outcome}",
                expected_version=expected_version,
            )  # fmt: skip
            results.append(("saved", outcome))
        except services.ResponseConflict:
            results.append(("conflict", outcome))
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(outcome,)) for outcome in outcomes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_editing_one_response_at_once_loses_no_update():
    for _ in range(ROUNDS):
        advice = AdviceFactory(pending=True)
        version = advice.response.version
        versions_before = AdviceResponse.history.filter(advice_id=advice.pk).count()
        results = race(advice, ["partly_followed", "not_followed"], expected_version=version)
        assert sorted(kind for kind, _ in results) == ["conflict", "saved"]
        saved = next(outcome for kind, outcome in results if kind == "saved")
        response = AdviceResponse.objects.get(advice=advice)
        assert (response.outcome, response.version) == (saved, version + 1)
        versions = AdviceResponse.history.filter(advice_id=advice.pk).count()
        assert versions == versions_before + 1


def test_two_first_responses_at_once_make_one_response():
    for _ in range(ROUNDS):
        advice = AdviceFactory()
        results = race(advice, ["followed", "not_followed"], expected_version=0)
        assert sorted(kind for kind, _ in results) == ["conflict", "saved"]
        assert AdviceResponse.objects.filter(advice=advice).count() == 1
