"""Calendar periods the hub reports by: quarters, and months added to a date.

Shared by the IAGs (the quarterly meeting, the quarterly feedback) and the partnership boards
(quarterly reports up the chain).
"""

import calendar
import datetime
from dataclasses import dataclass

# A quarter is a calendar quarter: January to March, April to June, July to September and
# October to December.
QUARTER_FIRST_MONTHS = (1, 4, 7, 10)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, QUARTER_FIRST_MONTHS[self.number - 1], 1)

    @property
    def last_day(self) -> datetime.date:
        last_month = QUARTER_FIRST_MONTHS[self.number - 1] + 2
        return datetime.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def next(self) -> "Quarter":
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> "Quarter":
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def __str__(self):
        first, last = self.first_day, self.last_day
        return f"{first:%B} to {last:%B} {self.year}"

    def __contains__(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day


def quarter_of(day: datetime.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day if it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


QUARTER_CHOICES = [
    (1, "January to March"),
    (2, "April to June"),
    (3, "July to September"),
    (4, "October to December"),
]
