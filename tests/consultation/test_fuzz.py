"""Property-based fuzzing of the public questionnaire: whatever is posted (random and real field
names, unicode, control characters, very long text, lists, invalid ids, bytes that are not
UTF-8, missing, forged, stale or reused tokens), the site never fails with a server error,
acknowledges a response only when it stored one, and every response it stores keeps the
questionnaire's rules (``Response.rule_breaks() == []``)."""

import datetime
import urllib.parse
import zoneinfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultation.forms import HONEYPOT, new_form_token
from consultation.models import Response
from hub.models import Borough

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 11, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
EXAMPLES = 150
REMOVE = object()  # a field of the valid answers left out altogether

# Text without lone surrogates (which cannot be encoded to send), but with everything else:
# control characters, NUL, combining marks, right-to-left text, emoji.
CHARACTERS = st.characters(exclude_categories=("Cs",))
TEXT = st.text(CHARACTERS, max_size=30)
CONTROL = st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=8)
LONG = st.builds(
    lambda chunk, times: chunk * times,
    st.text(CHARACTERS, min_size=1, max_size=3),
    st.sampled_from([34, 67, 100, 200, 201, 1700, 5000, 5001]),
)
NOT_UTF8 = st.binary(min_size=1, max_size=12)


def payload_values(every_kind):
    """Values that mean something to some field, and plenty that mean nothing."""
    boroughs = [str(pk) for pk in Borough.objects.values_list("pk", flat=True)[:3]]
    meaningful = st.sampled_from(
        boroughs
        + every_kind.single.choice_list
        + every_kind.multiple.choice_list
        + [
            "0",
            "1",
            "5",
            "6",
            "-1",
            "1e3",
            " 3",
            "３",
            "NaN",
            "999999",
            "",
            " ",
            "on",
            "yes",
            "false",
            "020 7946 0123",
            "+44 20 7946 0000",
            "Ada",
            "ada@example.org",
            "ada@example",
            "null",
            "[]",
            "<script>alert(1)</script>",
        ]
    )
    scalar = st.one_of(meaningful, TEXT, CONTROL, LONG, NOT_UTF8)
    return st.one_of(scalar, st.lists(scalar, min_size=0, max_size=4))


def field_names(every_kind):
    contact = every_kind.contact.pk
    names = [f"q{q.pk}" for q in every_kind.questions if q != every_kind.contact]
    names += [f"q{contact}-{part}" for part in ("name", "phone", "email", "consent")]
    return names + [HONEYPOT, "receipt_email", "form_token"]


def encode(fields):
    """As a browser posts a form: ``application/x-www-form-urlencoded``, repeated names for
    lists (bytes are sent as they are, so not always as UTF-8)."""
    pairs = []
    for key, value in fields.items():
        for each in value if isinstance(value, list) else [value]:
            pairs.append((key, each))
    return urllib.parse.urlencode(pairs)


def test_no_payload_causes_a_server_error_or_a_response_that_breaks_the_rules(
    client, consultation, every_kind, settings
):
    settings.HUB_SUBMISSIONS_PER_CLIENT = 100_000
    names = field_names(every_kind)
    values = payload_values(every_kind)
    payloads = st.fixed_dictionaries(
        {
            "start_from_valid_answers": st.sampled_from([True, True, True, False]),
            "token": st.sampled_from(
                ["fresh", "fresh", "fresh", "missing", "forged", "too fast", "stale", "reused"]
            ),
            "changes": st.dictionaries(
                st.one_of(st.sampled_from(names), st.text(CHARACTERS, max_size=20)),
                st.one_of(st.just(REMOVE), values),
                max_size=4,
            ),
        }
    )
    seen = {"statuses": {}, "stored": 0, "resent": 0, "last token": None}

    def token_for(kind):
        if kind == "missing":
            return REMOVE
        if kind == "forged":
            return "eyJrIjoiMSJ9:forged"
        if kind == "too fast":
            return new_form_token(NOW - datetime.timedelta(seconds=1))
        if kind == "stale":
            return new_form_token(NOW - datetime.timedelta(days=2))
        if kind == "reused" and seen["last token"]:
            return seen["last token"]
        return new_form_token(NOW - datetime.timedelta(seconds=10))

    @hypothesis_settings(max_examples=EXAMPLES)
    @given(payload=payloads)
    def post_one(payload):
        fields = every_kind.valid_data() if payload["start_from_valid_answers"] else {}
        form_token = token_for(payload["token"])
        if form_token is not REMOVE:
            fields["form_token"] = form_token
        for key, value in payload["changes"].items():
            if value is REMOVE:
                fields.pop(key, None)
            else:
                fields[key] = value
        before = Response.objects.count()
        latest = Response.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

        response = client.post(
            consultation.url, encode(fields), content_type="application/x-www-form-urlencoded"
        )

        status = response.status_code
        assert status < 500, (status, fields)
        seen["statuses"][status] = seen["statuses"].get(status, 0) + 1
        stored = Response.objects.filter(pk__gt=latest)
        if status == 302:
            assert "/receipt/" in response["Location"]
            reference = response["Location"].rstrip("/").rsplit("/", 1)[1].split("?")[0]
            assert Response.objects.filter(reference=reference).exists()
            seen["stored" if stored.exists() else "resent"] += 1
            seen["last token"] = fields.get("form_token")
        else:
            assert Response.objects.count() == before, (status, fields)
        assert stored.count() <= 1
        for each in stored:
            assert each.rule_breaks() == [], fields

    with time_machine.travel(NOW, tick=False):
        post_one()

    assert sum(seen["statuses"].values()) >= EXAMPLES
    assert set(seen["statuses"]) <= {200, 302, 400}
    # Both sides were explored: forms refused and responses stored (a resend stores nothing).
    assert seen["statuses"].get(200, 0) >= 20
    assert seen["stored"] >= 20
    assert seen["resent"] >= 1
    assert Response.objects.count() == seen["stored"]
    assert all(each.rule_breaks() == [] for each in Response.objects.all())
