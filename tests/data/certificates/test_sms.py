"""One-time code senders: message text, the outbox (SQLite and PostgreSQL), the HTTP gateway sender against a
local stub server, and where the gateway settings come from."""

from __future__ import annotations

import base64
import logging
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from data.certificates.sms import (
    ENVIRONMENT,
    BackgroundSender,
    DeliveredCodes,
    GatewaySettings,
    HttpGatewaySender,
    OutboxSender,
    SendFailed,
    gateway_settings,
    mask_mobile,
    masked_message,
    message_text,
    sender_from_settings,
)
from data.models import SmsOutbox
from tests.conftest import snapshot

MOBILE = "9876543210"
CODE = "482913"
USER = "teeka-gw"
PASSWORD = "pa55:wörd"
SECRETS_SEEN_NOWHERE = (MOBILE, "91" + MOBILE, CODE, USER, PASSWORD)

ENGLISH = "Your Teeka certificate code is 482913. It is valid for 10 minutes. Do not share it."
HINDI = "आपका टीका प्रमाणपत्र कोड 482913 है। यह 10 मिनट तक मान्य है। इसे किसी के साथ साझा न करें।"


@pytest.fixture(autouse=True)
def _no_proxies_no_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Requests go straight to the stub, and no real environment or secrets file leaks into a test."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    for name in ENVIRONMENT.values():
        monkeypatch.delenv(name, raising=False)
    empty = tmp_path / "empty-cwd"
    empty.mkdir()
    monkeypatch.chdir(empty)
    monkeypatch.setattr("data.settings.ROOT", tmp_path / "no-repo")


# --- Message text ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "expected"), [("en", ENGLISH), ("hi", HINDI)], ids=["english", "hindi"])
def test_message_text(lang: str, expected: str) -> None:
    assert message_text(CODE, lang) == expected


@pytest.mark.parametrize(
    ("code", "lang"),
    [("48291", "en"), ("4829130", "en"), ("48291a", "hi"), ("४८२९१३", "hi"), (CODE, "fr")],
    ids=["five-digits", "seven-digits", "letter", "devanagari-digits", "unknown-language"],
)
def test_message_text_rejects(code: str, lang: str) -> None:
    with pytest.raises(ValueError) as raised:
        message_text(code, lang)
    assert code not in str(raised.value)


def test_mask_mobile() -> None:
    assert mask_mobile(MOBILE) == "XXXXXX3210"
    for bad in ("987654321", "+919876543210", "98765 43210"):
        with pytest.raises(ValueError) as raised:
            mask_mobile(bad)
        assert bad not in str(raised.value)
        assert "3210" not in str(raised.value)


# --- Outbox sender -----------------------------------------------------------------------------


MASKED_ENGLISH = "Your Teeka certificate code is ••••••. It is valid for 10 minutes. Do not share it."
MASKED_HINDI = "आपका टीका प्रमाणपत्र कोड •••••• है। यह 10 मिनट तक मान्य है। इसे किसी के साथ साझा न करें।"


@pytest.mark.parametrize(("lang", "expected"), [("en", MASKED_ENGLISH), ("hi", MASKED_HINDI)], ids=["english", "hindi"])
def test_the_outbox_keeps_no_code_and_no_number(engine: Engine, lang: str, expected: str) -> None:
    memory = DeliveredCodes()
    with Session(engine) as session:
        OutboxSender(memory=memory).send(session=session, challenge_id="ch-1", mobile=MOBILE, code=CODE, lang=lang)
        session.commit()
    with Session(engine) as session:
        rows = session.exec(select(SmsOutbox)).all()
        assert [(r.challenge_id, r.mobile_masked, r.body) for r in rows] == [("ch-1", "XXXXXX3210", expected)]
        assert rows[0].created_at is not None
    assert masked_message(lang) == expected
    stored = repr(snapshot(engine))
    assert MOBILE not in stored and CODE not in stored  # not in any table
    # The clear code was handed to the process's memory once: the demo's phone.
    assert memory.code("ch-1") == CODE and memory.code("ch-unknown") is None and memory.latest() == CODE


