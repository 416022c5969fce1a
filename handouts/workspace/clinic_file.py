"""Read and check a workspace's clinic.yaml into a Clinic, collecting every problem."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

from handouts.errors import LibraryError, Problem
from handouts.files import read_or_raise
from handouts.typed_text import PAPERS
from handouts.workspace.assets import check_image
from handouts.workspace.clinic import (
    DEFAULT_FILE_PATTERN,
    FONT_STYLES,
    Clinic,
    FontChoice,
    Margins,
    Practitioner,
)
from handouts.workspace.colours import colour_problem
from handouts.workspace.fonts import (
    FontProblem,
    fallback_file,
    file_family,
    package_family,
    ttf_problem,
)
from handouts.workspace.paths import inside
from handouts.yamlfile.checker import Checker
from handouts.yamlfile.reader import Located, item_line, load_yaml

WHERE = "clinic.yaml"
TOP_KEYS = (
    "name", "logo", "colours", "fonts", "contact", "booking", "disclaimer", "paper",
    "margins", "practitioners", "language", "large_print", "file_name",
)  # fmt: skip
CONTACT_KEYS = ("address", "phone", "email", "website")
FILE_FIELDS = {"date", "template", "initials"}
FILE_RIGHT = (
    "use plain text and the fields {date}, {template} and {initials}, "
    f'e.g. "{DEFAULT_FILE_PATTERN}"'
)
MARGIN_RANGE = (5.0, 40.0)
LINK_PATTERN = re.compile(r"^(https?://|mailto:|tel:)\S+$")


def read_clinic(root: Path) -> Clinic:
    """The brand in `root`/clinic.yaml; raise LibraryError listing every problem."""
    path = root / "clinic.yaml"
    text = read_or_raise(path, WHERE, root=root)
    data, problems = load_yaml(text, WHERE)
    if problems:
        raise LibraryError(problems)
    if data is None:
        return Clinic(source=str(path))
    check = Checker(WHERE)
    data = check.mapping(data, 1, None)
    if data is None:
        raise LibraryError(check.problems)
    reader = _Reader(check, root)
    clinic = reader.clinic(data, str(path))
    if check.problems:
        in_file_order = sorted(check.problems, key=lambda problem: problem.line or 0)
        raise LibraryError(in_file_order)
    return clinic


def _empty(data: Located, key: str) -> bool:
    """Whether `key` is given with nothing after it (or only spaces)."""
    if key not in data:
        return False
    value = data[key]
    return value is None or (isinstance(value, str) and not value.strip())


def file_pattern_problem(pattern: str) -> str | None:
    """What is wrong with a file_name pattern, or None: only plain text and plain fields."""
    if "/" in pattern or "\\" in pattern:
        return "names a folder too (choose the folder with -o)"
    if pattern.startswith("."):
        return 'starts with "." (a hidden file)'
    if pattern.lower().endswith(".pdf"):
        return 'ends in ".pdf", which is added anyway'
    try:
        parts = list(Formatter().parse(pattern))
    except ValueError:
        return 'has a "{" or "}" without its pair'
    for text, name, spec, conversion in parts:
        if "{" in text or "}" in text:
            return 'has doubled braces ("{{" or "}}")'
        if name is None:
            continue
        if name not in FILE_FIELDS:
            return f'uses an unknown field "{{{name}}}"'
        if spec or conversion:
            return f"gives {{{name}}} a format or conversion, which is not allowed"
    return None


class _Reader:
    def __init__(self, check: Checker, root: Path) -> None:
        self.check = check
        self.root = root

    def clinic(self, data: Located, source: str) -> Clinic:
        check = self.check
        check.known_keys(data, TOP_KEYS)
        defaults = Clinic()
        contact = self.section(data, "contact", CONTACT_KEYS)
        booking = self.section(data, "booking", ("link", "label"))
        colours = self.section(data, "colours", ("primary", "accent"))
        link = self.booking_link(data, booking)
        return Clinic(
            name=check.text(data, "name", required=False) or defaults.name,
            address=self.optional(contact, "address", "contact."),
            phone=self.optional(contact, "phone", "contact."),
            email=self.optional(contact, "email", "contact."),
            website=self.optional(contact, "website", "contact."),
            booking_link=link,
            booking_label=self.optional(booking, "label", "booking."),
            logo=self.logo(data),
            primary_colour=self.colour(colours, "primary", defaults.primary_colour),
            accent_colour=self.colour(colours, "accent", defaults.accent_colour),
            disclaimer=self.disclaimer(data),
            paper=self.choice(data, "paper", PAPERS, defaults.paper),
            margins=self.margins(data),
            language=check.text(data, "language", required=False) or defaults.language,
            large_print=check.flag(data, "large_print", default=False),
            file_pattern=self.file_pattern(data),
            practitioners=self.practitioners(data),
            font=self.font(data),
            fallback_fonts=self.fallbacks(data),
            source=source,
        )

    def booking_link(self, data: Located, booking: Located | None) -> str:
        if booking is None:
            return ""
        if _empty(booking, "link"):
            self.check.add(
                booking.line_of("link"),
                "booking.link",
                "is empty; write the link (https://...), or leave booking out",
            )
            return ""
        link = self.check.text(booking, "link", "booking.", required=False)
        if link and not LINK_PATTERN.match(link):
            self.check.add(
                booking.line_of("link"), "booking.link", f'"{link}" must start with https://'
            )
        if not link and "label" in booking and "link" not in booking:
            self.check.add(
                booking.line_of("label"),
                "booking.link",
                "is missing; the label needs the link it describes (link: https://...), "
                "or leave booking out",
            )
        return link

    def disclaimer(self, data: Located) -> str:
        if _empty(data, "disclaimer"):
            self.check.add(
                data.line_of("disclaimer"),
                "disclaimer",
                "is empty, which would print no safety footer; write the wording, "
                "or leave the key out to use the standard wording",
            )
            return ""
        return self.check.text(data, "disclaimer", required=False)

    def section(self, data: Located, key: str, keys: tuple[str, ...]) -> Located | None:
        if data.get(key) is None:
            return None
        value = self.check.mapping(data[key], data.line_of(key), key)
        if value is not None:
            self.check.known_keys(value, keys, prefix=f"{key}.")
        return value

    def optional(self, data: Located | None, key: str, prefix: str) -> str:
        return self.check.text(data, key, prefix, required=False) if data else ""

    def choice(self, data: Located, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.check.text(data, key, required=False).lower()
        if value and value not in allowed:
            self.check.add(data.line_of(key), key, f'"{value}" must be one of {", ".join(allowed)}')
        return value if value in allowed else default

    def colour(self, colours: Located | None, key: str, default: str) -> str:
        if colours is None or key not in colours:
            return default
        if _empty(colours, key):
            self.check.add(
                colours.line_of(key),
                f"colours.{key}",
                f'is empty; write the colour in quotes, e.g. "{default}" '
                "(YAML reads an unquoted # as the start of a comment)",
            )
            return default
        value = self.check.text(colours, key, "colours.")
        problem = colour_problem(value) if value else None
        if problem:
            self.check.add(colours.line_of(key), f"colours.{key}", problem)
            return default
        return value.upper()

    def path(self, data: Located, key: str, field: str, text: str) -> Path | None:
        try:
            path = inside(self.root, text, WHERE, data.line_of(key), field)
        except LibraryError as exc:
            self.check.problems += [p for p in exc.problems if isinstance(p, Problem)]
            return None
        if not path.is_file():
            self.check.add(
                data.line_of(key),
                field,
                f'file "{text}" not found in the workspace; put it in {self.root} '
                "and name it relative to that folder",
            )
            return None
        return path

    def logo(self, data: Located) -> Path | None:
        if _empty(data, "logo"):
            self.check.add(
                data.line_of("logo"),
                "logo",
                "is empty; name a PNG or JPEG file in the workspace (e.g. logo.png), "
                "or leave the key out for no logo",
            )
            return None
        text = self.check.text(data, "logo", required=False)
        if not text:
            return None
        path = self.path(data, "logo", "logo", text)
        if path is None:
            return None
        problems = check_image(path)
        if problems:
            self.check.add(data.line_of("logo"), "logo", f'"{text}" {problems[0].message}')
            return None
        return path

    def margins(self, data: Located) -> Margins:
        margins = self.section(data, "margins", ("top", "bottom", "side"))
        if margins is None:
            return Margins()
        values = {}
        low, high = MARGIN_RANGE
        for key in ("top", "bottom", "side"):
            value = self.check.number(margins, key, "margins.")
            if value is None:
                continue
            if not low <= value <= high:
                self.check.add(
                    margins.line_of(key),
                    f"margins.{key}",
                    f"must be between {low:g} and {high:g} mm (got {value:g})",
                )
                continue
            values[key] = float(value)
        return Margins(**values)

    def file_pattern(self, data: Located) -> str:
        if "file_name" not in data:
            return DEFAULT_FILE_PATTERN
        line = data.line_of("file_name")
        if _empty(data, "file_name"):
            self.check.add(
                line, "file_name", f"is empty; leave the key out for the default, or {FILE_RIGHT}"
            )
            return DEFAULT_FILE_PATTERN
        pattern = self.check.text(data, "file_name")
        problem = file_pattern_problem(pattern) if pattern else None
        if problem:
            self.check.add(line, "file_name", f'"{pattern}" {problem}; {FILE_RIGHT}')
        return pattern if pattern and not problem else DEFAULT_FILE_PATTERN

    def practitioners(self, data: Located) -> tuple[Practitioner, ...]:
        raw = data.get("practitioners")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.check.add(
                data.line_of("practitioners"), "practitioners", "expected a list of practitioners"
            )
            return ()
        people = []
        for index, item in enumerate(raw):
            field = f"practitioners[{index + 1}]."
            line = item_line(raw, index, data.line_of("practitioners"))
            entry = self.check.mapping(item, line, field.rstrip("."))
            if entry is None:
                continue
            self.check.known_keys(entry, ("name", "credentials"), prefix=field)
            name = self.check.text(entry, "name", field)
            credentials = self.check.text(entry, "credentials", field, required=False)
            if name:
                people.append(Practitioner(name, credentials))
        return tuple(people)

    def font(self, data: Located) -> FontChoice | None:
        fonts = self.section(data, "fonts", ("package", *FONT_STYLES, "fallback"))
        if fonts is None:
            return None
        package = self.check.text(fonts, "package", "fonts.", required=False)
        named = [style for style in FONT_STYLES if style in fonts]
        if package and named:
            self.check.add(fonts.line, "fonts", "give either package or TTF files, not both")
            return None
        try:
            if package:
                return package_family(package)
        except FontProblem as exc:
            self.check.add(fonts.line_of("package"), "fonts.package", str(exc))
            return None
        if not named:
            return None
        missing = [style for style in FONT_STYLES if style not in fonts]
        if missing:
            self.check.add(
                fonts.line,
                "fonts",
                f"TTF files are needed for all four styles; add {', '.join(missing)}",
            )
            return None
        files = {}
        for style in FONT_STYLES:
            text = self.check.text(fonts, style, "fonts.")
            path = self.path(fonts, style, f"fonts.{style}", text) if text else None
            if path is not None and self.font_file(fonts.line_of(style), style, text, path):
                files[style] = path
        if len(files) < len(FONT_STYLES):
            return None
        try:
            return file_family(files["regular"].stem.split("-")[0], files)
        except FontProblem as exc:
            self.check.add(fonts.line, "fonts", str(exc))
            return None

    def font_file(self, line: int, role: str, text: str, path: Path) -> bool:
        """Whether ReportLab can use a TTF file; record a located problem when not."""
        problem = ttf_problem(path)
        if problem:
            self.check.add(line, f"fonts.{role}", f'{role} font "{text}" {problem}')
        return problem is None

    def fallbacks(self, data: Located) -> tuple[FontChoice, ...]:
        fonts = data.get("fonts")
        if not isinstance(fonts, Located) or "fallback" not in fonts:
            return ()
        found = []
        for text, line in self.check.text_list(fonts, "fallback", "fonts."):
            holder = Located(line=line)
            holder["file"] = text
            holder.key_lines["file"] = line
            path = self.path(holder, "file", "fonts.fallback", text)
            if path is not None and self.font_file(line, "fallback", text, path):
                found.append(fallback_file(path))
        return tuple(found)
