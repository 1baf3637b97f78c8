"""The sources an expert cites under an answer: a PubMed ID, a DOI or a web address per line, checked in format
and kept as a list the answer page, its feed readers and its JSON-LD can all use."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

MAX_SOURCES = 12
_PMID = re.compile(r"^(?:pmid:?\s*)?(\d{1,9})$", re.IGNORECASE)
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def parse(text: str) -> list[dict[str, str]]:
    """One source per non-empty line; a ValidationError names each line that is none of the three."""
    sources: list[dict[str, str]] = []
    problems: list[str] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_SOURCES:
        raise ValidationError(_("Please cite at most %(n)d sources.") % {"n": MAX_SOURCES})
    for number, line in enumerate(lines, start=1):
        if match := _PMID.match(line):
            sources.append({"kind": "pmid", "id": match.group(1),
                            "url": f"https://pubmed.ncbi.nlm.nih.gov/{match.group(1)}/"})  # fmt: skip
        elif match := _DOI.match(line):
            sources.append({"kind": "doi", "id": match.group(1), "url": f"https://doi.org/{match.group(1)}"})
        else:
            try:
                URLValidator(schemes=["https", "http"])(line)
            except ValidationError:
                problems.append(_("Line %(n)d (“%(text)s”) is not a PubMed ID, a DOI or a web address.")
                                % {"n": number, "text": line[:60]})  # fmt: skip
            else:
                sources.append({"kind": "url", "id": line, "url": line})
    if problems:
        raise ValidationError(problems)
    return sources


def as_text(sources: list[dict[str, str]]) -> str:
    """The list as the expert typed it, one per line, to edit again."""
    prefixes = {"pmid": "PMID ", "doi": "doi:", "url": ""}
    return "\n".join(f"{prefixes.get(s.get('kind', ''), '')}{s.get('id', '')}" for s in sources)
