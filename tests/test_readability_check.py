"""`handouts check` grades each section in its own language, offline: English Flesch-Kincaid
grade 6 or below, Spanish Fernández-Huerta and French Kandel-Moles 70 or above."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from handouts.text.readability import SCALES, fernandez_huerta, kandel_moles
from tests.helpers import write_tree

HARD = {
    "en": (
        "Intermittent cryotherapeutic applications demonstrably attenuate inflammatory "
        "nociceptive signalling, consequently facilitating musculoskeletal rehabilitation "
        "notwithstanding considerable interindividual physiological variability."
    ),
    "es": (
        "Las aplicaciones crioterapéuticas intermitentes atenúan demostrablemente la "
        "señalización nociceptiva inflamatoria, facilitando consecuentemente la rehabilitación "
        "musculoesquelética independientemente de la considerable variabilidad fisiológica "
        "interindividual."
    ),
    "fr": (
        "Les applications cryothérapeutiques intermittentes atténuent manifestement la "
        "signalisation nociceptive inflammatoire, facilitant conséquemment la réadaptation "
        "musculosquelettique indépendamment de la considérable variabilité physiologique "
        "interindividuelle."
    ),
}
EASY = {
    "en": "Put the ice on your knee. Keep it there for ten minutes. Then take it off.",
    "es": "Ponga el hielo en la rodilla. Déjelo diez minutos. Luego quítelo.",
    "fr": "Mettez la glace sur le genou. Laissez-la dix minutes. Puis enlevez-la.",
}


def section(lang: str, body: str) -> str:
    return f"""
    ---
    id: ice-use
    title: Ice
    category: self-care
    summary: Cool a sore spot.
    ---
    {body}
    """


def findings(run, *args: str) -> list[dict]:
    result = run("check", "--format", "json", *args)
    return json.loads(result.output)["findings"]


def test_the_builtin_library_meets_every_language_scale(run):
    found = [f for f in findings(run) if f["check"] == "readability"]
    assert [f for f in found if f["level"] != "info"] == []
    notes = {f["where"]: f["message"] for f in found}
    assert set(notes) == {"content/en", "content/es", "content/fr"}
    assert notes["content/en"].startswith("Flesch-Kincaid grade ")
    assert notes["content/es"].startswith("Fernández-Huerta ")
    assert notes["content/fr"].startswith("Kandel-Moles ")
    for message in notes.values():
        total = message.split(" over ")[1].split()[0]
        assert f"{total} of {total} meet the limit" in message


@pytest.mark.parametrize(
    ("lang", "scale", "aim"),
    [
        ("en", "Flesch-Kincaid grade", "aim for 6 or below"),
        ("es", "Fernández-Huerta", "aim for 70 or above"),
        ("fr", "Kandel-Moles", "aim for 70 or above"),
    ],
)
def test_hard_prose_is_a_warning_naming_the_file_and_score(run, tmp_path, lang, scale, aim):
    root = write_tree(tmp_path, {f"content/{lang}/ice-use.md": section(lang, HARD[lang])})
    (warning,) = [f for f in findings(run, str(root)) if f["level"] == "warning"]
    assert warning["check"] == "readability"
    assert warning["where"] == f"content/{lang}/ice-use.md"
    assert warning["line"] == 7
    score = float(warning["message"].split(f"reads at {scale} ")[1].split(";")[0])
    assert not SCALES[lang].passes(score)
    assert aim in warning["message"]


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_easy_prose_passes_in_each_language(run, tmp_path, lang):
    root = write_tree(tmp_path, {f"content/{lang}/ice-use.md": section(lang, EASY[lang])})
    assert [f for f in findings(run, str(root)) if f["level"] == "warning"] == []


def test_kandel_moles_is_the_published_formula_on_textstats_french_counts():
    import textstat

    text = EASY["fr"] + " " + HARD["fr"]
    stats = type(textstat.textstat)()
    stats.set_lang("fr")
    words_per_sentence = stats.words_per_sentence(text)
    syllables_per_word = stats.avg_syllables_per_word(text)
    expected = 207 - 1.015 * words_per_sentence - 73.6 * syllables_per_word
    assert kandel_moles(text) == pytest.approx(expected, abs=0.05)
    assert kandel_moles(text) == pytest.approx(stats.flesch_reading_ease(text), abs=0.05)
    assert kandel_moles(EASY["fr"]) > 70 > kandel_moles(HARD["fr"])


def test_fernandez_huerta_ranks_easy_above_hard():
    assert fernandez_huerta(EASY["es"]) > 70 > fernandez_huerta(HARD["es"])


def test_measuring_needs_no_network_and_no_nltk(tmp_path):
    """Run `check` in a fresh process where opening any socket fails."""
    script = """
import json, socket, sys
def refuse(*args, **kwargs):
    raise RuntimeError("network used")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from click.testing import CliRunner
from handouts.cli.main import main
result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
notes = [f for f in json.loads(result.output)["findings"] if f["check"] == "readability"]
print(json.dumps({"code": result.exit_code, "notes": len(notes),
                  "nltk": any(m.split(".")[0] == "nltk" for m in sys.modules)}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "code": 0,
        "notes": 3,
        "nltk": False,
    }
