"""Who may see what: the three roles, the pages of each, and the scope every cached query runs in.

- **public** (nobody signed in): the public summary (state and district totals), certificate lookup and
  verification.
- **collector** (one district): every dashboard page; centre-level detail and uploads for their own district
  only. Other districts appear only as district totals.
- **officer** (the whole state): everything, including stock entry, accounts and the audit trail.

`scoped_kwargs` is the server-side check every cached query goes through (data.read.cached.load): a query a role
may not run raises AccessDenied, and a query that returns centres is narrowed to the collector's district.
Hiding a page is not protection; this is.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("public", "collector", "officer")

PAGES: dict[str, tuple[str, ...]] = {
    "summary": ("public",),
    "sign_in": ("public",),
    "overview": ("collector", "officer"),
    "district_pace": ("collector", "officer"),
    "data_quality": ("collector", "officer"),
    "bulletin": ("collector", "officer"),
    "upload": ("collector", "officer"),
    "stock": ("officer",),
    "users": ("officer",),
    "audit_trail": ("officer",),
    "certificate": ROLES,
    "verify": ROLES,
}
"""Each page's file name (pages/<name>.py) and the roles that may open it."""

PUBLIC_QUERIES = frozenset(
    {"data_version", "date_range", "districts", "district_targets", "total_doses", "daily_doses", "vaccine_intervals"}
)
"""What the public summary reads: state and district totals, nothing per centre, nothing about imports."""

CENTRE_QUERIES = {
    "centre_days": "districts",
    "quality_frames": "centre_districts",
    "quality_range_frames": "centre_districts",
}
"""Queries that return centres, and the argument that limits them to districts."""


class AccessDenied(PermissionError):
    """The signed-in role may not see this (a page, a query, a district's centres)."""


@dataclass(frozen=True)
class Viewer:
    """Who is looking: a role, a collector's district, and (when signed in) the account's username."""

    role: str = "public"
    district_code: str | None = None
    username: str = ""
    display_name: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")
        if (self.role == "collector") != bool(self.district_code):
            raise ValueError("a collector has exactly one district; other roles have none")

    @property
    def signed_in(self) -> bool:
        return self.role != "public"

    @property
    def scope(self) -> tuple[str, str | None]:
        """What a cached result may depend on: part of every cache key."""
        return (self.role, self.district_code)

    def may_open(self, page: str) -> bool:
        return self.role in PAGES.get(page, ())

    def sees_centres_of(self, district_code: str | None) -> bool:
        """Centre-level detail of a district (None: of every district)."""
        if self.role == "officer":
            return True
        return self.role == "collector" and district_code is not None and district_code == self.district_code

    def pages(self) -> list[str]:
        """The pages this viewer may open, in the order of PAGES."""
        return [page for page in PAGES if self.may_open(page)]


PUBLIC = Viewer()


def scoped_kwargs(viewer: Viewer, query: str, kwargs: dict) -> dict:
    """The arguments to run data.read.queries.<query> with for this viewer; AccessDenied when it may not run it."""
    if viewer.role == "public" and query not in PUBLIC_QUERIES:
        raise AccessDenied(f"{query} is not public")
    argument = CENTRE_QUERIES.get(query)
    if argument is None or viewer.role == "officer":
        return kwargs
    asked = kwargs.get(argument)
    if asked is None:
        return {**kwargs, argument: [viewer.district_code]}
    if any(not viewer.sees_centres_of(code) for code in asked):
        raise AccessDenied("centre-level detail is limited to your own district")
    return kwargs
