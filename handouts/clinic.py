"""The clinic's brand: name, contact, colours, footer wording, paper and file naming."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DISCLAIMER = (
    "This sheet supports the care you get in person. It does not replace advice from "
    "your doctor. If something feels wrong, stop and call us."
)
DEFAULT_FILE_PATTERN = "{date}-{template}-{initials}"


@dataclass(frozen=True)
class Clinic:
    """Brand settings; the defaults are a neutral look that needs no configuration."""

    name: str = "Your care team"
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    booking_link: str = ""
    logo: Path | None = None
    primary_colour: str = "#1F4E79"
    accent_colour: str = "#2E6B57"
    disclaimer: str = DEFAULT_DISCLAIMER
    paper: str = "letter"
    language: str = "en"
    file_pattern: str = DEFAULT_FILE_PATTERN
    practitioners: tuple[str, ...] = field(default_factory=tuple)

    def contact_line(self) -> str:
        """Address, phone, email and website joined for the header."""
        parts = [self.address, self.phone, self.email, self.website]
        return "  ·  ".join(part for part in parts if part)

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
