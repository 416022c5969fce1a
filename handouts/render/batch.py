"""Batch print runs: read rows (CSV or a YAML list), render each in worker processes.

Rows are read lazily and at most a few are in flight at once, so memory stays flat
however long the file is. A bad row is reported with its line and never stops the others.
"""

from __future__ import annotations

import csv
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from handouts.build.intake import Source, intake
from handouts.build.request import REQUEST_KEYS, Request
from handouts.errors import HandoutsError, OutputError, Problem, RequestError, did_you_mean
from handouts.render.output import DEFAULT_FOLDER, folder_problem
from handouts.workspace.clinic import Clinic

RowReader = Callable[[str, dict[str, Any]], "Row"]

# A CSV names each param in its own SECTION.PARAM column instead of a `set` mapping.
CSV_COLUMNS = tuple(key for key in REQUEST_KEYS if key != "set")
NOTE_SEPARATOR = "|"


@dataclass(frozen=True)
class Row:
    """One row read from the batch file: a request, or why it could not be read."""

    where: str
    request: Request | None = None
    error: str = ""


@dataclass(frozen=True)
class Outcome:
    """What happened to one row: the file written, or the located reason it failed."""

    where: str
    path: Path | None = None
    error: str = ""
    exit_code: int = 0


# ---------------------------------------------------------------- reading rows


def read_rows(path: Path, clinic: Clinic, lang: str | None = None) -> Iterator[Row]:
    """Rows of a .csv file (streamed) or of a .yaml/.yml list of requests, each read by
    the one intake with the clinic's defaults. A row that names no language gets `lang`
    (--lang), else the clinic's.
    """
    intake_row = partial(_to_row, clinic=clinic, lang=lang)
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml_rows(path, intake_row)
    return _csv_rows(path, intake_row)


def count_rows(path: Path) -> int:
    """How many rows `read_rows` will give (one cheap pass; for the progress bar)."""
    return sum(1 for _ in read_rows(path, Clinic()))


def _not_utf8(name: str, data: bytes, line: int, start: int = 0) -> RequestError:
    """The error for text that is not UTF-8: UTF-16 (a BOM, or every other byte NUL), a NUL
    byte in UTF-8 text, else the bad byte."""
    fix = 'save it as "CSV UTF-8"' if name.lower().endswith(".csv") else "save it as UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.count(b"\x00") * 3 >= len(data):
        return RequestError(Problem(name, f"is UTF-16 text, not UTF-8; {fix}", line=line))
    if b"\x00" in data:
        column = data.index(b"\x00") + 1
        return RequestError(
            Problem(name, f"contains a NUL byte (0x00) at column {column}; remove it", line=line)
        )
    return RequestError(
        Problem(name, f"is not UTF-8 text (byte 0x{data[start]:02x}); {fix}", line=line)
    )


