"""The offices app's models: the contact page, offices with their hours, closures and services,
and each office's welcome booklet.

Import them from here (`from offices.models import OfficePage`). `offices` imports `booklet` (an
office lists its booklet), never the reverse. Every model was first made in the home app: each
keeps its table (`db_table`).
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

__all__ = [
    "ContactPage",
    "OfficeClosure",
    "OfficeHours",
    "OfficePage",
    "OfficeService",
    "Service",
    "WelcomeBookletPage",
    "phone_link",
]
