"""Access control (ui/access.py, app.py, ui/context.py): sign-in, roles per workspace, and the
URL never widening what a user may see."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

import app
from ui import access
from ui.i18n import t as _t

TIMEOUT = 120
PASSWORD = "correct horse battery staple"
ADMIN_FILES = {p.file for p in app.PAGES if p.admin}


def t(key: str, **kw) -> str:
    return _t(key, lang="en", **kw)  # the app runs below are in English (?lang=en)


# ----------------------------------------------------------------------------- units


def test_hash_and_check_password():
    h = access.hash_password(PASSWORD, salt=bytes(range(16)), iterations=1000)
    expected = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), bytes(range(16)), 1000).hex()
    assert h == f"pbkdf2_sha256$1000${bytes(range(16)).hex()}${expected}"
    assert access.check_password(PASSWORD, h)
    assert not access.check_password(PASSWORD + " ", h)
    assert access.check_password("plain", "plain") and not access.check_password("plain", "Plain")
    assert not access.check_password("", "") and not access.check_password("x", "pbkdf2_sha256$zz$00$00")


def test_password_users_from_env():
    env = {"BOUSSOLE_PASSWORD": " s3cret ", "BOUSSOLE_USER_ALICE": "a", "BOUSSOLE_USER_BOB": "  ", "OTHER": "x"}
    assert access.password_users(env) == {"admin": "s3cret", "alice": "a"}
    assert access.password_users({}) == {}


def test_parse_roles():
    got = access.parse_roles("Alice=acme:owner, demo:viewer; bob@client.com=*:viewer\ncarol=demo:EDITOR")
    assert got == {"alice": {"acme": "owner", "demo": "viewer"}, "bob@client.com": {"*": "viewer"}, "carol": {"demo": "editor"}}
    with pytest.raises(access.AccessConfigError, match="entry 1.*superuser"):
        access.parse_roles("alice=acme:superuser")
    with pytest.raises(access.AccessConfigError, match="entry 2"):
        access.parse_roles("alice=acme:owner; bob")


def test_roles_file_and_env_merge(tmp_path, monkeypatch):
    monkeypatch.delenv("BOUSSOLE_ACCESS_FILE", raising=False)
    (tmp_path / "_access.json").write_text(json.dumps({"roles": {"Alice": {"acme": "viewer", "demo": "editor"}}}))
    roles = access.load_roles(tmp_path, env={"BOUSSOLE_ROLES": "alice=acme:owner"})
    assert roles == {"alice": {"acme": "owner", "demo": "editor"}}  # the environment wins on the same pair
    (tmp_path / "_access.json").write_text('{"roles": {"alice": {"acme": "god"}}}')
    with pytest.raises(access.AccessConfigError, match="_access.json"):
        access.load_roles(tmp_path, env={})


def test_role_resolution():
    a = access.access_for("password", "Alice", {"alice": {"*": "viewer", "acme": "owner"}})
    assert (a.role("acme"), a.role("demo"), a.admin) == ("owner", "viewer", False)
    assert a.can("acme", "editor") and not a.can("demo", "editor")
    b = access.access_for("password", "bob", {"alice": {"*": "owner"}})
    assert b.visible(["acme", "demo"]) == [] and b.role("demo") is None
    c = access.access_for("password", "bob", {"bob": {"demo": "viewer"}})
    assert c.visible(["acme", "demo"]) == ["demo"]
    admin = access.access_for("password", "admin", {})
    assert admin.roles == {"*": "owner"} and admin.admin
    assert access.OFF.role("anything") == "owner" and access.OFF.visible(["a", "b"]) == ["a", "b"]


@pytest.mark.parametrize(
    ("address", "headers", "ip", "local"),
    [
        ("127.0.0.1", {}, None, True),
        ("localhost", {}, "127.0.0.1", True),
        ("::1", {}, "::1", True),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.9"}, "127.0.0.1", False),  # behind a reverse proxy
        ("127.0.0.1", {"Forwarded": "for=203.0.113.9"}, None, False),
        ("127.0.0.1", {}, "192.168.1.20", False),
        ("127.0.0.1", {"Host": "localhost:8501"}, "127.0.0.1", True),
        ("127.0.0.1", {"Host": "[::1]:8501"}, "::1", True),
        ("127.0.0.1", {"Host": "127.0.0.1"}, None, True),
        ("127.0.0.1", {"Host": "boussole.example.com"}, "127.0.0.1", False),  # a proxy keeping Host
        ("127.0.0.1", {"host": "10.0.0.5:8501"}, None, False),
        ("0.0.0.0", {}, "127.0.0.1", False),
        ("", {}, None, False),  # Streamlit's default: every interface
        (None, {}, None, False),
    ],
)
def test_is_local(address, headers, ip, local):
    assert access.is_local(address, headers, ip) is local


# ----------------------------------------------------------------------------- the app


@pytest.fixture
def two_workspaces(demo_root, shared_readonly, monkeypatch):
    """The demo store plus a second client ``acme`` (a copy of demo with its own name). Built
    once per run and only read by these tests (roles and passwords come from the environment),
    so the app's data caches stay warm from one test to the next."""
    root = shared_readonly(f"two-workspaces-{demo_root.name}", lambda d: (
        shutil.copytree(demo_root, d, dirs_exist_ok=True), shutil.copytree(d / "demo", d / "acme")))
    monkeypatch.setenv("BOUSSOLE_STORE", str(root))
    for k in ("BOUSSOLE_PASSWORD", "BOUSSOLE_ROLES", "BOUSSOLE_ACCESS_FILE"):
        monkeypatch.delenv(k, raising=False)
    return root