def _text_lines(path: Path) -> Iterator[str]:
    """The file's lines decoded as UTF-8 (a BOM dropped), read lazily, line endings kept.

    A byte that is not UTF-8 stops the reading with the line it is on: a newline byte never
    sits inside a UTF-8 character, so each physical line decodes on its own.
    """
    from handouts.files import BATCH_LIMIT, FileRefused, open_regular

    try:
        handle = open_regular(path, BATCH_LIMIT)
    except FileRefused as exc:
        raise RequestError(Problem(path.name, exc.reason)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _not_utf8(path.name, raw, number, exc.start) from None
            if "\x00" in text:
                raise _not_utf8(path.name, raw, number)
            yield text


def _read_text(path: Path) -> str:
    """The whole file as UTF-8 text (a BOM dropped), or a located error."""
    return "".join(_text_lines(path))


def _csv_rows(path: Path, intake_row: RowReader) -> Iterator[Row]:
    from handouts.files import BATCH_LIMIT

    # A huge cell fails its own row (the intake limits every field), never the whole file.
    csv.field_size_limit(max(csv.field_size_limit(), BATCH_LIMIT))
    reader = csv.reader(_text_lines(path))
    try:
        header = next(reader, None)
        if header is None:
            raise RequestError(Problem(path.name, "is empty; the first line names the columns"))
        columns = _check_header(path.name, [cell.strip() for cell in header])
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            where = f"{path.name}:{reader.line_num}"
            if len(cells) > len(columns):
                yield Row(
                    where, error=f"{where}: has {len(cells)} cells, the header {len(columns)}"
                )
                continue
            yield intake_row(where, _csv_fields(dict(zip(columns, cells, strict=False))))
    except csv.Error as exc:
        raise RequestError(
            Problem(path.name, f"is not a readable CSV file ({exc})", line=reader.line_num or 1)
        ) from None


def _check_header(name: str, header: list[str]) -> list[str]:
    """The columns named on line 1 (known ones in lower case); every mistake located."""
    for separator, shown in ((";", "semicolons"), ("\t", "tabs")):
        if any(separator in column for column in header):
            raise RequestError(
                Problem(
                    name,
                    f"columns are separated by {shown}; separate them with commas "
                    '(save the file as "CSV UTF-8 (Comma delimited)")',
                    line=1,
                )
            )
    problems = []
    columns = [column.lower() if column.lower() in CSV_COLUMNS else column for column in header]
    for index, column in enumerate(columns):
        if column in columns[:index]:
            if columns[:index].count(column) == 1:
                problems.append(
                    Problem(name, "column is named twice; keep one of them", line=1, field=column)
                )
        elif column not in CSV_COLUMNS and "." not in column:
            hint = did_you_mean(column.lower(), CSV_COLUMNS)
            problems.append(
                Problem(
                    name,
                    f"unknown column{hint}; use " + ", ".join(CSV_COLUMNS) + " or SECTION.PARAM",
                    line=1,
                    field=column or "(blank)",
                )
            )
    if "template" not in columns:
        problems.append(Problem(name, 'needs a "template" column', line=1))
    if problems:
        raise RequestError(problems)
    return columns


def _csv_fields(cells: dict[str, str]) -> dict[str, Any]:
    """A CSV row's cells as typed fields: SECTION.PARAM columns become `set`, notes split."""
    data: dict[str, Any] = {}
    settings = []
    for column, cell in cells.items():
        value = cell.strip()
        if not value:
            continue
        if "." in column:
            section, _, param = column.partition(".")
            settings.append({"section": section, "param": param, "value": value})
        elif column == "notes":
            data["notes"] = value.split(NOTE_SEPARATOR)
        else:
            data[column] = value
    data["set"] = settings
    return data


def _yaml_rows(path: Path, intake_row: RowReader) -> Iterator[Row]:
    from handouts.yamlfile.reader import item_line, load_yaml

    text = _read_text(path)
    entries, problems = load_yaml(text, path.name)
    if problems:
        raise RequestError(problems)
    if not isinstance(entries, list):
        raise RequestError(Problem(path.name, "must be a list of requests (lines starting -)"))
    for index, entry in enumerate(entries):
        where = f"{path.name}:{item_line(entries, index, 1)}"
        if not isinstance(entry, dict):
            yield Row(where, error=f"{where}: expected a request (template, patient, ...)")
            continue
        yield intake_row(where, entry)


def _to_row(where: str, data: dict[str, Any], clinic: Clinic, lang: str | None) -> Row:
    """One row through the intake: its request, or every problem located at the row."""
    if lang and not data.get("lang"):
        data = {**data, "lang": lang}
    try:
        request = intake(data, clinic, Source(where))
    except HandoutsError as exc:
        return Row(where, error=_located(where, exc))
    return Row(where, request)


def _located(where: str, exc: HandoutsError) -> str:
    """Each problem on its own line, starting with the row's place."""
    lines = []
    for problem in exc.problems:
        text = str(problem)
        lines.append(text if text.startswith(where) else f"{where}: {text}")
    return "\n".join(lines)


# ---------------------------------------------------------------- naming


def check_destinations(output: Path | None, combine: Path | None) -> None:
    """Refuse, before anything is rendered, an output folder or --combine folder not usable.

    The default output/ folder may be missing: it is made when the first handout is written.
    """
    found = []
    if output is not None:
        found.append(folder_problem(output, f"-o {output}", "folder"))
    elif DEFAULT_FOLDER.exists():
        found.append(folder_problem(DEFAULT_FOLDER, f"-o {DEFAULT_FOLDER}", "folder"))
    if combine is not None:
        folder = combine.parent
        found.append(folder_problem(folder, f"--combine {combine}", f'folder "{folder}"'))
    problems = [problem for problem in found if problem is not None]
    if problems:
        raise OutputError(problems)


class Names:
    """Output names from the clinic's pattern, made distinct with -2, -3, ...

    Like `handouts render`, a batch never replaces another patient's handout left in the
    folder by an earlier run; the same patient's handout is simply made again.
    """

    def __init__(self, folder: Path | None, pattern: str) -> None:
        self.folder = folder
        self.pattern = pattern
        self.taken: set[str] = set()

    def target(self, request: Request) -> Path:
        """The path for `request`: never one given out in this run, nor another patient's file."""
        from handouts.render.output import free_name, resolve_target
        from handouts.render.pipeline import held_by_another

        def taken(path: Path) -> bool:
            return path.name in self.taken or held_by_another(path, request)

        candidate = free_name(resolve_target(self.folder, request, self.pattern), taken)
        self.taken.add(candidate.name)
        return candidate


# ---------------------------------------------------------------- rendering

_STATE: dict[str, Any] = {}


def _start_worker(workspace: Path | None = None) -> None:
    """Load the brand once per process; libraries are loaded per language on first use."""
    from handouts.workspace.folder import find_workspace, load_clinic

    found = find_workspace(workspace)
    _STATE["workspace"] = found
    _STATE["clinic"] = load_clinic(found)
    _STATE["libraries"] = {}


def _start_pool_worker(workspace: Path | None = None) -> None:
    """A worker process. Ctrl-C is the main process's to handle (it stops the pool), and
    SIGTERM (sent when the pool stops) ends the worker quietly: SystemExit unwinds, so a
    temporary file is removed, and exits without a traceback. Then the brand is loaded."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _leave)
    _start_worker(workspace)


def _leave(signum: int, frame: Any) -> None:
    # Whatever a library says while unwinding (ReportLab rewrites the exit into a message)
    # stays off the terminal: the main process shows the one line.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    raise SystemExit(1)


def render_row(where: str, request: Request, target: Path) -> Outcome:
    """Render one request to `target`; any user-caused failure becomes a located Outcome."""
    from handouts.render.pipeline import render_to_file
    from handouts.workspace.folder import load_workspace_library

    if not _STATE:
        _start_worker()
    try:
        libraries = _STATE["libraries"]
        if request.lang not in libraries:
            libraries[request.lang] = load_workspace_library(_STATE["workspace"], request.lang)
        library = libraries[request.lang]
        path = render_to_file(request, library, _STATE["clinic"], target, choose=True)
        return Outcome(where, path)
    except HandoutsError as exc:
        return Outcome(where, error=_located(where, exc), exit_code=exc.exit_code)
    except Exception as exc:  # a bug: report it on this row, keep going with the others
        return Outcome(where, error=f"{where}: unexpected failure: {exc!r}", exit_code=1)


def _render_task(task: tuple[str, Request, Path]) -> Outcome:
    return render_row(*task)


def run_batch(
    rows: Iterable[Row], names: Names, jobs: int, workspace: Path | None = None
) -> Iterator[Outcome]:
    """Render every row, `jobs` at a time; yield outcomes in row order."""
    tasks = (_task_or_outcome(row, names) for row in rows)
    if jobs <= 1:
        _start_worker(workspace)
        for item in tasks:
            yield item if isinstance(item, Outcome) else _render_task(item)
        return
    import multiprocessing

    window = jobs * 4
    with multiprocessing.get_context().Pool(
        jobs, initializer=_start_pool_worker, initargs=(workspace,)
    ) as pool:
        pending: deque = deque()
        for item in tasks:
            pending.append(
                item if isinstance(item, Outcome) else pool.apply_async(_render_task, (item,))
            )
            while len(pending) >= window:
                yield _finish(pending.popleft())
        while pending:
            yield _finish(pending.popleft())


def _task_or_outcome(row: Row, names: Names) -> tuple[str, Request, Path] | Outcome:
    if row.request is None:
        return Outcome(row.where, error=row.error, exit_code=RequestError.exit_code)
    try:
        target = names.target(row.request)
    except HandoutsError as exc:
        return Outcome(row.where, error=_located(row.where, exc), exit_code=exc.exit_code)
    return (row.where, row.request, target)


def _finish(item: Any) -> Outcome:
    return item if isinstance(item, Outcome) else item.get()


def worker_count(requested: int | None, rows: int) -> int:
    """Worker processes for `rows` rows: as asked (else one per core), never more than the
    cores or the rows."""
    cores = default_jobs()
    return max(1, min(requested or cores, cores, rows))


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def combine(paths: list[Path], target: Path, duplex: bool = False) -> None:
    """Write every handout in `paths`, in order, as one PDF (for a single print job).

    With `duplex`, a handout with an odd page count is followed by a blank page, so the
    next patient's sheet never starts on the back of this one.
    """
    import io

    from pypdf import PdfWriter

    from handouts.render.output import write_atomically

    writer = PdfWriter()
    for path in paths:
        writer.append(str(path))
        if duplex and len(writer.pages) % 2:
            last = writer.pages[-1]
            writer.add_blank_page(width=last.mediabox.width, height=last.mediabox.height)
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomically(target, buffer.getvalue())