def test_the_memory_keeps_the_newest_code_of_a_challenge_for_ten_minutes(monkeypatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr("data.certificates.sms.time.monotonic", lambda: clock[0])
    memory = DeliveredCodes(limit=2)
    memory.deliver("ch-1", "111111")
    memory.deliver("ch-2", "333333")
    memory.deliver("ch-1", "222222")  # a second code for ch-1 replaces the first and is now the newest
    assert (memory.code("ch-1"), memory.code("ch-2"), memory.latest()) == ("222222", "333333", "222222")
    memory.deliver("ch-3", "444444")  # over the limit of 2: the oldest (ch-2) is forgotten
    assert memory.code("ch-2") is None and memory.code("ch-3") == "444444"
    clock[0] += 10 * 60 - 1
    assert memory.code("ch-3") == "444444"
    clock[0] += 1  # 10 minutes after it was sent: gone, as the code is no longer valid
    assert memory.code("ch-3") is None and memory.latest() is None


def test_outbox_row_belongs_to_the_callers_transaction(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        OutboxSender(memory=DeliveredCodes()).send(
            session=session, challenge_id="ch-1", mobile=MOBILE, code=CODE, lang="en"
        )
        session.rollback()
    with Session(sqlite_engine) as session:
        assert session.exec(select(SmsOutbox)).all() == []


def test_the_demo_banner_shows_a_code_on_the_demo_database_only(monkeypatch) -> None:
    from data.access import PUBLIC, Context
    from data.certificates import sms

    monkeypatch.setattr(sms, "DELIVERED", DeliveredCodes())
    sms.DELIVERED.deliver("ch-1", CODE)
    monkeypatch.setattr(sms, "is_default_database", lambda *_: True)
    assert sms.demo_code(Context(PUBLIC), "ch-1") == CODE
    assert sms.demo_code(Context(PUBLIC), "ch-other") is None
    monkeypatch.setattr(sms, "is_default_database", lambda *_: False)
    assert sms.demo_code(Context(PUBLIC), "ch-1") is None


# --- HTTP gateway sender against a local stub --------------------------------------------------


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Stub:
    base: str
    status: int = 200
    hang: bool = False
    release: threading.Event = field(default_factory=threading.Event)
    requests: list[Recorded] = field(default_factory=list)


@pytest.fixture
def stub() -> Iterator[Stub]:
    """An HTTP server on 127.0.0.1 (free port) in a thread, recording every request it gets."""
    state = Stub(base="")

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            state.requests.append(
                Recorded(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
            )
            if state.hang:
                state.release.wait(10)
                self.close_connection = True
                return
            self.send_response(state.status)
            if 300 <= state.status < 400:
                self.send_header("Location", f"{state.base}/elsewhere")
            body = b"OK" if state.status < 300 else b"error"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _handle

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def _gateway(stub: Stub, method: str = "GET", **kwargs: object) -> HttpGatewaySender:
    settings = GatewaySettings(
        url=f"{stub.base}/api/send?to={{mobile}}&text={{message}}&from={{sender}}&type=unicode",
        user=USER,
        password=PASSWORD,
        sender_id="TEEKA CG",
        method=method,
    )
    return HttpGatewaySender(settings, **kwargs)  # type: ignore[arg-type]


def _send(sender: HttpGatewaySender, session: Session, lang: str = "hi") -> None:
    sender.send(session=session, challenge_id="ch-1", mobile=MOBILE, code=CODE, lang=lang)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_http_get_sends_encoded_hindi_and_basic_auth(stub: Stub, sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        _send(_gateway(stub), session, lang="hi")
        session.commit()
    [request] = stub.requests
    assert request.method == "GET"
    path, _, query = request.path.partition("?")
    assert path == "/api/send"
    assert "%E0%A4%86%E0%A4%AA%E0%A4%95%E0%A4%BE%20" in query  # "आपका " as UTF-8, space as %20
    assert urllib.parse.parse_qs(query) == {
        "to": ["919876543210"],
        "text": [HINDI],
        "from": ["TEEKA CG"],
        "type": ["unicode"],
    }
    assert request.headers["Authorization"] == _basic(USER, PASSWORD)
    assert request.body == b""
    assert snapshot(sqlite_engine)["sms_outbox"] == []  # the gateway sender records nothing


def test_http_post_sends_the_query_as_form_body(stub: Stub, sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        _send(_gateway(stub, method="post"), session, lang="en")
    [request] = stub.requests
    assert request.method == "POST"
    assert request.path == "/api/send"  # number and code stay out of the URL (and the access log)
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8"
    assert urllib.parse.parse_qs(request.body.decode("ascii")) == {
        "to": ["919876543210"],
        "text": [ENGLISH],
        "from": ["TEEKA CG"],
        "type": ["unicode"],
    }
    assert request.headers["Authorization"] == _basic(USER, PASSWORD)


def test_http_code_placeholder_and_no_auth(stub: Stub, sqlite_engine: Engine) -> None:
    sender = HttpGatewaySender(GatewaySettings(url=f"{stub.base}/otp/{{mobile}}?otp={{code}}"))
    with Session(sqlite_engine) as session:
        _send(sender, session)
    [request] = stub.requests
    assert request.path == "/otp/919876543210?otp=482913"
    assert "Authorization" not in request.headers


def _assert_nothing_secret(error: BaseException, caplog: pytest.LogCaptureFixture) -> None:
    shown = str(error) + repr(error) + caplog.text
    for secret in SECRETS_SEEN_NOWHERE:
        assert secret not in shown
    assert "3210" in caplog.text  # the masked number is logged, nothing more
    assert error.__cause__ is None and error.__suppress_context__  # the urllib error (full URL) is dropped


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_http_500_raises_send_failed_naming_nothing(
    stub: Stub, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture, method: str
) -> None:
    stub.status = 500
    caplog.set_level(logging.DEBUG)
    with Session(sqlite_engine) as session, pytest.raises(SendFailed) as raised:
        _send(_gateway(stub, method=method), session)
    assert "HTTP 500" in str(raised.value)
    _assert_nothing_secret(raised.value, caplog)
    assert len(stub.requests) == 1


def test_http_redirect_is_refused(stub: Stub, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    stub.status = 302
    with Session(sqlite_engine) as session, pytest.raises(SendFailed) as raised:
        _send(_gateway(stub), session)
    assert "HTTP 302" in str(raised.value)
    assert [r.path.partition("?")[0] for r in stub.requests] == ["/api/send"]  # /elsewhere never asked
    _assert_nothing_secret(raised.value, caplog)


def test_http_timeout_raises_send_failed(stub: Stub, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    stub.hang = True
    with Session(sqlite_engine) as session, pytest.raises(SendFailed) as raised:
        _send(_gateway(stub, timeout=0.3), session)
    assert "did not answer within 0.3 s" in str(raised.value)
    _assert_nothing_secret(raised.value, caplog)


def test_http_unreachable_raises_send_failed(sqlite_engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    server = HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()  # nothing listens on the port any more
    sender = HttpGatewaySender(GatewaySettings(url=f"http://127.0.0.1:{port}/s?to={{mobile}}&m={{message}}"))
    with Session(sqlite_engine) as session, pytest.raises(SendFailed) as raised:
        _send(sender, session)
    assert "unreachable" in str(raised.value)
    _assert_nothing_secret(raised.value, caplog)


def test_http_success_logs_only_the_masked_number(
    stub: Stub, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with Session(sqlite_engine) as session:
        _send(_gateway(stub), session)
    assert "XXXXXX3210" in caplog.text
    for secret in SECRETS_SEEN_NOWHERE:
        assert secret not in caplog.text


def test_http_sender_repr_hides_credentials(stub: Stub) -> None:
    sender = _gateway(stub)
    shown = repr(sender) + repr(sender.settings)
    assert PASSWORD not in shown and USER not in shown and "/api/send" not in shown


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (GatewaySettings(url="http://sms.example/s?to={mobile}"), "https"),
        (GatewaySettings(url="ftp://sms.example/s?to={mobile}"), "https"),
        (GatewaySettings(url="https://u:p@sms.example/s?to={mobile}"), "credentials"),
        (GatewaySettings(url="https://sms.example/s?to={msisdn}"), "msisdn"),
        (GatewaySettings(url="https://sms.example/s?to={mobile}&from={sender}"), "TEEKA_SMS_SENDER_ID"),
        (GatewaySettings(url="https://sms.example/s?to={mobile}", method="PUT"), "GET or POST"),
        (GatewaySettings(url="https://sms.example/s?to={mobile}", password=PASSWORD), "TEEKA_SMS_USER"),
    ],
    ids=[
        "plain-http",
        "other-scheme",
        "credentials-in-url",
        "unknown-placeholder",
        "no-sender-id",
        "method",
        "no-user",
    ],
)
def test_http_sender_rejects_bad_settings(settings: GatewaySettings, message: str) -> None:
    with pytest.raises(ValueError, match=message) as raised:
        HttpGatewaySender(settings)
    assert PASSWORD not in str(raised.value)


# --- Settings resolution -----------------------------------------------------------------------


def _write_secrets(folder: Path, text: str) -> None:
    (folder / ".streamlit").mkdir(parents=True)
    (folder / ".streamlit" / "secrets.toml").write_text(text, encoding="utf-8")


FILE_SETTINGS = """
[certificates]
identifier_key = "not-ours"

[sms]
url = "https://file.example/send?to={mobile}&text={message}&from={sender}"
user = "file-user"
password = "file-password"
sender_id = "FILEID"
method = "post"
"""


def test_no_url_means_outbox_sender() -> None:
    assert gateway_settings() is None
    assert isinstance(sender_from_settings(), OutboxSender)


def test_settings_from_secrets_file_in_cwd(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _write_secrets(tmp_path / "cwd", FILE_SETTINGS)
    monkeypatch.chdir(tmp_path / "cwd")
    assert gateway_settings() == GatewaySettings(
        url="https://file.example/send?to={mobile}&text={message}&from={sender}",
        user="file-user",
        password="file-password",
        sender_id="FILEID",
        method="POST",
    )
    sender = sender_from_settings()
    assert isinstance(sender, BackgroundSender) and isinstance(sender.sender, HttpGatewaySender)
    assert (sender.sender.host, sender.sender.method) == ("file.example", "POST")


def test_environment_wins_over_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _write_secrets(tmp_path / "cwd", FILE_SETTINGS)
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setenv("TEEKA_SMS_URL", "https://env.example/sms?n={mobile}&m={message}")
    monkeypatch.setenv("TEEKA_SMS_PASSWORD", "env-password")
    monkeypatch.setenv("TEEKA_SMS_METHOD", "GET")
    assert gateway_settings() == GatewaySettings(
        url="https://env.example/sms?n={mobile}&m={message}",
        user="file-user",  # not in the environment: the file still gives it
        password="env-password",
        sender_id="FILEID",
        method="GET",
    )
    assert sender_from_settings().sender.host == "env.example"  # type: ignore[union-attr]


def test_cwd_file_wins_over_repository_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _write_secrets(tmp_path / "repo", FILE_SETTINGS)
    _write_secrets(tmp_path / "cwd", '[sms]\nurl = "https://cwd.example/s?to={mobile}"\n')
    monkeypatch.setattr("data.settings.ROOT", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "cwd")
    settings = gateway_settings()
    assert settings is not None
    assert (settings.url, settings.user, settings.sender_id) == (
        "https://cwd.example/s?to={mobile}",
        "file-user",
        "FILEID",
    )


def test_background_sender_delivers_without_making_the_caller_wait(stub: Stub, sqlite_engine: Engine) -> None:
    gateway = _gateway(stub)
    with Session(sqlite_engine) as session:
        done = BackgroundSender(gateway).send(
            session=session, challenge_id="c1", mobile="9876543210", code="123456", lang="en"
        )
        done.result(timeout=10)
    [request] = stub.requests
    assert "919876543210" in request.path


def test_background_sender_swallows_a_gateway_failure_after_logging_it(
    stub: Stub, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    stub.status = 500
    with Session(sqlite_engine) as session:
        done = BackgroundSender(_gateway(stub)).send(
            session=session, challenge_id="c1", mobile="9876543210", code="123456", lang="en"
        )
        assert done.result(timeout=10) is None
    assert "XXXXXX3210" in caplog.text and "9876543210" not in caplog.text