def start(query: dict | None = None, session: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (session or {}).items():
        at.session_state[k] = v
    return at.run()


def sign_in(at: AppTest, password: str, user: str | None = None) -> AppTest:
    if user is not None:
        at.text_input(key="bsl.auth.name").input(user)
    at.text_input(key="bsl.auth.pw").input(password)
    at.button[0].click()
    return at.run()


def everything_shown(at: AppTest) -> str:
    from tests.test_app_pages import texts

    return "\n".join(texts(at))


def test_password_wrong_then_right(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_PASSWORD", PASSWORD)
    monkeypatch.setattr(access, "WRONG_PASSWORD_DELAY", 0.0)
    at = start()
    assert not at.exception
    assert "bsl.ctx" not in at.session_state, "nothing of a workspace before signing in"
    assert [x.label for x in at.text_input] == [t("access.password")]
    at = sign_in(at, "wrong password")
    assert [e.value for e in at.error] == [t("access.wrong")]
    assert "bsl.ctx" not in at.session_state
    assert all("wrong password" not in str(v) for v in at.session_state.to_dict().values()), "the form is cleared"
    at = sign_in(at, PASSWORD)
    assert not at.exception and not at.error
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.workspace, ctx.role, ctx.present, ctx.access_on) == ("demo", "owner", False, True)
    assert at.title[0].value == t("nav.overview")
    shown = everything_shown(at)
    assert PASSWORD not in shown and "wrong password" not in shown
    assert all(PASSWORD not in str(v) for v in at.session_state.to_dict().values()), "the password is not kept"


def test_password_hash_and_named_users(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_USER_ALICE", access.hash_password("alice-pw", iterations=1000))
    monkeypatch.setenv("BOUSSOLE_ROLES", "alice=acme:editor")
    monkeypatch.setattr(access, "WRONG_PASSWORD_DELAY", 0.0)
    at = start()
    at = sign_in(at, "alice-pw", user="bob")  # unknown user, right password for someone else
    assert [e.value for e in at.error] == [t("access.wrong")]
    at = sign_in(at, "alice-pw", user="Alice")
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.workspace, ctx.role) == ("acme", "editor")
    assert at.sidebar.selectbox(key="w.workspace").options == ["acme"]


def viewer_session(monkeypatch) -> dict:
    monkeypatch.setenv("BOUSSOLE_USER_VIV", "viv-pw")
    monkeypatch.setenv("BOUSSOLE_ROLES", "viv=demo:viewer")
    return {access.K_USER: "viv"}


def test_viewer_is_kept_in_presentation_mode_on_their_workspace(two_workspaces, monkeypatch):
    session = viewer_session(monkeypatch)
    at = start({"workspace": "acme", "present": "0"}, session)
    assert not at.exception
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.workspace, ctx.role, ctx.present) == ("demo", "viewer", True)
    assert len(at.sidebar.selectbox) == 0
    assert not [b for b in at.button if b.label == t("shell.present.exit")], "a viewer cannot leave presentation mode"
    # even after the session asks for it (e.g. a widget callback) the next run puts it back
    at.session_state["bsl.present"] = False
    at.query_params["present"] = "0"
    at.run()
    assert at.session_state["bsl.ctx"].present is True
    assert "acme" not in everything_shown(at)


