"""Does a handout fit one double-sided sheet? Page counts and the notice when it does not."""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGE_LIMIT = 2  # one sheet, printed on both sides
LARGE_PRINT_LIMIT = 4  # two sheets in large print
LONGEST_NAMED = 2
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@dataclass(frozen=True)
class Fit:
    """How many pages a handout took, its limit, and its sections from longest down."""

    pages: int
    limit: int
    longest: tuple[str, ...] = ()

    @property
    def fits(self) -> bool:
        """Whether the handout is within its page limit."""
        return self.pages <= self.limit

    def notice(self) -> str:
        """One line for the practitioner: how long it is and what makes it long."""
        names = ", ".join(self.longest[:LONGEST_NAMED])
        longest = f"; longest sections: {names} (--drop one to shorten it)" if names else ""
        return (
            f"note: this handout runs to {self.pages} pages, past {self.limit} "
            f"(one double-sided sheet{' in large print: two' if self.limit > PAGE_LIMIT else ''})"
            f"{longest}"
        )


def page_count(data: bytes) -> int:
    """The number of pages in PDF bytes made by the renderer (page objects counted)."""
    return len(_PAGE.findall(data))


def page_limit(large_print: bool) -> int:
    """Pages a handout may take: 2 (one sheet), 4 in large print."""
    return LARGE_PRINT_LIMIT if large_print else PAGE_LIMIT
