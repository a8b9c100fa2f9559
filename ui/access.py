"""Who may open what: sign-in and roles per workspace.

Modes (chosen once per run, from the configuration, never from the URL):

* ``oidc`` — an ``[auth]`` section in ``.streamlit/secrets.toml``: Streamlit's ``st.login``
  (OpenID Connect: Google, Microsoft, Okta, Auth0, Keycloak...). The user is the e-mail address
  the provider returns (lower case).
* ``password`` — ``BOUSSOLE_PASSWORD`` and/or ``BOUSSOLE_USER_<NAME>`` in the environment or
  ``.env``. ``BOUSSOLE_PASSWORD`` is the password of the user ``admin``; ``BOUSSOLE_USER_ALICE``
  the password of ``alice``. A value may be the password itself or a hash made with
  ``python -m ui.access hash`` (``pbkdf2_sha256$iterations$salt$hash``).
* ``off`` — nothing configured: every visitor is owner of every workspace. Allowed only when
  the server listens on the loopback address and the request did not come through a proxy
  (no ``X-Forwarded-For``/``Forwarded``/``X-Real-IP`` header, a ``Host`` header naming this
  machine, client address on loopback);
  otherwise the app refuses to show anything and says how to configure access.

Roles per workspace (``owner`` > ``editor`` > ``viewer``), from ``BOUSSOLE_ROLES`` and from the
JSON file ``<store>/_access.json`` (or ``BOUSSOLE_ACCESS_FILE``), merged (the environment wins on
the same user and workspace)::

    BOUSSOLE_ROLES="alice=acme:owner,demo:viewer; bob@client.com=acme:viewer; carol=*:editor"
    {"roles": {"alice": {"acme": "owner", "demo": "viewer"}, "bob@client.com": {"acme": "viewer"}}}

``*`` stands for every workspace; a role given for a workspace by name wins over ``*``. The
``admin`` user (``BOUSSOLE_PASSWORD``) is owner of ``*`` unless a role says otherwise; any other
user without a role sees no workspace.

What each role may do (enforced by ``app.py`` and :mod:`ui.context`, whatever the URL says):

* viewer — only the workspaces given to them, always in presentation mode (no sidebar, no
  import, no edits, no Data/UTM/Workspaces/Settings page); ``?present=0`` and ``?workspace=``
  naming another workspace are ignored;
* editor — normal mode: import, edit goals/journal/campaigns, Data and UTM pages;
* owner — also Settings (API sources) and, as owner of ``*``, the Workspaces page.

The password is compared in constant time and never stored in the session, logged or shown;
a wrong password costs one second.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("viewer", "editor", "owner")
RANK = {"viewer": 1, "editor": 2, "owner": 3}
ALL = "*"
ADMIN_USER = "admin"
ENV_PASSWORD = "BOUSSOLE_PASSWORD"
ENV_USER_PREFIX = "BOUSSOLE_USER_"
ENV_ROLES = "BOUSSOLE_ROLES"
ENV_ACCESS_FILE = "BOUSSOLE_ACCESS_FILE"
ACCESS_FILE = "_access.json"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")
HASH_SCHEME = "pbkdf2_sha256"
HASH_ITERATIONS = 600_000
WRONG_PASSWORD_DELAY = 1.0

log = logging.getLogger("boussole.access")


class AccessConfigError(ValueError):
    """A role entry that cannot be read (names the variable or file and the entry)."""


@dataclass(frozen=True)
class Access:
    """The signed-in user of this session and their roles (``{workspace or "*": role}``)."""

    mode: str  # off | password | oidc
    user: str | None
    roles: Mapping[str, str] = field(default_factory=dict)

    @property
    def enabled(self) -> bool:
        return self.mode != "off"

    def role(self, workspace: str | None) -> str | None:
        """The user's role on ``workspace`` (a role by name wins over ``*``); ``None`` = no access."""
        if not self.enabled:
            return "owner"
        if workspace is not None and workspace in self.roles:
            return self.roles[workspace]
        return self.roles.get(ALL)

    def can(self, workspace: str | None, needed: str) -> bool:
        r = self.role(workspace)
        return r is not None and RANK[r] >= RANK[needed]

    def visible(self, names: list[str]) -> list[str]:
        """The workspaces among ``names`` this user may open (at least viewer)."""
        return [n for n in names if self.can(n, "viewer")]

    @property
    def admin(self) -> bool:
        """Owner of every workspace (creates, renames, deletes workspaces)."""
        return not self.enabled or self.roles.get(ALL) == "owner"


