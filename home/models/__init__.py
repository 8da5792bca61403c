"""The home app's models: the home page and mission statement, offices and contacts, and the
welcome booklet.

Import them from here (`from home.models import OfficePage`). The modules are split by concern;
`offices` imports `booklet` (an office lists its booklet), never the reverse.
"""

from .booklet import WelcomeBookletPage
from .offices import (
    ContactPage,
    OfficeClosure,
    OfficeHours,
    OfficePage,
    OfficeService,
    Service,
    phone_link,
)
from .pages import HomePage, HomePageFeaturedGuide, MissionPage

__all__ = [
    "ContactPage",
    "HomePage",
    "HomePageFeaturedGuide",
    "MissionPage",
    "OfficeClosure",
    "OfficeHours",
    "OfficePage",
    "OfficeService",
    "Service",
    "WelcomeBookletPage",
    "phone_link",
]
