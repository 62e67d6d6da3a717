"""Deployment hardening: Streamlit's settings in .streamlit/config.toml (read by tomllib and by Streamlit itself),
the secrets file kept out of git and its committed example free of real secrets, the security headers of the
README's reverse proxy (HSTS; a Content-Security-Policy without eval or foreign sources, which hashes Streamlit's
one inline script; the browser test serves every page with it), and a scan of the app's code for HTML that
could carry data-derived markup (unsafe_allow_html=True, st.html / components.html with anything but a string
literal). The scan and the key-like-string check are first shown to catch what they look for on small inputs."""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from data.accounts import users
from data.certificates.qr import MAX_IMAGE_BYTES
from data.certificates.sms import ENVIRONMENT as SMS_SETTINGS
from data.imports.uploads import MAX_UPLOAD_MB
from data.settings import ENVIRONMENT as CERTIFICATE_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".streamlit" / "config.toml"
SECRETS = ROOT / ".streamlit" / "secrets.toml"
SECRETS_EXAMPLE = ROOT / ".streamlit" / "secrets.toml.example"
MIB = 1024 * 1024

# --- .streamlit/config.toml ------------------------------------------------------------------------

SETTINGS = [
    ("server", "enableXsrfProtection", True, "XSRF protection on"),
    ("server", "enableCORS", True, "CORS protection on (with XSRF: the intended pair)"),
    ("client", "showErrorDetails", "none", "error details hidden from users"),
    ("browser", "gatherUsageStats", False, "usage statistics off"),
    ("server", "maxUploadSize", MAX_UPLOAD_MB, "upload limit: the app's own 20 MB"),
    ("server", "enableStaticServing", False, "no static file serving"),
    ("server", "runOnSave", False, "no rerun on a changed file"),
    ("server", "headless", True, "headless"),
    ("global", "developmentMode", False, "not Streamlit's development mode"),
    ("runner", "magicEnabled", False, "no magic: bare values in a page are not written to it"),
    ("runner", "postScriptGC", False, "no full garbage collection after every run (tests/bench/load.py)"),
    ("client", "toolbarMode", "viewer", "no developer options in the menu"),
    ("client", "showSidebarNavigation", False, "legacy pages/ listing hidden until app.py runs"),
]


def _config() -> dict:
    with CONFIG.open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("section, option, expected", [s[:3] for s in SETTINGS], ids=[s[3] for s in SETTINGS])
def test_config_setting(section: str, option: str, expected: object) -> None:
    value = _config().get(section, {}).get(option)
    assert value == expected and type(value) is type(expected), f"[{section}] {option} = {value!r}, want {expected!r}"


def test_upload_limit_is_the_apps_own() -> None:
    """Streamlit's limit is the one the app checks uploads against (data.imports.uploads), and a QR photo fits in it."""
    limit = _config()["server"]["maxUploadSize"]
    assert limit == MAX_UPLOAD_MB == 20
    assert limit * MIB >= MAX_IMAGE_BYTES


STREAMLIT_READS = """
import json, sys
from streamlit import config
config.get_config_options(force_reparse=True)
names = json.loads(sys.argv[1])
print(json.dumps({name: [config.get_option(name), config.get_where_defined(name)] for name in names}))
"""