OFF = Access("off", None, {ALL: "owner"})


# ----------------------------------------------------------------------------- passwords


def hash_password(password: str, salt: bytes | None = None, iterations: int = HASH_ITERATIONS) -> str:
    """``pbkdf2_sha256$iterations$salt_hex$hash_hex`` (for ``.env``; the password is not kept)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{HASH_SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def check_password(given: str, stored: str) -> bool:
    """Constant-time check of ``given`` against a stored password or :func:`hash_password` hash."""
    if not stored:
        return False
    parts = stored.split("$")
    if len(parts) == 4 and parts[0] == HASH_SCHEME:
        try:
            iterations, salt = int(parts[1]), bytes.fromhex(parts[2])
        except ValueError:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", given.encode("utf-8"), salt, iterations).hex()
        return hmac.compare_digest(digest, parts[3])
    return hmac.compare_digest(given.encode("utf-8"), stored.encode("utf-8"))


# ----------------------------------------------------------------------------- configuration


def load_env() -> None:
    """Read ``.env`` (variables already in the environment win), as the connectors do."""
    try:
        from connectors.api.base import load_dotenv_once
    except ImportError:  # pragma: no cover
        return
    load_dotenv_once()


def password_users(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """``{user: stored password or hash}`` from ``BOUSSOLE_PASSWORD`` and ``BOUSSOLE_USER_<NAME>``."""
    env = os.environ if env is None else env
    users: dict[str, str] = {}
    if (env.get(ENV_PASSWORD) or "").strip():
        users[ADMIN_USER] = env[ENV_PASSWORD].strip()
    for k, v in env.items():
        if k.startswith(ENV_USER_PREFIX) and len(k) > len(ENV_USER_PREFIX) and (v or "").strip():
            users[k[len(ENV_USER_PREFIX):].lower()] = v.strip()
    return users


def _check_role(role: object, where: str) -> str:
    r = str(role or "").strip().lower()
    if r not in RANK:
        raise AccessConfigError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
    return r


def parse_roles(text: str, where: str = ENV_ROLES) -> dict[str, dict[str, str]]:
    """``"alice=acme:owner,demo:viewer; bob=*:viewer"`` -> ``{"alice": {"acme": "owner", ...}}``."""
    out: dict[str, dict[str, str]] = {}
    for n, entry in enumerate(re.split(r"[;\n]", text or ""), start=1):
        entry = entry.strip()
        if not entry:
            continue
        user, sep, grants = entry.partition("=")
        if not sep or not user.strip():
            raise AccessConfigError(f"{where}, entry {n}: expected user=workspace:role[,workspace:role]")
        mine = out.setdefault(user.strip().lower(), {})
        for grant in grants.split(","):
            ws, sep, role = grant.strip().rpartition(":")
            if not sep or not ws.strip():
                raise AccessConfigError(f"{where}, entry {n}: expected workspace:role, found {grant.strip()!r}")
            mine[ws.strip()] = _check_role(role, f"{where}, entry {n}")
    return out


def roles_file(root: Path | None) -> Path | None:
    explicit = (os.environ.get(ENV_ACCESS_FILE) or "").strip()
    if explicit:
        return Path(explicit)
    return Path(root) / ACCESS_FILE if root is not None else None


def load_roles(root: Path | None, env: Mapping[str, str] | None = None) -> dict[str, dict[str, str]]:
    """Roles from the access file, then ``BOUSSOLE_ROLES`` on top (see the module docstring)."""
    env = os.environ if env is None else env
    roles: dict[str, dict[str, str]] = {}
    path = roles_file(root)
    if path is not None and path.is_file():
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AccessConfigError(f"{path}: not valid JSON ({exc})") from None
        table = doc.get("roles") if isinstance(doc, dict) else None
        if not isinstance(table, dict):
            raise AccessConfigError(f'{path}: expected {{"roles": {{user: {{workspace: role}}}}}}')
        for user, grants in table.items():
            if not isinstance(grants, dict):
                raise AccessConfigError(f"{path}: roles of {user!r} must be an object {{workspace: role}}")
            roles[str(user).strip().lower()] = {str(w): _check_role(r, f"{path}, {user}") for w, r in grants.items()}
    for user, grants in parse_roles(env.get(ENV_ROLES) or "").items():
        roles.setdefault(user, {}).update(grants)
    return roles


def access_for(mode: str, user: str, roles: Mapping[str, Mapping[str, str]]) -> Access:
    user = user.strip().lower()
    mine = dict(roles.get(user) or {})
    if user == ADMIN_USER and mode == "password" and not mine:
        mine = {ALL: "owner"}
    return Access(mode, user, mine)


# ----------------------------------------------------------------------------- where we run


def oidc_configured() -> bool:
    try:
        import streamlit as st

        return "auth" in st.secrets
    except Exception:  # no secrets file, or a Streamlit without it
        return False


def mode(env: Mapping[str, str] | None = None) -> str:
    if oidc_configured():
        return "oidc"
    return "password" if password_users(env) else "off"


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    h = host.strip().strip("[]").lower()
    if h in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def is_local(address: str | None, headers: Mapping[str, str] | None, client_ip: str | None) -> bool:
    """True when the server only listens on loopback and this request came straight from this
    machine: no proxy header, a ``Host`` (when sent) naming loopback, and the client address
    (when known) on loopback."""
    if not _is_loopback(address):
        return False
    low = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    if any(h in low for h in PROXY_HEADERS):
        return False
    host = low.get("host", "").strip()
    if host:  # the name the browser asked for: "localhost:8501" here, "boussole.example.com" via a proxy
        name = host[1 : host.index("]")] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if not _is_loopback(name):
            return False
    return client_ip is None or _is_loopback(client_ip)


def request_is_local() -> bool:
    import streamlit as st

    try:
        address = st.get_option("server.address")
    except Exception:
        address = None
    try:
        headers = dict(st.context.headers or {})
    except Exception:
        headers = {}
    try:
        ip = st.context.ip_address
    except Exception:
        ip = None
    return is_local(address, headers, ip if isinstance(ip, str) else None)


# ----------------------------------------------------------------------------- the gate

K_USER = "bsl.auth.user"
K_ACCESS = "bsl.access"


def current() -> Access:
    """The access of this session as decided by :func:`gate` this run (``OFF`` before)."""
    import streamlit as st

    acc = st.session_state.get(K_ACCESS)
    if isinstance(acc, Access):
        return acc
    # not decided by app.py this session (a page run on its own): closed unless nothing is configured
    return OFF if mode() == "off" else Access(mode(), None, {})


def gate(root: Path) -> Access:
    """Decide who this session is; render the sign-in form and ``st.stop()`` when not signed in
    or not allowed. Called by ``app.py`` before anything else is shown."""
    import streamlit as st

    from ui.i18n import t

    ss = st.session_state
    load_env()
    m = mode()
    ss.pop(K_ACCESS, None)
    _sign_in_language()
    if m == "off":
        if not request_is_local():
            st.error(t("access.remote_refused"), icon=":material/lock:")
            st.stop()
        ss[K_ACCESS] = OFF
        return OFF
    try:
        roles = load_roles(root)
    except AccessConfigError as exc:
        log.error("access configuration: %s", exc)
        from ui import safe

        st.error(t("access.config_error", detail=safe.md(str(exc))), icon=":material/lock:")
        st.stop()
    if m == "oidc":
        user = _oidc_user()
        if not user:
            _oidc_form()
            st.stop()
    else:
        user = ss.get(K_USER)
        if not user or user not in password_users():
            ss.pop(K_USER, None)
            _password_form()
            st.stop()
    acc = access_for(m, user, roles)
    if not acc.roles:
        from ui import safe

        st.warning(t("access.no_workspace", user=safe.md(user)), icon=":material/lock:")
        sign_out_button("access.signout.none")
        st.stop()
    ss[K_ACCESS] = acc
    return acc


def _sign_in_language() -> None:
    """The sign-in page speaks the language of the URL, the session or the browser (the view is
    resolved only after signing in)."""
    import streamlit as st

    from ui import context, i18n

    lang = i18n.normalise_lang(st.query_params.get("lang")) or st.session_state.get(context.K_LANG) or context._browser_lang()
    if lang in i18n.LANGS:
        i18n.set_lang(lang)


def _oidc_user() -> str | None:
    import streamlit as st

    try:
        if not st.user.is_logged_in:
            return None
        return str(st.user.get("email") or "").strip().lower() or None
    except Exception:
        return None


def _oidc_form() -> None:
    import streamlit as st

    from ui.i18n import t

    st.title("Boussole")
    st.caption(t("access.signin.intro"))
    provider = (os.environ.get("BOUSSOLE_OIDC_PROVIDER") or "").strip() or None
    if st.button(t("access.signin.oidc"), type="primary", icon=":material/login:", key="bsl.auth.oidc"):
        st.login(provider) if provider else st.login()


def _password_form() -> None:
    import streamlit as st

    from ui.i18n import t

    users = password_users()
    only_admin = set(users) == {ADMIN_USER}
    st.title("Boussole")
    st.caption(t("access.signin.intro"))
    with st.form("bsl.auth.form", border=True, clear_on_submit=True):
        name = "" if only_admin else st.text_input(t("access.user"), key="bsl.auth.name", autocomplete="username")
        pw = st.text_input(t("access.password"), type="password", key="bsl.auth.pw", autocomplete="current-password")
        sent = st.form_submit_button(t("access.signin"), type="primary", icon=":material/login:")
    if not sent:
        return
    user = ADMIN_USER if only_admin else (name or "").strip().lower()
    stored = users.get(user)
    ok = bool(stored) and check_password(pw or "", stored)
    st.session_state.pop("bsl.auth.pw", None)  # the typed password does not stay in the session
    pw = None
    if ok:
        st.session_state[K_USER] = user
        log.info("sign-in: %s", user)
        st.rerun()
    log.warning("failed sign-in for user %r", user[:64])
    time.sleep(WRONG_PASSWORD_DELAY)
    st.error(t("access.wrong"), icon=":material/error:")


def sign_out_button(label_key: str = "access.signout", where=None) -> None:
    """A sign-out button (nothing when access control is off)."""
    import streamlit as st

    from ui.i18n import t

    if mode() == "off":
        return
    box = where or st
    if box.button(t(label_key), key=f"bsl.auth.signout.{label_key}", type="tertiary", icon=":material/logout:"):
        st.session_state.pop(K_USER, None)
        st.session_state.pop(K_ACCESS, None)
        if mode() == "oidc":
            st.logout()
        st.rerun()


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.access hash``: read a password (not echoed) and print its hash for ``.env``."""
    import getpass
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args[:1] != ["hash"]:
        print("usage: python -m ui.access hash", file=sys.stderr)
        return 2
    pw = getpass.getpass("Password: ")
    if not pw or pw != getpass.getpass("Again: "):
        print("the two entries differ (or are empty)", file=sys.stderr)
        return 2
    print(hash_password(pw))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
