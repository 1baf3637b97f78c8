"""Hostile input in every path parameter and query parameter of every URL, as every role: never a server error.

NUL bytes (PostgreSQL refuses them in strings), other control characters, numbers out of any range,
over-long words and invalid UTF-8 must end as a page, a redirect, a 400 or a 404, never as a 500.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.http import int_to_base36

from forum.models import Question
from notifications.models import AlertSubscription
from tests.test_security import MATRIX, ROLES, world  # noqa: F401  (world is a fixture used here)

# Each value as it travels in a URL (already percent-encoded), with a name for the failure report.
HOSTILE = {
    "NUL": "%00",
    "SOH": "%01",
    "ESC": "%1B",
    "DEL": "%7F",
    "huge number": "99999999999999999999",
    "-1": "-1",
    "0": "0",
    "year 0000": "0000",
    "year 9999": "9999",
    "superscript two": "%C2%B2",  # a "digit" to str.isdigit() that int() refuses
    "over-long word": "a" * 5000,
    "5000 digits": "9" * 5000,
    "NUL inside a word": "tired%00x",
    "ESC inside a word": "tired%1Bx",
    "overlong UTF-8 slash": "%C0%AF",
    "byte FF": "%FF",
    "UTF-8 surrogate": "%ED%A0%80",
}

# Every query parameter our code reads (test_every_query_parameter_read_is_fuzzed keeps this complete),
# and those the frameworks read: allauth's next, the sitemap's and the admin's p, the admin's o and _to_field.
OUR_QUERY_PARAMS = {
    "page", "q", "reply_to", "category", "tag", "expert", "specialty", "scope", "from", "to", "helped",
}  # fmt: skip
QUERY_PARAMS = sorted(OUR_QUERY_PARAMS | {"next", "p", "o", "_to_field"})

APP_DIRS = ("core", "accounts", "notifications", "forum", "comments", "experts", "search", "moderation")
# request.GET.get("x"), GET["x"], GET.getlist("x"), a QueryDict held in `params` (params.get("x")), the
# names given to a helper that reads one (query_text(request, "x")) and those a cached page declares it
# reads (public_page(reads=("x", ...)), core.cache.PAGE_PARAMETERS): every way the code names a parameter.
READS = re.compile(
    r"""(?:\bGET|\bparams)\s*(?:\.get(?:list)?\(\s*|\[\s*)["']([^"']+)["']"""
    r"""|\b(?:query_text|query_int)\(\s*[\w.]+\s*,\s*["']([^"']+)["']"""
    r"""|\breads=\(([^)]*)\)|^PAGE_PARAMETERS = \(([^)]*)\)""",
    re.MULTILINE,
)
# A parameter read by a name held in a variable, or the whole QueryDict handed on: the scan cannot see
# which names these read, so each place is listed with the names it reads.
DYNAMIC = re.compile(
    r"""\bGET\s*(?:\.get(?:list)?\(\s*|\[\s*)(?!["'\s])|\(\s*(?:self\.)?request\.GET\s*[,)]"""
    r"""|=\s*(?:self\.)?request\.GET\s*$""",
    re.MULTILINE,
)
DYNAMIC_READS = {
    "core/query.py": set(),  # the helpers: their callers name the parameter, and are scanned
    "core/cache.py": set(),  # keeps the parameters a page declares, scanned as reads=(...)
    "forum/views/alerts.py": {"category", "tag"},  # the alert form's scope, taken from a topic or tag page
}


def _routes() -> list[tuple[str, str, str | None]]:
    """(route, namespace, name) of every URL pattern, the admin's and allauth's included."""
    found: list[tuple[str, str, str | None]] = []

    def walk(patterns, prefix, namespace):  # type: ignore[no-untyped-def]
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace)
            elif isinstance(entry, URLPattern):
                found.append((prefix + str(entry.pattern), namespace or "", entry.name))

    walk(get_resolver().url_patterns, "", None)
    return found


PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _params(route: str) -> list[str]:
    return [m[1] or m[2] for m in PARAM.finditer(route)]


def _path(route: str, values: dict[str, str]) -> str:
    """The route with these (already encoded) values in its parameters."""
    path = PARAM.sub(lambda m: values[m[1] or m[2]], route)
    return "/" + path.replace("^", "").replace("$", "")


def _valid_values(route: str, namespace: str, name: str | None, w: dict) -> dict[str, str]:
    """Values that reach the view: the permission matrix's for our URLs, existing objects for the admin's."""
    key = f"{namespace}:{name}" if namespace else name
    if key in MATRIX:
        return {k: quote(str(v), safe="") for k, v in MATRIX[key][0](w).items()}
    params = _params(route)
    if not params:
        return {}
    values = {}
    admin_model = re.match(r"admin/(\w+)/(\w+)/", route)
    for param in params:
        if param == "object_id" and admin_model:
            model = ContentType.objects.get_by_natural_key(*admin_model.groups()).model_class()
            obj = model._default_manager.order_by("pk").first() if model else None
            values[param] = str(obj.pk if obj else 1)
        elif param == "content_type_id":
            values[param] = str(ContentType.objects.get_for_model(Question).pk)
        elif param == "object_id":  # admin/r/<content_type_id>/<object_id>/
            values[param] = str(w["public"].pk)
        elif param == "id":  # the admin's password form for a person
            values[param] = str(w["users"]["patient"].pk)
        elif param == "app_label":
            values[param] = "forum"
        elif param == "url":
            values[param] = "no-such-admin-page/"
        elif param == "uidb36":
            values[param] = int_to_base36(w["users"]["patient"].pk)
        elif param == "key":
            values[param] = "set-password" if "uidb36" in params else "some-key"
        else:
            raise AssertionError(f"No valid value known for {param} in {route}")
    return values


def _clients(w: dict) -> dict[str, Client]:
    clients = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.force_login(w["users"][role])
        clients[role] = client
    return clients


def _status(client: Client, method: str, url: str, data: dict | None = None) -> tuple[int, str]:
    """The status of one request, kept in a savepoint so a failed query cannot spoil the next request."""
    outcome = (0, "")
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, data or {})
            error = getattr(response, "exc_info", None)
            outcome = (response.status_code, repr(error[1])[:200] if error else "")
    except DatabaseError as error:  # the view broke the transaction: it answered with a 500 already
        outcome = (outcome[0] or 500, outcome[1] or repr(error)[:200])
    return outcome


def _broken(role: str, method: str, url: str, what: str, outcome: tuple[int, str]) -> str | None:
    status, error = outcome
    if status >= 500:
        return f"{role} {method.upper()} {url[:120]} [{what}] -> {status} {error}"
    return None


@pytest.mark.django_db
def test_hostile_values_in_every_path_parameter_for_every_role(world):  # noqa: F811
    clients = _clients(world)
    failures = []
    requests = 0
    for route, namespace, name in _routes():
        valid = _valid_values(route, namespace, name, world)
        for param in valid:
            for label, value in HOSTILE.items():
                url = _path(route, {**valid, param: value})
                for role, client in clients.items():
                    requests += 1
                    failure = _broken(role, "get", url, f"{param}={label}", _status(client, "get", url))
                    if failure:
                        failures.append(failure)
    assert requests > 3000  # every pattern with parameters was reached
    assert failures == [], "\n".join(failures)


def _benign_query(w: dict) -> dict[str, str]:
    """A value for each of our parameters that takes a page down its full path (a search with results,
    filters that match), so a hostile value in one parameter is not hidden behind another's early exit."""
    return {
        "page": "1", "q": "tired", "reply_to": str(w["comment"].pk), "category": "matrix-topic",
        "tag": "matrix-tag", "expert": "dr-matrix", "specialty": "matrix-topic", "scope": "all",
        "from": "2000-01-01", "to": "2999-12-31", "helped": "no",
    }  # fmt: skip


def _roles_reaching(namespace: str, name: str | None) -> list[str]:
    """The roles a URL's view answers (not a redirect to sign in, not a 403): they run its code."""
    key = f"{namespace}:{name}" if namespace else name
    if key in MATRIX:
        return [role for role, status in MATRIX[key][1].items() if status == 200] or ROLES
    return ["moderator"] if namespace == "admin" else ROLES


def _read_alone(route: str, name: str | None) -> list[str]:
    """The parameters fuzzed one at a time on this URL (the others benign): ours on our pages, the
    admin's on its lists, allauth's next on its pages."""
    if route.startswith("admin/"):
        return ["_to_field", "o", "p", "q"] if (name or "").endswith("_changelist") else []
    if route.startswith("accounts/"):
        return ["next"]
    return sorted(OUR_QUERY_PARAMS)


@pytest.mark.django_db
def test_hostile_values_in_every_query_parameter_of_every_url(world):  # noqa: F811
    """Every value in all parameters at once on every URL (each role in turn, so every URL sees every
    role), then each parameter a URL reads alone, the others benign, as the roles that reach its view."""
    clients = _clients(world)
    benign = _benign_query(world)
    assert set(benign) == OUR_QUERY_PARAMS
    failures = []
    for number, (route, namespace, name) in enumerate(_routes()):
        base = _path(route, _valid_values(route, namespace, name, world))
        reaching = _roles_reaching(namespace, name)
        for index, (label, value) in enumerate(HOSTILE.items()):
            role = ROLES[(number + index) % len(ROLES)]
            url = f"{base}?" + "&".join(f"{param}={value}" for param in QUERY_PARAMS)
            failures.append(_broken(role, "get", url, f"all parameters={label}", _status(clients[role], "get", url)))
            for offset, param in enumerate(_read_alone(route, name)):
                alone_role = reaching[(number + index + offset) % len(reaching)]
                query = {**benign, param: value} if param in benign else {param: value}
                url = f"{base}?" + "&".join(f"{k}={v}" for k, v in query.items())
                outcome = _status(clients[alone_role], "get", url)
                failures.append(_broken(alone_role, "get", url, f"{param}={label}", outcome))
    failures = [failure for failure in failures if failure]
    assert failures == [], "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value",
    ["abc", "\x00", "99999999999999999999", "9" * 5000, "-1", "", "\u00b2"],
    ids=["letters", "NUL", "huge", "5000 digits", "negative", "empty", "superscript two"],
)
def test_stopping_an_alert_with_a_malformed_id_is_not_a_server_error(world, value):  # noqa: F811
    patient = world["users"]["patient"]
    alert = AlertSubscription.objects.create(email=patient.email, user=patient, frequency="daily",
                                             confirmed_at=world["public"].answered_at)  # fmt: skip
    client = Client(raise_request_exception=False)
    client.force_login(patient)
    status, error = _status(client, "post", "/account/", {"stop_alert": value})
    assert status in (302, 400, 404), f"stop_alert={value!r} -> {status} {error}"
    alert.refresh_from_db()
    assert alert.unsubscribed_at is None


def _source_files():  # type: ignore[no-untyped-def]
    for app in APP_DIRS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield str(path.relative_to(settings.BASE_DIR)), path.read_text()


def _parameters_read_in_source() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, text in _source_files():
        for match in READS.finditer(text):
            literal, helper, declared, default = match.groups()
            listed = re.findall(r"[\"']([^\"']+)[\"']", declared or default or "")
            names = [literal or helper] if literal or helper else listed
            for parameter in names:
                found.setdefault(parameter, set()).add(name)
        if DYNAMIC.search(text):
            for parameter in DYNAMIC_READS.get(name, {"<names the scan cannot see>"}):
                found.setdefault(parameter, set()).add(name)
    return found


def test_every_query_parameter_read_is_fuzzed():
    read = _parameters_read_in_source()
    assert {"page", "q", "reply_to", "specialty", "from"} <= set(read)  # the scan finds what it is meant to
    missing = {name: sorted(files) for name, files in read.items() if name not in QUERY_PARAMS}
    assert missing == {}, "query parameters read but not fuzzed in tests/test_hostile_inputs.py"


def test_the_source_scan_sees_every_way_of_reading_a_parameter():
    samples = {
        'request.GET.get("alpha")': "alpha", "self.request.GET['beta']": "beta", 'GET.getlist("gamma")': "gamma",
        'params.get("delta")': "delta", 'query_text(self.request, "epsilon", max_length=9)': "epsilon",
        'query_int(request, "zeta")': "zeta", 'public_page(reads=("eta", "theta"))': "theta",
    }  # fmt: skip
    for sample, name in samples.items():
        assert name in " ".join(str(group) for m in READS.finditer(sample) for group in m.groups()), sample
    for sample in ("request.GET.get(field)", "request.GET[name]", "SomeForm(request.GET)", "params = request.GET"):
        assert DYNAMIC.search(sample), sample
