"""One spelling per mailbox: the form an email address is stored, compared and looked up in."""

import unicodedata


def normalize_email_address(value: str) -> str:
    """NFKC folds look-alike forms (a fullwidth letter in the domain becomes the plain letter);
    invisible format and control characters (a zero-width space pasted at the end) are dropped;
    the domain, which is case-insensitive, is lower-cased."""
    value = unicodedata.normalize("NFKC", value or "")
    value = "".join(char for char in value if unicodedata.category(char) not in ("Cf", "Cc")).strip()
    local, at, domain = value.rpartition("@")
    if not at:
        return value
    return f"{local}@{domain.lower().rstrip('.')}"
