"""Demo content written by this team for the demo MS community.

Only `manage.py load_demo` reads this module; nothing here runs in production.
"""

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105  # nosec B105 - the documented demo-only password

DEMO_ACCOUNTS = [
    # email, display name, is_staff, is_superuser
    ("patient@example.com", "Rowan", False, False),
    ("expert@example.com", "Dr Amara Okafor", False, False),
    ("moderator@example.com", "Moderator Sam", True, False),
    ("admin@example.com", "Site admin", True, True),
]

CATEGORIES = [
    (
        "Diagnosis and tests",
        "diagnosis-and-tests",
        "MRI scans, lumbar punctures, evoked potentials, and what the first months after a diagnosis look like.",
    ),
    (
        "Disease-modifying treatments",
        "treatments",
        "Choosing, starting, switching and stopping the medicines that reduce relapses and slow progression.",
    ),
    (
        "Relapses",
        "relapses",
        "Telling a relapse from a bad day, steroid courses, and recovering afterwards.",
    ),
    (
        "Symptoms",
        "symptoms",
        "Fatigue, pain, bladder and bowel, vision, balance, spasticity, sleep and thinking.",
    ),
    (
        "Daily life and work",
        "daily-life",
        "Work, driving, travel, exercise, diet, heat and planning your energy.",
    ),
    (
        "Family and pregnancy",
        "family-and-pregnancy",
        "Pregnancy and breastfeeding with MS, telling children, and partners as carers.",
    ),
    (
        "Emotional health",
        "emotional-health",
        "Low mood, anxiety, adjusting to uncertainty, and where to find support.",
    ),
    (
        "Research and trials",
        "research",
        "Reading study results, taking part in trials, and what is on the horizon.",
    ),
]

TAGS = [
    ("MRI", "mri"),
    ("Fatigue", "fatigue"),
    ("Vitamin D", "vitamin-d"),
    ("Ocrelizumab", "ocrelizumab"),
    ("Natalizumab", "natalizumab"),
    ("Steroids", "steroids"),
    ("Heat sensitivity", "heat-sensitivity"),
    ("Bladder", "bladder"),
    ("Optic neuritis", "optic-neuritis"),
    ("Pregnancy", "pregnancy"),
    ("Exercise", "exercise"),
    ("Vaccines", "vaccines"),
    ("Cognition", "cognition"),
    ("Spasticity", "spasticity"),
    ("RRMS", "rrms"),
    ("Progressive MS", "progressive-ms"),
    ("Sleep", "sleep"),
    ("Work", "work"),
]

# Search synonyms: brand and generic names, abbreviations and everyday words.
SYNONYMS = [
    ("ocrevus, ocrelizumab", "Brand and generic name"),
    ("tysabri, natalizumab", "Brand and generic name"),
    ("kesimpta, ofatumumab", "Brand and generic name"),
    ("tecfidera, dimethyl fumarate", "Brand and generic name"),
    ("gilenya, fingolimod", "Brand and generic name"),
    ("aubagio, teriflunomide", "Brand and generic name"),
    ("mavenclad, cladribine", "Brand and generic name"),
    ("lemtrada, alemtuzumab", "Brand and generic name"),
    ("rrms, relapsing remitting", "Abbreviation"),
    ("spms, secondary progressive", "Abbreviation"),
    ("ppms, primary progressive", "Abbreviation"),
    ("dmt, disease modifying", "Abbreviation"),
    ("mri, scan", "Everyday word"),
    ("tiredness, fatigue", "Everyday word"),
    ("brain fog, cognition", "Everyday word"),
    ("pins and needles, tingling", "Everyday word"),
]
