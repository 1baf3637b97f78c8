"""Patterns for personal details in a patient's text: which kinds, where, and which wins when two overlap.

forum.screening turns the spans found here into labelled matches; this module knows nothing of labels.
A pattern with a group named "v" reports that group's span (the name after "Dr", the number after "NHS
number"); any other pattern reports its whole match.
"""

import re
from collections.abc import Callable, Iterator

Span = tuple[str, int, int]  # (kind, start, end)

# When spans overlap, the higher priority wins (then the longer span): a date or a record number is
# more specific than the phone number it also looks like, an email address more than the "@name" in it.
PRIORITY = {
    "email": 100,
    "social": 95,  # a profile address on a social site: reported as a handle
    "url": 90,
    "ip": 85,
    "date": 80,
    "record": 75,
    "postcode": 70,
    "zip": 65,
    "address": 60,
    "name": 50,
    "handle": 45,
    "phone": 10,
}

_MONTHS = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TRAILING = ".,;:!?)]}'\""

# Words written with a capital after "Dr" or "my husband" that are not people's names: days, months,
# brands and nicknames ("Dr Google", "Dr. Scholl's insoles", "Dr. Reddy's" generics).
_NOT_NAME_WORDS = (
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Christmas Easter Google Googled Who Reddy Scholl Scholls "
    "Bronner Martens Oetker Pepper Seuss Oz Strange Practitioner Specialist Consultant Registrar"
)
NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_TITLES = r"(?:Dr|Doctor|Prof|Professor|Nurse|Sister|Mr|Mrs|Ms|Miss|Mx)"
_NAME_WORD = r"(?:[A-Z]'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME = rf"(?P<v>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
_ROLES = (
    r"husband|wife|partner|spouse|son|daughter|stepson|stepdaughter|child|mum|mom|mother|dad|father|stepmum|"
    r"stepdad|brother|sister|boyfriend|girlfriend|fianc[eé]e?|grandson|granddaughter|grandma|gran|nan|"
    r"grandmother|grandad|granddad|grandpa|grandfather|aunt|auntie|uncle|cousin|niece|nephew|friend|carer|"
    r"caregiver|neighbou?r|neurologist|neuro|gp|doctor|nurse|physio|physiotherapist|consultant|specialist|"
    r"therapist|ot|psychologist|counsell?or|pharmacist|surgeon|urologist|ophthalmologist|psychiatrist|dietitian"
)
_STREET_TYPES = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Crescent|"
    r"Terrace|Gardens|Grove|Row|Hill|Square|Sq|Mews|Walk|Parade|Highway|Hwy|Park|Rise|View"
)
_ADDRESS = rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][a-z]+(?:'s)?\s+){{1,3}}(?i:{_STREET_TYPES})\b"
_STATE_CODES = (  # US states: a five-digit number after one of these is a ZIP code
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IA IL IN KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_HEX = r"[0-9A-Fa-f]{1,4}"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "social",
        re.compile(
            r"(?<![\w./])(?:https?://)?(?:www\.|m\.)?(?:instagram\.com|facebook\.com|fb\.com|tiktok\.com|"
            r"youtube\.com|twitter\.com|x\.com|threads\.net|linkedin\.com/in|bsky\.app/profile)/@?[\w.-]*\w",
            re.IGNORECASE,
        ),
    ),
    (
        "url",
        re.compile(
            r"\b(?:https?://|www\.)[^\s<>\"]+|(?<![\w.-])(?:[a-z0-9-]+\.)+(?:com|org|net|uk|io|info|eu)/[^\s<>\"]*",
            re.IGNORECASE,
        ),
    ),
    (
        "ip",
        re.compile(
            rf"(?<![\w.:]){_OCTET}(?:\.{_OCTET}){{3}}(?![\w:]|\.\d)"
            rf"|(?<![\w:])(?:{_HEX}(?::{_HEX}){{7}}|(?:{_HEX}(?::{_HEX}){{0,6}})?::(?:{_HEX}(?::{_HEX}){{0,6}})?)"
            r"(?![\w:])"
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|"
            rf"{_DAY}\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+{_DAY},?\s+\d{{4}})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "record",
        re.compile(
            r"(?i:\b(?:NHS|CHI|MRN|hospital|patient|medical\s+record|record|insurance|policy|member|medicare|"
            r"medicaid|unit|ID)\b)[^\d\n]{0,30}?"  # the keyword, then a few words ("number is")
            r"(?<![\w-])(?P<v>(?=[A-Z0-9 -]*\d)[A-Z0-9]+(?:[ -][A-Z0-9]+)*)(?![\w-])"
        ),
    ),
    ("postcode", re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) \d[ABD-HJLNP-UW-Z]{2}\b")),
    ("postcode", re.compile(r"(?i:\bpost\s?code\b\W*(?:is\s+)?(?P<v>[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2})\b)")),
    ("address", re.compile(_ADDRESS)),
    ("name", re.compile(rf"\b{_TITLES}\b\.?\s+(?!{_TITLES}\b){_NAME}")),
    (
        "name",
        re.compile(
            rf"(?i:\b(?:my|our|his|her|their)\s+(?:[a-z]{{2,4}}\s+)?(?:{_ROLES})\b(?:'s\s+name\s+is|\s+is\s+called|"
            rf"\s+called|\s+named)?),?\s+(?!{_TITLES}\b){_NAME}"
        ),
    ),
    ("handle", re.compile(r"(?<![\w.+/@-])@[A-Za-z_][\w.]*\w")),
    (
        "phone",
        re.compile(
            r"(?<![\w+])(?<!\d[\s.-])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?)?(?:\(\d{2,5}\)[\s.-]?|\d{2,5}[\s.-]){1,4}\d{3,6}"
            r"(?!\w)(?![\s.-]\d)"
        ),
    ),
]

_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\b")
_STATE_BEFORE = re.compile(r"\b(?:" + _STATE_CODES.replace(" ", "|") + r")\.?,?\s+$")
_ADDRESS_BEFORE = re.compile(_ADDRESS + r"[^\d\n]{0,60}$")
_VERSION_BEFORE = re.compile(r"(?i:\b(?:version|build|release|v)\.?\s*)$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _keep_name(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    return words[0] not in NOT_NAMES and not (len(words) > 1 and words[1] in NOT_NAMES)


def _keep_record(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    return sum(c.isdigit() for c in value) >= 4 and sum(c.isalnum() for c in value) >= 6


def _keep_phone(text: str, start: int, end: int) -> bool:
    groups = re.findall(r"\d+", text[start:end])
    digits = sum(len(g) for g in groups)
    return 7 <= digits <= 15 and not all(_YEAR.fullmatch(g) for g in groups)  # "2018-2019" is two years


def _keep_ip(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if ":" in value:  # IPv6: "::" alone or a time such as 10:30:15 is not an address
        return len(re.findall(r"[0-9A-Fa-f]+", value)) >= 2
    return not _VERSION_BEFORE.search(text, max(0, start - 20), start)  # "version 4.12.0.7"


def _keep_handle(text: str, start: int, end: int) -> bool:
    return text[start + 1 : end].lower() not in {"everyone", "here", "channel", "all", "admin", "mods"}


_FILTERS: dict[str, Callable[[str, int, int], bool]] = {
    "name": _keep_name,
    "record": _keep_record,
    "phone": _keep_phone,
    "ip": _keep_ip,
    "handle": _keep_handle,
}


def _candidates(text: str) -> Iterator[Span]:
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("v") if "v" in pattern.groupindex else m.span()
            if kind in {"email", "social", "url", "handle"}:
                while end > start and text[end - 1] in _TRAILING:
                    end -= 1
            keep = _FILTERS.get(kind)
            if end > start and (keep is None or keep(text, start, end)):
                yield kind, start, end
    for m in _ZIP.finditer(text):  # a ZIP code only with a state ("IL 62704") or after a street address
        before = max(0, m.start() - 120)
        if _STATE_BEFORE.search(text, before, m.start()) or _ADDRESS_BEFORE.search(text, before, m.start()):
            yield "zip", m.start(), m.end()


def spans(text: str) -> list[Span]:
    """Non-overlapping (kind, start, end) spans in text order; a social profile address is a handle."""
    chosen: list[Span] = []
    ranked = sorted(set(_candidates(text)), key=lambda s: (-PRIORITY[s[0]], s[1] - s[2], s[1]))
    for kind, start, end in ranked:
        if all(end <= s or start >= e for _k, s, e in chosen):
            chosen.append((kind, start, end))
    return [("handle" if k == "social" else k, s, e) for k, s, e in sorted(chosen, key=lambda span: span[1])]
