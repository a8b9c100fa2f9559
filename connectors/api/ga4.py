"""Google Analytics 4 Data API: daily sessions by source / medium / campaign.

``POST https://analyticsdata.googleapis.com/v1beta/properties/{id}:runReport`` with the
dimensions ``date, sessionSource, sessionMedium, sessionCampaignName`` and the metrics
``sessions, totalUsers, keyEvents, totalRevenue`` (offset pagination, ``rowCount``).

Authentication: a service account (add its e-mail as a *Viewer* of the property). A JWT
``{iss, scope, aud, iat, exp}`` is signed RS256 with the account's private key and
exchanged at the token endpoint (``grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer``)
for a one-hour access token. RS256 (RSA PKCS#1 v1.5 + SHA-256) has no implementation in
the standard library, so the signature uses ``cryptography`` (already a dependency of
most Python stacks, a small wheel, no Google SDK and its protobuf/grpc tree needed);
it is imported only when a GA4 pull runs.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connectors.api.base import Common, Page, PullContext, build_config, secret, setting, since_date, to_float, to_int
from connectors.errors import ConfigError
from connectors.http import OffsetPaginator, register_secret

NAME = "ga4"
LABEL = "Google Analytics 4"
STREAMS = {"traffic": "traffic"}
API = "https://analyticsdata.googleapis.com/v1beta"
SCOPE = "https://www.googleapis.com/auth/analytics.readonly"
TOKEN_URI = "https://oauth2.googleapis.com/token"
DIMENSIONS = ["date", "sessionSource", "sessionMedium", "sessionCampaignName"]
METRICS = ["sessions", "totalUsers", "keyEvents", "totalRevenue"]
PAGE = 10000


@dataclass
class Config(Common):
    LABEL = LABEL
    property_id: str | None = setting("GA4_PROPERTY_ID", None, "the numeric GA4 property id", required=True)
    credentials_file: str | None = secret("GA4_CREDENTIALS_FILE", "path to the service account key (JSON)", required=False)
    credentials_json: str | None = secret("GA4_CREDENTIALS_JSON", "or: the service account key itself (JSON)", required=False)

    @property
    def pid(self) -> str:
        p = str(self.property_id or "").strip()
        return p.split("/", 1)[1] if p.startswith("properties/") else p


def from_settings(settings: dict | None = None, env: dict | None = None) -> Config:
    cfg = build_config(Config, settings, env)
    if not cfg.credentials_file and not cfg.credentials_json:
        raise ConfigError(f"{LABEL}: missing environment variable GA4_CREDENTIALS_FILE (path to the service account key) "
                          "or GA4_CREDENTIALS_JSON (put it in .env)")
    return cfg


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def service_account(cfg: Config) -> dict[str, Any]:
    try:
        if cfg.credentials_json:
            info = json.loads(cfg.credentials_json)
        else:
            info = json.loads(Path(str(cfg.credentials_file)).expanduser().read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{LABEL}: the service account key file was not found (GA4_CREDENTIALS_FILE)") from None
    except (ValueError, OSError):
        raise ConfigError(f"{LABEL}: the service account key is not valid JSON") from None
    if not isinstance(info, dict) or not info.get("client_email") or not info.get("private_key"):
        raise ConfigError(f"{LABEL}: the service account key lacks client_email or private_key "
                          "(download a JSON key for a service account)")
    register_secret(info.get("private_key"))
    register_secret(info.get("private_key_id"))
    return info


def signed_jwt(info: dict[str, Any], now: float, scope: str = SCOPE) -> str:
    try:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding
    except ImportError:  # pragma: no cover
        raise ConfigError(f"{LABEL}: the 'cryptography' package is needed to sign the service account token "
                          "(pip install cryptography)") from None
    header = {"alg": "RS256", "typ": "JWT"}
    if info.get("private_key_id"):
        header["kid"] = info["private_key_id"]
    iat = int(now)
    claims = {"iss": info["client_email"], "scope": scope, "aud": info.get("token_uri") or TOKEN_URI,
              "iat": iat, "exp": iat + 3600}
    signing_input = _b64(json.dumps(header, separators=(",", ":")).encode()) + "." + _b64(
        json.dumps(claims, separators=(",", ":")).encode())
    try:
        key = serialization.load_pem_private_key(info["private_key"].encode(), password=None)
    except (ValueError, TypeError):
        raise ConfigError(f"{LABEL}: the service account private key could not be read") from None
    sig = key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr,call-arg]
    return signing_input + "." + _b64(sig)


def access_token(cfg: Config, ctx: PullContext) -> str:
    info = service_account(cfg)
    http = ctx.http(LABEL)
    now = http.clock() if http.clock else time.time()
    assertion = signed_jwt(info, now)
    register_secret(assertion)
    data = http.post_json(info.get("token_uri") or TOKEN_URI,
                          data={"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion})
    token = (data or {}).get("access_token")
    if not token:
        raise ConfigError(f"{LABEL}: the token endpoint did not return an access token")
    register_secret(token)
    return token


def _report(cfg: Config, ctx: PullContext, token: str, start: dt.date, end: dt.date, limit: int = PAGE,
            max_pages: int = 100) -> Iterator[dict[str, Any]]:
    http = ctx.http(LABEL)
    body = {
        "dateRanges": [{"startDate": start.isoformat(), "endDate": end.isoformat()}],
        "dimensions": [{"name": d} for d in DIMENSIONS],
        "metrics": [{"name": m} for m in METRICS],
        "keepEmptyRows": False,
    }
    pag = OffsetPaginator(limit, "rows", total_path="rowCount", in_body=True)
    for page, _ in http.paginate("POST", f"{API}/properties/{cfg.pid}:runReport", pag, json=body,
                                 headers={"Authorization": f"Bearer {token}"}, max_pages=max_pages):
        yield page


def check(cfg: Config, ctx: PullContext | None = None) -> str:
    ctx = ctx or PullContext()
    token = access_token(cfg, ctx)
    assert ctx.today
    for _ in _report(cfg, ctx, token, ctx.today - dt.timedelta(days=1), ctx.today, limit=1, max_pages=1):
        break
    return f"{LABEL}: the service account can read property {cfg.pid}"


def read(cfg: Config, state: dict | None = None, ctx: PullContext | None = None) -> Iterator[Page]:
    ctx = ctx or PullContext()
    state = state or {}
    assert ctx.today
    start = since_date(state, "traffic", ctx, cfg)
    token = access_token(cfg, ctx)
    for page in _report(cfg, ctx, token, start, ctx.today):
        dims = [h.get("name") for h in page.get("dimensionHeaders") or []] or DIMENSIONS
        mets = [h.get("name") for h in page.get("metricHeaders") or []] or METRICS
        rows = []
        for r in page.get("rows") or []:
            d = dict(zip(dims, [v.get("value") for v in r.get("dimensionValues") or []], strict=False))
            m = dict(zip(mets, [v.get("value") for v in r.get("metricValues") or []], strict=False))
            day = d.get("date") or ""
            rows.append({
                "date": dt.date(int(day[:4]), int(day[4:6]), int(day[6:8])) if len(day) == 8 else None,
                "grain": "day",
                "property": cfg.pid,
                "source": d.get("sessionSource"),
                "medium": d.get("sessionMedium"),
                "campaign": d.get("sessionCampaignName"),
                "sessions": to_int(m.get("sessions")),
                "users": to_int(m.get("totalUsers")),
                "conversions": to_float(m.get("keyEvents")),
                "revenue": to_float(m.get("totalRevenue")),
                "source_format": "api_ga4",
            })
        yield Page("traffic", "traffic", rows)
    yield Page("traffic", "traffic", [], cursor={"last_date": ctx.today.isoformat()})