def test_streamlit_reads_the_config_without_a_warning() -> None:
    """Streamlit itself (run in the repository, as `streamlit run` is): every option is one it knows (an unknown
    one is a logged warning), has the value the file gives, and no combination makes it warn."""
    names = [f"{section}.{option}" for section, option, _, _ in SETTINGS]
    result = subprocess.run(
        [sys.executable, "-c", STREAMLIT_READS, json.dumps(names)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", f"Streamlit said something while reading the config:\n{result.stderr}"
    read = json.loads(result.stdout.strip().splitlines()[-1])
    for (_, _, expected, _), name in zip(SETTINGS, names, strict=True):
        value, where = read[name]
        assert value == expected, f"Streamlit reads {name} = {value!r}, want {expected!r}"
        assert Path(where) == CONFIG, f"{name} comes from {where}, not from {CONFIG}"


def test_streamlit_would_say_so(tmp_path: Path) -> None:
    """The check above hears Streamlit: a misspelt option and CORS off beside XSRF on are both warned about."""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[server]\nenableCors = true\nenableCORS = false\n")
    result = subprocess.run(
        [sys.executable, "-c", STREAMLIT_READS, json.dumps(["server.enableCORS"])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert '"server.enableCors" is not a valid config option' in result.stderr
    assert "'server.enableCORS=false' tells Streamlit not to limit cross-origin access" in result.stderr


# --- Secrets ---------------------------------------------------------------------------------------


def test_secrets_file_is_ignored_by_git() -> None:
    patterns = [line.strip() for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()]
    assert ".streamlit/secrets.toml" in patterns
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", str(SECRETS.relative_to(ROOT))], cwd=ROOT, capture_output=True, check=False
    )
    assert ignored.returncode == 0, "git does not ignore .streamlit/secrets.toml"
    tracked = subprocess.run(
        ["git", "ls-files", "--", str(SECRETS.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert tracked.stdout.strip() == "", "a .streamlit/secrets.toml is committed"


SETTING_LINE = re.compile(r"^# (\[[a-z_.]+\]|[A-Za-z_]+ = )")


def uncommented(example: str) -> str:
    """The example's commented-out settings, uncommented: in each paragraph, the lines from the first one that
    looks like a TOML table or assignment on (the lines before it are prose)."""
    kept = []
    for paragraph in re.split(r"\n\s*\n", example):
        lines = paragraph.splitlines()
        start = next((n for n, line in enumerate(lines) if SETTING_LINE.match(line)), len(lines))
        kept.extend(line.removeprefix("#").removeprefix(" ") for line in lines[start:])
        kept.append("")
    return "\n".join(kept)


def test_secrets_example_sets_nothing_as_committed() -> None:
    with SECRETS_EXAMPLE.open("rb") as handle:
        assert tomllib.load(handle) == {}, "every setting in the example is commented out"


def test_secrets_example_uncommented_holds_what_the_code_reads() -> None:
    example = tomllib.loads(uncommented(SECRETS_EXAMPLE.read_text(encoding="utf-8")))
    assert set(example) == {"sms", "certificates", "auth", "workspace"}
    assert set(example["certificates"]) == set(CERTIFICATE_SETTINGS)
    assert set(example["sms"]) == set(SMS_SETTINGS)
    # Streamlit's st.login needs these (streamlit.auth_util.validate_auth_credentials).
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"} <= set(
        example["auth"]
    )
    assert example["auth"]["redirect_uri"].endswith("/oauth2callback")
    assert example["workspace"] == {"idle_minutes": users.IDLE_MINUTES_DEFAULT}


SECRET_NAMES = [
    ("certificates", "identifier_key"),
    ("certificates", "signing_key"),
    ("sms", "password"),
    ("auth", "cookie_secret"),
    ("auth", "client_secret"),
]
TOKEN = re.compile(r"[A-Za-z0-9+/_=-]{20,}")


def key_like(text: str) -> list[str]:
    """What looks like a key, a password or a PEM body line: 20 or more base64 characters in a row, with digits,
    capitals and small letters among them (a random key has all three; a path or a placeholder seldom)."""
    return [
        token
        for token in TOKEN.findall(text)
        if re.search("[0-9]", token) and re.search("[A-Z]", token) and re.search("[a-z]", token)
    ]


@pytest.mark.parametrize("section, name", SECRET_NAMES, ids=[f"{s}.{n}" for s, n in SECRET_NAMES])
def test_secrets_example_holds_placeholders_only(section: str, name: str) -> None:
    value = tomllib.loads(uncommented(SECRETS_EXAMPLE.read_text(encoding="utf-8")))[section][name]
    assert "..." in value or " " in value, f"[{section}] {name} in the example looks like a real value: {value!r}"
    assert not key_like(value), f"[{section}] {name} in the example holds a key-like string: {value!r}"


def test_secrets_example_holds_no_key_like_string() -> None:
    found = key_like(SECRETS_EXAMPLE.read_text(encoding="utf-8"))
    assert found == [], f"key-like strings in {SECRETS_EXAMPLE.name}: {found}"


@pytest.mark.parametrize(
    "text, found",
    [
        ('identifier_key = "Zq3vX0b1N8sK2mP4rT6wY9aC5dF7gH1j"', 1),
        ("MC4CAQAwBQYDK2VwBCIEIGq0u1N3b5r7y9A2c4e6g8i0k2m4o6q8s0u2w4y6", 1),
        ('password = "..."', 0),
        ("https://login.example.gov.in/.well-known/openid-configuration", 0),
        ("-----BEGIN PRIVATE KEY-----", 0),
    ],
    ids=["random key", "PEM body line", "placeholder", "a URL", "PEM armour"],
)
def test_key_like(text: str, found: int) -> None:
    assert len(key_like(text)) == found


# --- The proxy's headers in the README ------------------------------------------------------------

README = ROOT / "README.md"
HEADER = re.compile(r'^\s*add_header ([A-Za-z-]+) "([^"]+)" always;\s*$', re.MULTILINE)


def _proxy_headers() -> dict[str, str]:
    return dict(HEADER.findall(README.read_text(encoding="utf-8")))


def _directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_readme_proxy_adds_hsts() -> None:
    hsts = _proxy_headers().get("Strict-Transport-Security", "")
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 365 * 24 * 3600


def test_readme_csp_is_strict_for_scripts() -> None:
    """No eval, no inline script but Streamlit's own by its hash, nothing from elsewhere, no framing."""
    policy = _directives(_proxy_headers()["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    scripts = policy["script-src"]
    assert "'unsafe-eval'" not in scripts and "'unsafe-inline'" not in scripts
    assert all(source == "'self'" or source.startswith("'") for source in scripts), scripts
    everything = [source for values in policy.values() for source in values]
    assert not [source for source in everything if "://" in source or source in {"*", "https:", "http:"}]


def test_readme_csp_hashes_streamlits_inline_script() -> None:
    """The browser test serves the README's policy; this says sooner (and without a browser) when a Streamlit
    upgrade changes the inline script of its index.html."""
    import streamlit

    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script>(.*?)</script>", index, re.DOTALL)
    assert inline, "Streamlit's index.html has no inline script any more: drop the hash from the README's policy"
    script_src = _directives(_proxy_headers()["Content-Security-Policy"])["script-src"]
    for body in inline:
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        assert digest in script_src, f"put {digest} in the README's script-src (Streamlit's inline {body.strip()!r})"


# --- HTML from the code ----------------------------------------------------------------------------


def _literal_string(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _literal_false(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def unsafe_html(source: str, filename: str = "<source>") -> list[str]:
    """Calls that could put data-derived HTML (or script) on a page: any unsafe_allow_* keyword that is not the
    literal False (unsafe_allow_html on st.markdown / st.write / st.caption …, unsafe_allow_javascript on st.html),
    also inside a **{…} literal; and any call of an `html` function (st.html, components.html, a `from streamlit…
    import html`) whose first argument is not a string literal."""
    tree = ast.parse(source, filename)
    html_names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit"
        for alias in node.names
        if alias.name == "html"
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        where = f"{filename}:{node.lineno}"
        for keyword in node.keywords:
            pairs = [(keyword.arg, keyword.value)]
            if keyword.arg is None and isinstance(keyword.value, ast.Dict):
                pairs = [
                    (key.value, value)
                    for key, value in zip(keyword.value.keys, keyword.value.values, strict=True)
                    if _literal_string(key)
                ]
            for name, value in pairs:
                if isinstance(name, str) and name.startswith("unsafe_allow_") and not _literal_false(value):
                    found.append(f"{where}: {name}={ast.unparse(value)}")
        function = node.func
        if (isinstance(function, ast.Attribute) and function.attr == "html") or (
            isinstance(function, ast.Name) and function.id in html_names
        ):
            first = (
                node.args[0]
                if node.args
                else next((keyword.value for keyword in node.keywords if keyword.arg in {"body", "html"}), None)
            )
            if not _literal_string(first):
                found.append(f"{where}: {ast.unparse(function)}() of {ast.unparse(first) if first else 'nothing'}")
    return found


SCAN_CASES = [
    ('st.markdown("**bold**")', 0, "markdown without HTML"),
    ('st.markdown(f"<b>{name}</b>", unsafe_allow_html=True)', 1, "markdown with unsafe_allow_html=True"),
    ('st.markdown("<br>", unsafe_allow_html=True)', 1, "unsafe_allow_html=True even on a literal"),
    ("st.markdown(text, unsafe_allow_html=False)", 0, "unsafe_allow_html=False"),
    ("st.markdown(text, unsafe_allow_html=ALLOW)", 1, "unsafe_allow_html from a name"),
    ("st.write(row, unsafe_allow_html=True)", 1, "st.write with unsafe_allow_html"),
    ("st.sidebar.caption(note, unsafe_allow_html=1)", 1, "on a container, truthy"),
    ('st.markdown(text, **{"unsafe_allow_html": True})', 1, "inside **{...}"),
    ('st.html("<hr>")', 0, "st.html of a literal"),
    ('st.html(f"<p>{name}</p>")', 1, "st.html of an f-string"),
    ("st.html(body)", 1, "st.html of a name"),
    ('st.html(body="<p>" + name)', 1, "st.html body= an expression"),
    ('st.html("<script>1</script>", unsafe_allow_javascript=True)', 1, "st.html with JavaScript allowed"),
    ("import streamlit.components.v1 as components\ncomponents.html(page)", 1, "components.html of a name"),
    ('import streamlit.components.v1 as components\ncomponents.html("<b>x</b>", height=40)', 0, "components.html lit."),
    ("from streamlit.components.v1 import html as raw\nraw(page)", 1, "components' html imported under a name"),
    ("def html(x):\n    return x\nhtml(page)", 0, "a local function named html"),
    ("frame.to_html(buffer)", 0, "pandas' to_html"),
    ("st.html()", 1, "st.html of nothing"),
]


@pytest.mark.parametrize("source, count", [c[:2] for c in SCAN_CASES], ids=[c[2] for c in SCAN_CASES])
def test_scan_catches(source: str, count: int) -> None:
    assert len(unsafe_html(source)) == count, unsafe_html(source)


def app_sources() -> list[Path]:
    files = [ROOT / "app.py"]
    for folder in ("pages", "data", "stats"):
        files.extend(sorted((ROOT / folder).rglob("*.py")))
    return files


def test_scan_covers_the_app() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in app_sources()}
    assert {"app.py", "pages/_shared.py", "data/db.py", "stats/doses.py"} <= names


def test_no_data_derived_html_in_the_app() -> None:
    found = []
    for path in app_sources():
        found.extend(unsafe_html(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()))
    assert found == [], "HTML that could carry data into a page:\n" + "\n".join(found)
