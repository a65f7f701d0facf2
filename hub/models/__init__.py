from hub.models.glossary import GlossaryTerm
from hub.models.pages import (
    FAQPage,
    GlossaryPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from hub.models.people import Organisation, Person
from hub.models.reference import Borough
from hub.models.site_settings import HubSettings
from hub.models.throttle import ThrottleWindow
from hub.models.users import User

__all__ = [
    "Borough",
    "FAQPage",
    "GlossaryPage",
    "GlossaryTerm",
    "HomePage",
    "HubSettings",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "Person",
    "StandardPage",
    "ThrottleWindow",
    "User",
]
