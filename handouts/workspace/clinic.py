"""The clinic's brand: name, contact, colours, fonts, footer wording, paper and file naming.

Plain data only; `workspace.clinic_file` reads and checks it from a workspace's clinic.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_FILE_PATTERN = "{date}-{template}-{initials}"
FONT_STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontChoice:
    """A font family by name and the TTF file of each of its four styles."""

    name: str
    files: tuple[tuple[str, Path], ...]

    def file(self, style: str) -> Path:
        """The TTF file of one style ("regular", "bold", "italic", "bold_italic")."""
        return dict(self.files)[style]


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 12.0
    bottom: float = 10.0
    side: float = 12.0


@dataclass(frozen=True)
class Practitioner:
    """A practitioner the clinic names by default, with credentials."""

    name: str
    credentials: str = ""

    def printed(self) -> str:
        """Name and credentials as printed: "Sam Lee, PT"."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class Clinic:
    """Brand settings; the defaults are a neutral look that needs no configuration."""

    name: str = ""  # empty: the header says "Your care team" in the handout's language
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    booking_link: str = ""
    booking_label: str = ""
    logo: Path | None = None
    primary_colour: str = "#1F4E79"
    accent_colour: str = "#2E6B57"
    # Empty means the language's own default disclaimer (content/<lang>/strings.yaml).
    disclaimer: str = ""
    paper: str = "letter"
    margins: Margins = field(default_factory=Margins)
    language: str = "en"
    large_print: bool = False
    file_pattern: str = DEFAULT_FILE_PATTERN
    practitioners: tuple[Practitioner, ...] = ()
    font: FontChoice | None = None
    fallback_fonts: tuple[FontChoice, ...] = ()
    source: str = "built-in defaults"

    def contact_line(self) -> str:
        """Address, phone, email and website joined for the header."""
        parts = [self.address, self.phone, self.email, self.website]
        return "  ·  ".join(part for part in parts if part)

    def default_practitioner(self, typed: str) -> str:
        """The practitioner to print: the typed one (credentials added when known) or the first."""
        typed = typed.strip()
        if not typed:
            return self.practitioners[0].printed() if self.practitioners else ""
        for person in self.practitioners:
            if person.name.casefold() == typed.casefold():
                return person.printed()
        return typed

    def texts(self) -> list[str]:
        """Every text of the brand that may be printed (for the font coverage check)."""
        return [
            self.name,
            self.contact_line(),
            self.booking_link,
            self.booking_label,
            self.disclaimer,
            *(person.printed() for person in self.practitioners),
        ]

    def as_context(self) -> dict[str, str]:
        """What section and template text may use as `clinic.*`."""
        return {
            "name": self.name,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "website": self.website,
            "booking_link": self.booking_link,
        }
