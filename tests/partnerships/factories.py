"""Factories for partnership records, and the framework document's structure in one call.

Also the source of the partnership demo data (``partnerships/demo.py``).
"""

import datetime
from dataclasses import dataclass

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.enums import MinuteItemKind
from partnerships import models
from partnerships.enums import ActionStatus, BoardKind, BoardRole, InitiativeKind, ReportStatus
from tests.hub.factories import PersonFactory


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = models.Partnership
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Voluntary sector and police partnership {n}")
    objective = (
        "To establish a strong working relationship between the voluntary sector and the police "
        "to reduce crime, disorder and the fear of crime by adding value to existing activity."
    )


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = models.Theme

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")


class StrategyFactory(DjangoModelFactory):
    class Meta:
        model = models.Strategy

    partnership = factory.SubFactory(PartnershipFactory)
    name = "Youth strategy"
    first_year = factory.LazyFunction(lambda: timezone.localdate().year - 1)
    years = 5


class BoardFactory(DjangoModelFactory):
    """A board of the given kind; pass ``parent`` for every kind but the executive board."""

    class Meta:
        model = models.Board

    partnership = factory.SubFactory(PartnershipFactory)
    kind = BoardKind.EXECUTIVE
    name = factory.Sequence(lambda n: f"Board {n}")
    purpose = factory.LazyAttribute(lambda b: f"What the {b.name} is for.")


class BoardMembershipFactory(DjangoModelFactory):
    class Meta:
        model = models.BoardMembership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(PersonFactory)
    role = BoardRole.MEMBER
    joined_on = factory.LazyFunction(lambda: days_ago(400))

    class Params:
        chair = factory.Trait(role=BoardRole.CHAIR, publish_name=True)
        secretary = factory.Trait(role=BoardRole.SECRETARY)


class BoardMeetingFactory(DjangoModelFactory):
    class Meta:
        model = models.BoardMeeting

    board = factory.SubFactory(BoardFactory)
    date = factory.LazyFunction(lambda: days_ago(20))
    place = "Partnership office, meeting room 2"
    agenda = "1. Welcome\n2. Reports from the boards below\n3. Action plan"


class BoardMinuteItemFactory(DjangoModelFactory):
    class Meta:
        model = models.BoardMinuteItem

    meeting = factory.SubFactory(BoardMeetingFactory)
    kind = MinuteItemKind.ORDINARY
    title = factory.Sequence(lambda n: f"Item {n}")
    text = factory.Faker("paragraph", locale="en_GB")
    sort_order = factory.Sequence(lambda n: n)

    class Params:
        withheld = factory.Trait(
            kind=MinuteItemKind.CONFIDENTIAL,
            title="",
            text="",
            withheld_at_request_of="The police representative",
        )


class InitiativeFactory(DjangoModelFactory):
    class Meta:
        model = models.Initiative

    board = factory.SubFactory(BoardFactory, kind=BoardKind.PROJECT)
    title = factory.Sequence(lambda n: f"Joint initiative {n}")
    kind = InitiativeKind.INITIATIVE
    objectives = "Objectives agreed by all partners."
    objectives_agreed_on = factory.LazyFunction(lambda: days_ago(200))


class BoardReportFactory(DjangoModelFactory):
    """A draft report; ``submitted`` sends it up, ``published`` also puts it on the site."""

    class Meta:
        model = models.BoardReport

    board = factory.SubFactory(BoardFactory)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    quarter = 1
    summary = factory.Faker("paragraph", locale="en_GB")
    progress_on_actions = "Most actions are on track."
    issues_for_board_above = ""

    class Params:
        submitted = factory.Trait(
            status=ReportStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        published = factory.Trait(
            status=ReportStatus.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )


class ActionPlanFactory(DjangoModelFactory):
    class Meta:
        model = models.ActionPlan

    board = factory.SubFactory(BoardFactory)
    strategy = factory.SubFactory(
        StrategyFactory, partnership=factory.SelfAttribute("..board.partnership")
    )
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    summary = "What the board will deliver this year."


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = models.Action

    plan = factory.SubFactory(ActionPlanFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    due_on = factory.LazyFunction(lambda: days_ago(-60))
    status = ActionStatus.NOT_STARTED

    class Params:
        done = factory.Trait(
            status=ActionStatus.DONE, completed_on=factory.LazyFunction(lambda: days_ago(5))
        )


@dataclass
class Structure:
    """The framework document's structure, with a chair (and a plain member) on each board."""

    partnership: models.Partnership
    executive: models.Board
    central: models.Board
    youth: models.Board
    project_a: models.Board
    project_b: models.Board
    chairs: dict  # board kind or name -> BoardMembership
    members: dict

    @property
    def boards(self):
        return [self.executive, self.central, self.youth, self.project_a, self.project_b]


def build_structure(partnership=None, names=None):
    """Executive board; central project board (its chair on the executive board); a youth
    operational group (its nominated chair on the central project board); two project boards."""
    partnership = partnership or PartnershipFactory()
    youth_theme = ThemeFactory(partnership=partnership, name="Youth")
    names = names or {}

    def board(key, kind, parent=None, **extra):
        return BoardFactory(
            partnership=partnership,
            kind=kind,
            parent=parent,
            name=names.get(key, f"{partnership.name}: {key}"),
            **extra,
        )

    executive = board("executive board", BoardKind.EXECUTIVE)
    central = board("central project board", BoardKind.CENTRAL, executive)
    youth = board("youth operational group", BoardKind.OPERATIONAL, central, theme=youth_theme)
    project_a = board("project board A", BoardKind.PROJECT, central)
    project_b = board("project board B", BoardKind.PROJECT, central)

    chairs, members = {}, {}
    chairs["executive"] = BoardMembershipFactory(board=executive, chair=True)
    central_chair = PersonFactory()
    BoardMembershipFactory(board=executive, person=central_chair)
    chairs["central"] = BoardMembershipFactory(board=central, person=central_chair, chair=True)
    youth_chair = PersonFactory()
    BoardMembershipFactory(board=central, person=youth_chair)
    chairs["youth"] = BoardMembershipFactory(
        board=youth, person=youth_chair, chair=True, nominated_on=days_ago(300)
    )
    chairs["project_a"] = BoardMembershipFactory(board=project_a, chair=True)
    chairs["project_b"] = BoardMembershipFactory(board=project_b, chair=True)
    for key, each in (
        ("executive", executive),
        ("central", central),
        ("youth", youth),
        ("project_a", project_a),
        ("project_b", project_b),
    ):
        members[key] = BoardMembershipFactory(board=each)
    return Structure(partnership, executive, central, youth, project_a, project_b, chairs, members)
