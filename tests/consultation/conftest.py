import datetime

import pytest
from django.http import QueryDict

from consultation.enums import QuestionKind
from hub.models import Borough
from tests.consultation.factories import QuestionFactory, QuestionnaireFactory, consultation_under

# Sentinels that must never reach a public page, a receipt, a PDF or (once removed) any table.
NAME_SENTINEL = "Zebedee Sentinelname"
PHONE_SENTINEL = "+44 (0)20 7946 0817"
EMAIL_SENTINEL = "sentinel-address@example.org"
TEXT_SENTINEL = "Quixotic-sentinel-text"


def posted(data):
    """``data`` as a browser posts it (a ``QueryDict``: lists become repeated fields)."""
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query


class EveryKind:
    """A questionnaire with one question of every kind, in the order of the kinds."""

    def __init__(self):
        self.questionnaire = QuestionnaireFactory(title="Every kind", closing_words="Thanks.")

        def add(order, **kwargs):
            return QuestionFactory(
                questionnaire=self.questionnaire, sort_order=order, number=f"Q{order + 1}", **kwargs
            )

        self.short = add(0, text="What is your organisation called?", required=True)
        self.long = add(1, long=True, text="What works well with the police?")
        self.single = add(2, single=True, text="How involved are you?", publish_results=True)
        self.multiple = add(3, multiple=True, text="What should we focus on?", publish_results=True)
        self.boroughs = add(4, boroughs=True, text="Which boroughs?", publish_results=True)
        self.scale = add(5, scale=True, text="How safe do you feel?", publish_results=True)
        self.contact = add(6, contact=True, text="May we call you about your views?")
        self.questions = [
            self.short,
            self.long,
            self.single,
            self.multiple,
            self.boroughs,
            self.scale,
            self.contact,
        ]
        assert [q.kind for q in self.questions] == [
            QuestionKind.SHORT_TEXT,
            QuestionKind.LONG_TEXT,
            QuestionKind.SINGLE_CHOICE,
            QuestionKind.MULTIPLE_CHOICE,
            QuestionKind.BOROUGHS,
            QuestionKind.SCALE,
            QuestionKind.CONTACT,
        ]
        boroughs = list(Borough.objects.order_by("name"))
        self.camden = next(b for b in boroughs if b.name == "Camden")
        self.hackney = next(b for b in boroughs if b.name == "Hackney")

    def valid_data(self, **overrides):
        """A complete, valid set of answers (as posted), changed by ``overrides``."""
        data = {
            f"q{self.short.pk}": "Hackney Youth Club",
            f"q{self.long.pk}": "Weekly football with the safer neighbourhoods team.",
            f"q{self.single.pk}": "High",
            f"q{self.multiple.pk}": ["Knife crime", "Schools"],
            f"q{self.boroughs.pk}": [str(self.camden.pk), str(self.hackney.pk)],
            f"q{self.scale.pk}": "4",
            f"q{self.contact.pk}-name": "Ada Example",
            f"q{self.contact.pk}-phone": "020 7946 0123",
            f"q{self.contact.pk}-email": "ada@example.org",
            f"q{self.contact.pk}-consent": "on",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def every_kind(db):
    return EveryKind()


@pytest.fixture
def consultation(home, every_kind):
    """Open from 1 June to 31 July 2026 (in British Summer Time, so local and UTC dates differ
    around midnight)."""
    return consultation_under(
        home,
        questionnaire=every_kind.questionnaire,
        title="Youth safety consultation",
        opens_on=datetime.date(2026, 6, 1),
        closes_on=datetime.date(2026, 7, 31),
    )
