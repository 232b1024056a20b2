"""Notification routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from tests.matrix_rules import Rule

ADMIN = ("admin",)
TEMPLATE = "/api/v1/notifications/templates/{kind}"
WORDING = {"subject": "Hoe gaat het?", "body": "Hallo $name, hoe gaat het deze week?"}


def _kind(*_: object) -> dict[str, str]:
    return {"kind": "checkin_nudge"}


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/notifications/settings"): Rule(200, kind="global"),
    ("PATCH", "/api/v1/notifications/settings"): Rule(200, kind="global", body=lambda w: {"digest": "daily"}),
    ("GET", "/api/v1/notifications/templates"): Rule(200, kind="global", roles=ADMIN),
    ("PUT", f"{TEMPLATE}/{{language}}"): Rule(
        200,
        kind="global",
        roles=ADMIN,
        params=lambda s, w, f: _kind() | {"language": "nl"},
        body=lambda w: WORDING,
    ),
    ("DELETE", f"{TEMPLATE}/{{language}}"): Rule(
        200, kind="global", roles=ADMIN, params=lambda s, w, f: _kind() | {"language": "en"}
    ),
    ("POST", f"{TEMPLATE}/preview"): Rule(
        200, kind="global", roles=ADMIN, params=lambda s, w, f: _kind(), body=lambda w: WORDING
    ),
    ("GET", "/api/v1/notifications/messages"): Rule(200, kind="global", roles=ADMIN),
    ("GET", "/api/v1/families/{family_id}/notifications"): Rule(200),
    # Public: the opt-out link works without login; a token that is not ours answers 404 to everyone.
    ("POST", "/api/v1/notifications/unsubscribe/{token}"): Rule(
        404, public=True, params=lambda s, w, f: {"token": "not-a-token"}
    ),
}
