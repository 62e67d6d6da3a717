"""Who may do what: the roles, the pages of each, and the gate every call from a page goes through.

- **public** (nobody signed in): the public summary (state and district totals), certificate lookup and
  verification, and the page about the data (which every role may open).
- **collector** (one district): every dashboard page; centre-level detail, uploads and import history of
  their own district only. Other districts appear only as district totals.
- **officer** (the whole state): everything, including stock entry, accounts and the audit trail.

Pages hold no database session. They reach data/ only through gated functions, each declaring its Scope
where it is defined: a query (`data.read.query`, cached by data version) or a command (`command` here, one
unit of work). Every call carries the Context the frame (app.py) built for this rerun; the gate refuses a
role outside the scope (AccessDenied) and, for a collector, fills in or checks the argument that narrows the
call to their own district or their own records. Closed by default: a function that declares no scope
cannot be called from a page (tests/test_access.py reads the pages and checks every call they make into
data/). Hiding a page is not protection; this is.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Concatenate, Generic, ParamSpec, TypeVar

from sqlmodel import Session

from data.db import app_engine, writing

ROLES = ("public", "collector", "officer")
STAFF_ROLES = ("collector", "officer")

PAGES: dict[str, tuple[str, ...]] = {
    "summary": ("public",),
    "sign_in": ("public",),
    "overview": STAFF_ROLES,
    "district_pace": STAFF_ROLES,
    "data_quality": STAFF_ROLES,
    "bulletin": STAFF_ROLES,
    "upload": STAFF_ROLES,
    "stock": ("officer",),
    "users": ("officer",),
    "audit_trail": ("officer",),
    "certificate": ROLES,
    "verify": ROLES,
    "about": ROLES,
}
"""Each page's file name (pages/<name>.py) and the roles that may open it."""


class AccessDenied(PermissionError):
    """The viewer's role may not see or do this (a page, a query, a district's centres, a command)."""


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


@dataclass(frozen=True)
class Context:
    """What every gated call carries: who is looking, the data version (read once per rerun by the frame; the
    key of every cached result) and the language chosen."""

    viewer: Viewer = PUBLIC
    version: str = ""
    lang: str = "en"


@dataclass(frozen=True)
class Scope:
    """Who may call a gated function, and how a collector's call is narrowed.

    roles: the roles that may call it at all. argument: for a collector, the argument limited to their own
    part — with by="district" a list of district codes (None becomes [their district]; any other district is
    refused), with by="username" a username (None becomes theirs; another is refused). An officer's call is
    never narrowed.
    """

    name: str
    roles: frozenset[str]
    argument: str | None = None
    by: str = "district"

    def check(self, viewer: Viewer, arguments: dict[str, object]) -> dict[str, object]:
        """The arguments to run with for this viewer; AccessDenied when the viewer may not make this call."""
        if viewer.role not in self.roles:
            raise AccessDenied(f"{self.name} scope: not for the {viewer.role} role")
        if self.argument is None or viewer.role != "collector":
            return arguments
        asked = arguments.get(self.argument)
        if self.by == "username":
            if asked is None:
                return {**arguments, self.argument: viewer.username}
            if asked != viewer.username:
                raise AccessDenied("a collector sees their own records only")
            return arguments
        if asked is None:
            return {**arguments, self.argument: [viewer.district_code]}
        if isinstance(asked, str) or any(not viewer.sees_centres_of(code) for code in asked):
            raise AccessDenied("centre-level detail is limited to your own district")
        return arguments


EVERYONE = Scope("everyone", frozenset(ROLES))
"""Anyone, signed in or not: what the public pages show."""
STAFF = Scope("staff", frozenset(STAFF_ROLES))
"""Signed-in staff: state and district totals."""
OFFICER = Scope("officer", frozenset({"officer"}))
"""The state officer only."""


def district(argument: str) -> Scope:
    """Signed-in staff, a collector narrowed to their own district through `argument` (district codes)."""
    return Scope(f"district({argument})", frozenset(STAFF_ROLES), argument, "district")


def own(argument: str) -> Scope:
    """Signed-in staff, a collector narrowed to their own records through `argument` (a username)."""
    return Scope(f"own({argument})", frozenset(STAFF_ROLES), argument, "username")


P = ParamSpec("P")
R = TypeVar("R")

GATED: list[Gated] = []
"""Every gated function (query or command), in the order they were defined: what the access tests walk."""


@dataclass(eq=False)
class Gated(Generic[P, R]):
    """A function a page may call: its scope, and the function itself (first parameter: a Session)."""

    function: Callable[..., R]
    scope: Scope
    name: str = field(init=False)
    leading = 1
    """Parameters the gate passes itself, first and by position: the session."""

    def __post_init__(self) -> None:
        self.name = f"{self.function.__module__}.{self.function.__qualname__}"
        self.__doc__ = self.function.__doc__
        self.__wrapped__ = self.function
        GATED.append(self)

    def arguments(self, viewer: Viewer, *args: object, **kwargs: object) -> dict[str, object]:
        """The call's arguments by name, defaults filled in, checked and narrowed for the viewer."""
        bound = inspect.signature(self.function).bind_partial(*([None] * self.leading), *args, **kwargs)
        bound.apply_defaults()
        names = list(bound.arguments)[self.leading :]
        return self.scope.check(viewer, {name: bound.arguments[name] for name in names})


class Command(Gated[P, R]):
    """A gated change (an import, a sign-in, a lookup): one unit of work in a session of its own, which takes
    the database's write lock first (data.db.writing) unless the command only reads."""

    leading = 2  # the session and the context

    def __init__(self, function: Callable[..., R], scope: Scope, writes: bool = True) -> None:
        super().__init__(function, scope)
        self.writes = writes

    def __call__(self, ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> R:
        arguments = self.arguments(ctx.viewer, *args, **kwargs)
        engine = writing(app_engine()) if self.writes else app_engine()
        with Session(engine) as session:
            return self.function(session, ctx, **arguments)


def command(
    scope: Scope, *, writes: bool = True
) -> Callable[[Callable[Concatenate[Session, Context, P], R]], Command[P, R]]:
    """Declare a page-facing change and who may make it: @command(OFFICER) above `def f(session, ctx, /, ...)`;
    pages call f(ctx, ...). writes=False for a command that only reads (it then takes no write lock)."""

    def gate(function: Callable[Concatenate[Session, Context, P], R]) -> Command[P, R]:
        return Command(function, scope, writes)

    return gate