@pytest.mark.parametrize("page", sorted(ADMIN_FILES))
def test_viewer_cannot_open_admin_pages(two_workspaces, monkeypatch, page):
    session = viewer_session(monkeypatch)
    at = start({"present": "0"}, session)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)  # not in this session's navigation: its URL opens the first page
    # second lock: the page run on its own (no app.py, no decided access) shows nothing
    alone = AppTest.from_file(str(app.HERE / page), default_timeout=TIMEOUT)
    alone.query_params["lang"] = "en"
    alone.session_state[access.K_USER] = "viv"
    alone.run()
    assert not alone.exception and not alone.title
    assert [i.value for i in alone.info] == [t("shell.present.admin_hidden")]


def test_editor_sees_import_but_not_settings_or_workspaces(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_USER_ED", "ed-pw")
    monkeypatch.setenv("BOUSSOLE_ROLES", "ed=demo:editor")
    ctx_role = {access.K_USER: "ed"}
    at = start(session=ctx_role)
    assert at.session_state["bsl.ctx"].role == "editor"
    at.switch_page("pages/import_data.py").run()
    assert at.title[0].value == t("import.title")
    for page in ("pages/settings.py", "pages/workspaces.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    specs = {p.file for p in app.available_pages(False, "editor", admin=False)}
    assert "pages/import_data.py" in specs and not {"pages/settings.py", "pages/workspaces.py"} & specs


def test_user_without_role_sees_no_workspace(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_USER_EVE", "eve-pw")
    monkeypatch.setenv("BOUSSOLE_ROLES", "viv=demo:viewer")
    at = start({"workspace": "demo"}, {access.K_USER: "eve"})
    assert not at.exception
    assert "bsl.ctx" not in at.session_state
    assert [w.value for w in at.warning] == [t("access.no_workspace", user="eve")]


def test_session_of_a_removed_user_is_signed_out(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_PASSWORD", PASSWORD)
    at = start(session={access.K_USER: "mallory"})
    assert "bsl.ctx" not in at.session_state and at.text_input(key="bsl.auth.pw")


def test_local_without_access_control_says_so(two_workspaces):
    at = start()
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.access_on, ctx.role, ctx.admin) == (False, "owner", True)
    assert t("access.off_note") in [c.value for c in at.sidebar.caption]


def test_not_local_without_access_control_shows_nothing(two_workspaces, monkeypatch):
    monkeypatch.setattr(access, "request_is_local", lambda: False)
    at = start({"workspace": "demo"})
    assert [e.value for e in at.error] == [t("access.remote_refused")]
    assert "bsl.ctx" not in at.session_state and not at.title


def test_grid_export_is_off():
    """The grids' own CSV download and clipboard copy would hand =HYPERLINK(...) to a spreadsheet."""
    import tomllib

    conf = tomllib.loads((app.HERE / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert conf["client"]["disableDataExport"] is True
    assert conf["server"]["address"] == "127.0.0.1"


OIDC_SECRETS = {
    "redirect_uri": "https://boussole.example.com/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "id",
    "client_secret": "not-shown",
    "server_metadata_url": "https://idp.example.com/.well-known/openid-configuration",
}


def test_oidc_sign_in_and_role_by_email(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_ROLES", "viv@client.example=acme:viewer")
    monkeypatch.setenv("BOUSSOLE_PASSWORD", PASSWORD)  # OIDC wins when both are configured
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    at.secrets["auth"] = OIDC_SECRETS
    at.query_params["lang"] = "en"
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception and "bsl.ctx" not in at.session_state
    assert [b.label for b in at.button] == [t("access.signin.oidc")]
    assert not at.text_input, "no password form with OIDC"
    at.user = {"is_logged_in": True, "email": "Viv@Client.example", "name": "Viv"}
    at.query_params["workspace"] = "demo"
    at.run()
    assert not at.exception
    ctx = at.session_state["bsl.ctx"]
    assert (ctx.workspace, ctx.role, ctx.present) == ("acme", "viewer", True)
    assert "not-shown" not in everything_shown(at)


def test_sign_in_page_speaks_the_url_language(two_workspaces, monkeypatch):
    monkeypatch.setenv("BOUSSOLE_PASSWORD", PASSWORD)
    at = AppTest.from_file(str(app.HERE / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "fr"
    at.run()
    assert [x.label for x in at.text_input] == [_t("access.password", lang="fr")]
