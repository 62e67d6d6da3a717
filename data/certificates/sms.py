"""Senders for the one-time codes of the public certificate lookup.

A sender gets the normalised 10-digit mobile number in memory only and must never write it anywhere raw:
not the database, not a log, not an exception message. Two senders:

``OutboxSender`` (the default: the demo's "SMS gateway")
    Writes an ``SmsOutbox`` row (masked number, the message with its code masked) in the caller's session; the
    caller commits. The code itself is never stored: the challenge keeps only its keyed hash, and the clear
    code is handed once to this process's memory (``DELIVERED``, for the code's 10 minutes, at most
    ``MEMORY_LIMIT`` codes), where the demo banner (``demo_code``, embedded demo database only) reads it.
``HttpGatewaySender``
    Calls an SMS gateway over HTTP(S), configured from the environment or the ``[sms]`` table of
    ``.streamlit/secrets.toml`` (the environment wins, setting by setting)::

        TEEKA_SMS_URL        url        template, e.g. https://sms.example/send?to={mobile}&text={message}&from={sender}
        TEEKA_SMS_USER       user       HTTP basic auth (optional)
        TEEKA_SMS_PASSWORD   password
        TEEKA_SMS_SENDER_ID  sender_id  the value of {sender}
        TEEKA_SMS_METHOD     method     GET (default) or POST

    Placeholders (values URL-encoded): ``{mobile}`` (91 and the ten digits), ``{message}`` (the SMS body),
    ``{code}`` (the six digits alone, for OTP gateways with their own template) and ``{sender}``. With GET
    the rendered URL is requested as it is; with POST its query string becomes the form-encoded body, so the
    number and the code stay out of the gateway's access logs. HTTPS with certificate verification is
    required (plain HTTP only to a loopback address), the timeout is 5 s, redirects are refused, and every
    failure raises ``SendFailed`` with a message that names no number, code or credential. It records
    nothing: with this sender there is no outbox row.

``sender_from_settings()`` gives the HTTP sender when a URL is configured, else the outbox sender.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import ipaddress
import logging
import os
import re
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sqlmodel import Session

from data.access import EVERYONE, Context, command
from data.db import is_default_database
from data.models import SmsOutbox
from data.settings import secrets_table
from stats.labels import LANGS, t

log = logging.getLogger(__name__)

SECTION = "sms"
"""The table of `.streamlit/secrets.toml` holding the gateway settings (see secrets.toml.example)."""

ENVIRONMENT = {
    "url": "TEEKA_SMS_URL",
    "user": "TEEKA_SMS_USER",
    "password": "TEEKA_SMS_PASSWORD",
    "sender_id": "TEEKA_SMS_SENDER_ID",
    "method": "TEEKA_SMS_METHOD",
}
TIMEOUT_SECONDS = 5.0
COUNTRY_PREFIX = "91"
METHODS = ("GET", "POST")
PLACEHOLDERS = ("mobile", "message", "code", "sender")
VALID_MINUTES = 10

_MOBILE = re.compile(r"[0-9]{10}")
_CODE = re.compile(r"[0-9]{6}")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class SendFailed(RuntimeError):
    """The code could not be sent. The message names no number, code or credential."""


class Sender(Protocol):
    """Delivers a one-time code. ``mobile`` is the normalised 10-digit number, held in memory only."""

    def send(self, *, session: Session, challenge_id: str, mobile: str, code: str, lang: str) -> None: ...


# --- Message and masking ------------------------------------------------------------------------


def _check_mobile(mobile: str) -> None:
    if not isinstance(mobile, str) or not _MOBILE.fullmatch(mobile):
        raise ValueError("mobile must be the normalised 10-digit number")  # the value is never echoed


def _check_code(code: str) -> None:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise ValueError("code must be 6 digits")


def mask_mobile(mobile: str) -> str:
    """'XXXXXX' and the last four digits: the only form of the number that is ever stored or shown."""
    _check_mobile(mobile)
    return "XXXXXX" + mobile[-4:]


def message_text(code: str, lang: str) -> str:
    """The SMS body carrying the code, in Hindi ('hi') or English ('en') (stats/labels/sms.py)."""
    _check_code(code)
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: expected one of {', '.join(LANGS)}")
    return t("sms.code_message", lang, code=code, minutes=VALID_MINUTES)


# --- Outbox sender (default) ----------------------------------------------------------------------

MASKED_CODE = "••••••"
"""What stands for the code in a stored outbox message."""
MEMORY_LIMIT = 1000
"""Codes the outbox sender's memory holds at most (the oldest are forgotten first)."""


class DeliveredCodes:
    """The codes the outbox sender delivered, in this process's memory only, each for VALID_MINUTES: the demo's
    phone. Thread-safe (every session of a server shares it)."""

    def __init__(self, limit: int = MEMORY_LIMIT) -> None:
        self._codes: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._limit = limit

    def deliver(self, challenge_id: str, code: str) -> None:
        with self._lock:
            self._codes.pop(challenge_id, None)
            self._codes[challenge_id] = (code, time.monotonic() + VALID_MINUTES * 60)
            while len(self._codes) > self._limit:
                self._codes.popitem(last=False)

    def code(self, challenge_id: str) -> str | None:
        """The code delivered for the challenge, while it is valid."""
        with self._lock:
            code, until = self._codes.get(challenge_id, (None, 0.0))
        return code if time.monotonic() < until else None

    def latest(self) -> str | None:
        """The newest code delivered and still valid (what a test reads, like a phone's last message)."""
        with self._lock:
            newest = next(reversed(self._codes.values()), None)
        return newest[0] if newest and time.monotonic() < newest[1] else None

    def clear(self) -> None:
        with self._lock:
            self._codes.clear()


DELIVERED = DeliveredCodes()


def masked_message(lang: str) -> str:
    """The SMS body as the outbox stores it: the code masked."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: expected one of {', '.join(LANGS)}")
    return t("sms.code_message", lang, code=MASKED_CODE, minutes=VALID_MINUTES)


class OutboxSender:
    """Writes the message, its code masked, to the ``sms_outbox`` table in the caller's session (the caller
    commits), and hands the clear code once to ``DELIVERED`` (this process's memory)."""

    def __init__(self, now: Callable[[], datetime] | None = None, memory: DeliveredCodes | None = None) -> None:
        self._now = now or (lambda: datetime.now(UTC))
        self._memory = memory or DELIVERED

    def send(self, *, session: Session, challenge_id: str, mobile: str, code: str, lang: str) -> None:
        message_text(code, lang)  # checks the code and the language
        row = SmsOutbox(
            challenge_id=challenge_id,
            mobile_masked=mask_mobile(mobile),
            body=masked_message(lang),
            created_at=self._now(),
        )
        session.add(row)
        session.flush()
        self._memory.deliver(challenge_id, code)


@command(EVERYONE, writes=False)
def demo_code(session: Session, ctx: Context, /, challenge_id: str) -> str | None:
    """The code the outbox sender delivered for a challenge, shown on the certificate page of the embedded demo
    database only (no SMS is sent there); None anywhere else."""
    if not is_default_database():
        return None
    return DELIVERED.code(challenge_id)


# --- HTTP gateway sender --------------------------------------------------------------------------


@dataclass(frozen=True)
class GatewaySettings:
    """Where and how to reach the SMS gateway. Secrets (and the URL, which may carry an API key) stay out of repr."""

    url: str = field(repr=False)
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    sender_id: str | None = None
    method: str = "GET"


def gateway_settings(environ: Mapping[str, str] | None = None) -> GatewaySettings | None:
    """The gateway settings (environment first, then secrets.toml), or None when no URL is configured."""
    environ = os.environ if environ is None else environ
    from_file = secrets_table(SECTION)

    def value(name: str) -> str | None:
        found = environ.get(ENVIRONMENT[name]) or from_file.get(name)
        return str(found) if found not in (None, "") else None

    url = value("url")
    if url is None:
        return None
    return GatewaySettings(
        url=url,
        user=value("user"),
        password=value("password"),
        sender_id=value("sender_id"),
        method=(value("method") or "GET").upper(),
    )


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could carry the credentials and the code elsewhere: it becomes an HTTP error instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class HttpGatewaySender:
    """Sends the code through an HTTP(S) SMS gateway described by a URL template (see the module docstring)."""

    def __init__(self, settings: GatewaySettings, *, timeout: float = TIMEOUT_SECONDS) -> None:
        method = settings.method.upper()
        if method not in METHODS:
            raise ValueError(f"{ENVIRONMENT['method']} must be GET or POST")
        parts = urllib.parse.urlsplit(settings.url)
        if parts.scheme not in ("https", "http"):
            raise ValueError(f"{ENVIRONMENT['url']} must be an https:// URL")
        if parts.scheme == "http" and not _is_loopback(parts.hostname):
            raise ValueError(f"{ENVIRONMENT['url']} must use https:// (plain http only to a loopback address)")
        if parts.username or parts.password:
            raise ValueError(f"{ENVIRONMENT['url']} must not carry credentials; use {ENVIRONMENT['user']}")
        unknown = sorted(set(_PLACEHOLDER.findall(settings.url)) - set(PLACEHOLDERS))
        if unknown:
            raise ValueError(
                f"{ENVIRONMENT['url']} uses unknown placeholder(s) {', '.join(unknown)};"
                f" known: {', '.join(PLACEHOLDERS)}"
            )
        if "{sender}" in settings.url and not settings.sender_id:
            raise ValueError(f"{ENVIRONMENT['url']} uses {{sender}} but {ENVIRONMENT['sender_id']} is not set")
        if settings.password and not settings.user:
            raise ValueError(f"{ENVIRONMENT['password']} is set without {ENVIRONMENT['user']}")
        self.settings = settings
        self.method = method
        self.timeout = timeout
        self.host = parts.hostname or "?"
        self._opener = urllib.request.build_opener(
            _RefuseRedirects(), urllib.request.HTTPSHandler(context=ssl.create_default_context())
        )

    def __repr__(self) -> str:
        return f"HttpGatewaySender(host={self.host!r}, method={self.method!r})"

    def _request(self, *, mobile: str, code: str, lang: str) -> urllib.request.Request:
        values = {
            "mobile": COUNTRY_PREFIX + mobile,
            "message": message_text(code, lang),
            "code": code,
            "sender": self.settings.sender_id or "",
        }
        url = _PLACEHOLDER.sub(lambda m: urllib.parse.quote(values[m.group(1)], safe=""), self.settings.url)
        headers = {"User-Agent": "Teeka"}
        if self.settings.user:
            token = f"{self.settings.user}:{self.settings.password or ''}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
        if self.method == "GET":
            return urllib.request.Request(url, headers=headers, method="GET")
        parts = urllib.parse.urlsplit(url)
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        target = urllib.parse.urlunsplit(parts._replace(query=""))
        return urllib.request.Request(target, data=parts.query.encode("ascii"), headers=headers, method="POST")

    def send(self, *, session: Session, challenge_id: str, mobile: str, code: str, lang: str) -> None:
        masked = mask_mobile(mobile)
        request = self._request(mobile=mobile, code=code, lang=lang)
        # Every `raise ... from None` drops the urllib exception, whose attributes hold the full URL.
        failure: str | None = None
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            error.close()
            failure = f"SMS gateway {self.host} answered HTTP {error.code}"
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                failure = f"SMS gateway {self.host} did not answer within {self.timeout:g} s"
            else:
                failure = f"SMS gateway {self.host} unreachable ({type(error.reason).__name__})"
        except TimeoutError:
            failure = f"SMS gateway {self.host} did not answer within {self.timeout:g} s"
        except (OSError, ValueError, http.client.HTTPException) as error:
            failure = f"SMS gateway {self.host} failed ({type(error).__name__})"
        if failure is not None:
            log.warning("one-time code to %s not sent: %s", masked, failure)
            raise SendFailed(failure) from None
        log.info("one-time code sent to %s via %s", masked, self.host)


class BackgroundSender:
    """Hands each message to a worker thread, so a lookup takes as long whether or not a code goes out (a
    gateway's seconds would otherwise tell a matching lookup from one that sends nothing). Failures are
    logged by the wrapped sender, masked; the citizen sees the same page either way."""

    _pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sms")

    def __init__(self, sender: HttpGatewaySender) -> None:
        self.sender = sender

    def __repr__(self) -> str:
        return f"BackgroundSender({self.sender!r})"

    def send(self, *, session: Session, challenge_id: str, mobile: str, code: str, lang: str) -> Future:
        def deliver() -> None:
            with contextlib.suppress(SendFailed):  # logged, masked, by the sender
                self.sender.send(session=session, challenge_id=challenge_id, mobile=mobile, code=code, lang=lang)

        return self._pool.submit(deliver)


def sender_from_settings(environ: Mapping[str, str] | None = None) -> Sender:
    """The HTTP gateway sender (in the background) when a gateway URL is configured, else the outbox sender."""
    settings = gateway_settings(environ)
    return OutboxSender() if settings is None else BackgroundSender(HttpGatewaySender(settings))
