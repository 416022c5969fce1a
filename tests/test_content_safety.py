"""The safety rules of the built-in content, read from rendered PDFs as a patient reads them,
in every language: each rule's words are on the sheets where they belong, and needle warning
signs are not on sheets where no needle was used."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from handouts.cli.main import main
from tests.helpers import pdf_text

LANGS = ("en", "es", "fr")
_CACHE: dict[tuple[str, ...], str] = {}


def sheet_text(tmp_path_factory, *args: str) -> str:
    """The text of `handouts render ARGS` (cached: many rules read the same sheet)."""
    if args not in _CACHE:
        target = tmp_path_factory.mktemp("sheet") / "out.pdf"
        result = CliRunner().invoke(
            main,
            ["render", *args, "--date", "2026-05-06", "-o", str(target)],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        _CACHE[args] = pdf_text(target)
    return _CACHE[args]


NEEDLE_SIGNS = {
    "en": [
        "A needle spot that turns red",
        "10 minutes of firm pressure",
        "A calf sore from needling",
        "If you feel faint, lie down",
    ],
    "es": [
        "El punto de una aguja se pone rojo",
        "10 minutos de presión firme",
        "Una pantorrilla adolorida por la punción",
        "acuéstese con las piernas en alto",
    ],
    "fr": [
        "Un point de piqûre qui devient rouge",
        "10 minutes de pression ferme",
        "Un mollet douloureux après la puncture",
        "allongez-vous, les jambes surélevées",
    ],
}
SELF_CARE_SIGNS = {
    "en": ["A rash, blisters or a burn after heat, oil or massage"],
    "es": ["Un sarpullido, ampollas o una quemadura después del calor"],
    "fr": ["Une éruption, des ampoules ou une brûlure après la chaleur"],
}
# Warning signs every sheet carries, whatever was done.
EVERY_SHEET_SIGNS = {
    "en": [
        "A knee that is hot, red and swollen, with a fever",
        "Your knee swelled up fast after a twist or a fall",
        "gives way or locks",
        "You cannot put weight on your leg",
        "bigger than the other",
        "This can be a blood clot",
        "fainting",
    ],
    "es": [
        "Una rodilla caliente, roja e hinchada, con fiebre",
        "se hinchó de golpe tras una torcedura o una caída",
        "le falla o se queda trabada",
        "No puede apoyar el peso en la pierna",
        "más gruesa que la otra",
        "puede ser un coágulo",
        "desmayo",
    ],
    "fr": [
        "Un genou chaud, rouge et gonflé, avec de la fièvre",
        "a gonflé très vite après une torsion ou une chute",
        "se dérobe ou se bloque",
        "Vous ne pouvez pas vous appuyer sur votre jambe",
        "plus gros que l'autre",
        "Cela peut être un caillot de sang",
        "un évanouissement",
    ],
}
NEEDLING = ("knee-dry-needling", "knee-acupuncture")
NO_NEEDLES = ("knee-self-massage", "knee-natural-relief", "knee-muscle-balance")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", NEEDLING + NO_NEEDLES)
def test_every_sheet_has_the_injury_infection_clot_and_fainting_signs(
    tmp_path_factory, template, lang
):
    text = sheet_text(tmp_path_factory, template, "--lang", lang)
    for words in EVERY_SHEET_SIGNS[lang]:
        assert words in text, (template, words)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", NEEDLING)
def test_needling_sheets_have_the_needle_signs(tmp_path_factory, template, lang):
    text = sheet_text(tmp_path_factory, template, "--lang", lang)
    for words in NEEDLE_SIGNS[lang]:
        assert words in text, (template, words)
    for words in SELF_CARE_SIGNS[lang]:
        assert words not in text, (template, words)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", NO_NEEDLES)
def test_sheets_without_needling_leave_out_the_needle_signs(tmp_path_factory, template, lang):
    text = sheet_text(tmp_path_factory, template, "--lang", lang)
    for words in NEEDLE_SIGNS[lang]:
        assert words not in text, (template, words)
    for words in SELF_CARE_SIGNS[lang]:
        assert words in text, (template, words)


@pytest.mark.parametrize("lang", LANGS)
def test_acupuncture_added_to_a_self_care_sheet_brings_its_own_needle_warning(
    tmp_path_factory, lang
):
    needle_spot = {
        "en": "Call the clinic if a needle spot turns red",
        "es": "Llame a la clínica si el lugar donde entró una aguja",
        "fr": "Appelez le cabinet si un point de piqûre devient rouge",
    }[lang]
    added = sheet_text(
        tmp_path_factory, "knee-muscle-balance", "--lang", lang, "--add", "after-acupuncture"
    )
    assert needle_spot in added
    # on a needling sheet the warning-signs section owns it: printed once, not twice
    acupuncture = sheet_text(tmp_path_factory, "knee-acupuncture", "--lang", lang)
    assert needle_spot not in acupuncture


AFTER_VISIT = {
    "knee-dry-needling": "soreness-after-needling",
    "knee-acupuncture": "after-acupuncture",
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", NEEDLING)
def test_the_sore_calf_and_fainting_tip_is_printed_once_even_without_its_section(
    tmp_path_factory, template, lang
):
    calf, faint = NEEDLE_SIGNS[lang][2], NEEDLE_SIGNS[lang][3]
    whole = sheet_text(tmp_path_factory, template, "--lang", lang)
    # the after-visit section carries it; the warning panel then leaves it out
    assert whole.count(calf) == 1 and whole.count(faint) == 1
    dropped = sheet_text(
        tmp_path_factory, template, "--lang", lang, "--drop", AFTER_VISIT[template]
    )
    assert dropped.count(calf) == 1 and dropped.count(faint) == 1  # back in the panel


# Each rule: the sheet to render (template and options) and the words it must show.
RULES = {
    "oil: off by default": (
        ("knee-self-massage",),
        {"en": [], "es": [], "fr": []},
        {"en": ["peppermint"], "es": ["aceite de menta"], "fr": ["huile de menthe"]},
    ),
    "oil: mixed, patch test, children, no heat over it": (
        (
            "knee-self-massage",
            "--add",
            "massage-techniques",
            "--set",
            "massage-techniques.use_oil=yes",
        ),
        {
            "en": [
                "Mix 1 or 2 drops into a tablespoon of plain oil",
                "small patch of skin",
                "away from children",
                "Do not put a heat pack on oiled skin",
            ],
            "es": [
                "Mezcle 1 o 2 gotas en una cucharada de aceite simple",
                "trocito de piel",
                "lejos de los niños",
                "No ponga una compresa caliente sobre la piel con aceite",
            ],
            "fr": [
                "Mélangez 1 ou 2 gouttes dans une cuillère à soupe",
                "petite zone de peau",
                "loin des enfants",
                "Ne mettez pas de poche chaude sur une peau huilée",
            ],
        },
        {},
    ),
    "heat: or not, safe warming, forearm test, never over oil": (
        ("knee-dry-needling",),
        {
            "en": [
                "On a new injury, in the first 2 or 3 days",
                "swollen, red or hot",
                "Ask us if a cold pack would be better",
                "microwave can make hot spots",
                "inside of your forearm",
                "mint oil or a muscle rub",
                "On a calf that is swollen, warm and painful",
            ],
            "es": [
                "En una lesión nueva, en los primeros 2 o 3 días",
                "hinchada, roja o caliente",
                "compresa fría",
                "microondas puede dejar partes muy calientes",
                "parte de dentro del antebrazo",
                "aceite de menta o con una crema",
                "En una pantorrilla hinchada, caliente y con dolor",
            ],
            "fr": [
                "Sur une blessure récente, pendant les 2 ou 3 premiers jours",
                "gonflé, rouge ou chaud",
                "poche de froid",
                "micro-ondes peut laisser des points brûlants",
                "l'intérieur de l'avant-bras",
                "huile de menthe ou une crème",
                "Sur un mollet gonflé, chaud et douloureux",
            ],
        },
        {},
    ),
    "needling: firm pressure, and the 48-hour rule": (
        ("knee-dry-needling",),
        {
            "en": [
                "Press firmly on the spot",
                "worse instead of better",
                "still strong after 48 hours",
                "10 minutes of firm pressure",
            ],
            "es": [
                "Presione el lugar con firmeza",
                "empeora en lugar de mejorar",
                "sigue fuerte después de 48 horas",
                "10 minutos de presión firme",
            ],
            "fr": [
                "Appuyez fermement sur l'endroit",
                "augmentent au lieu de diminuer",
                "encore fortes après 48 heures",
                "10 minutes de pression ferme",
            ],
        },
        {
            "en": ["gently with a clean tissue"],
            "es": ["con suavidad con un pañuelo"],
            "fr": ["doucement sur l'endroit"],
        },
    ),
    "dry needling explained": (
        ("knee-dry-needling", "--add", "about-dry-needling"),
        {
            "en": [
                "What dry needling is",
                "trigger points",
                "no medicine and no fluid",
                "Chinese medicine",
                "10 to 30 minutes",
                "within about 4 visits",
            ],
            "es": [
                "Qué es la punción seca",
                "puntos gatillo",
                "ni medicina ni líquido",
                "medicina china",
                "de 10 a 30 minutos",
                "en unas 4 visitas",
            ],
            "fr": [
                "Qu'est-ce que la puncture sèche",
                "points gâchettes",
                "ni médicament, ni liquide",
                "médecine chinoise",
                "de 10 à 30 minutes",
                "en environ 4 séances",
            ],
        },
        {},
    ),
    "walking: a gentle default and a next-morning rule": (
        ("knee-natural-relief", "--add", "walking-activity"),
        {
            "en": ["about 10 minutes at a time", "2 times a day", "the next morning"],
            "es": ["unos 10 minutos cada vez", "2 veces al día", "a la mañana siguiente"],
            "fr": ["environ 10 minutes à chaque fois", "2 fois par jour", "le lendemain matin"],
        },
        {"en": ["20 minutes"], "es": ["20 minutos"], "fr": ["20 minutes"]},
    ),
    "stretches: as far as comfortable, lying down, bent-knee calf, steady chair": (
        ("knee-self-massage", "--add", "stretch-holds"),
        {
            "en": [
                "only as far as is comfortable",
                "lying on your side",
                "bend both knees a little",
                "lower in the calf",
                "no wheels",
            ],
            "es": [
                "solo hasta donde se sienta cómodo",
                "acostado de lado",
                "doble un poco las dos rodillas",
                "más abajo en la pantorrilla",
                "sin ruedas",
            ],
            "fr": [
                "seulement jusqu'où c'est confortable",
                "allongé sur le côté",
                "un peu les deux genoux",
                "plus bas dans le mollet",
                "sans roulettes",
            ],
        },
        {},
    ),
    "self-massage: not the groin, numbness, blood thinners, a dose": (
        ("knee-self-massage",),
        {
            "en": [
                "Stay out of the groin crease",
                "numb or tingles",
                "blood thinner",
                "no more than 5 minutes on each thigh, once a day",
            ],
            "es": [
                "No presione en el pliegue de la ingle",
                "adormece o siente hormigueo",
                "anticoagulante",
                "más de 5 minutos en cada muslo, una vez al día",
            ],
            "fr": [
                "N'appuyez pas dans le pli de l'aine",
                "s'engourdit ou picote",
                "anticoagulant",
                "plus de 5 minutes sur chaque cuisse, une fois par jour",
            ],
        },
        {},
    ),
    "orthotics: diabetes or numb feet, no invented wear-in schedule": (
        ("knee-natural-relief", "--add", "orthotics-advice"),
        {
            "en": ["If you have diabetes, numb feet", "podiatrist", "Check your feet every day"],
            "es": [
                "Si tiene diabetes, los pies adormecidos",
                "podólogo",
                "Revise sus pies todos los días",
            ],
            "fr": [
                "Si vous avez du diabète, les pieds engourdis",
                "podologue",
                "Regardez vos pieds chaque jour",
            ],
        },
        {"en": ["on the first day"], "es": ["el primer día"], "fr": ["le premier jour"]},
    ),
    "muscle balance: long-standing pain, after an assessment": (
        ("knee-muscle-balance", "--add", "muscle-balance"),
        {
            "en": ["did not start with an injury", "checked you for other causes"],
            "es": ["no empezó con una lesión", "revisó si había otras causas"],
            "fr": ["n'a pas commencé par une blessure", "cherché d'autres causes"],
        },
        {},
    ),
    "kneecap spots: a 5 to 10 second press, near the pain": (
        ("knee-self-massage", "--add", "kneecap-tender-spots"),
        {
            "en": [
                "Tender spots around the kneecap",
                "5 to 10 seconds",
                "not right on the part that hurts most",
            ],
            "es": [
                "Puntos sensibles alrededor de la rótula",
                "5 a 10 segundos",
                "no justo en la parte que más duele",
            ],
            "fr": [
                "Les points sensibles autour de la rotule",
                "5 à 10 secondes",
                "pas juste sur la partie qui fait le plus mal",
            ],
        },
        {},
    ),
    "bad day: smaller moves, rest, when to call": (
        ("knee-dry-needling", "--add", "bad-day-plan"),
        {
            "en": ["On a bad day", "Make each move smaller", "after 3 days"],
            "es": ["Un mal día", "movimiento más pequeño", "después de 3 días"],
            "fr": ["Les jours difficiles", "mouvement plus petit", "après 3 jours"],
        },
        {},
    ),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_safety_rule_is_on_its_sheet(tmp_path_factory, rule, lang):
    args, present, absent = RULES[rule]
    text = sheet_text(tmp_path_factory, *args, "--lang", lang)
    for words in present.get(lang, []):
        assert words in text, (rule, words)
    for words in absent.get(lang, []):
        assert words not in text, (rule, words)


@pytest.mark.parametrize("lang", LANGS)
def test_one_visit_count_per_sheet(tmp_path_factory, lang):
    text = sheet_text(
        tmp_path_factory,
        "knee-acupuncture",
        "--lang",
        lang,
        "--add",
        "treatment-plan",
        "--set",
        "treatment-plan.sessions=9",
    )
    suggests = {"en": "suggests", "es": "sugiere", "fr": "conseille"}[lang]
    assert text.count(suggests) == 1
    assert {"en": "9 visits", "es": "9 visitas", "fr": "9 séances"}[lang] in text


@pytest.mark.parametrize(
    ("setting", "limits"),
    [
        ("soreness-after-needling.soreness_hours_min=30", "from 6 to 24 hours"),
        ("soreness-after-needling.soreness_hours_max=12", "from 24 to 72 hours"),
        ("treatment-plan.weeks_min=12", "from 1 to 8 weeks"),
        ("heat-use.minutes=30", "from 5 to 20 minutes"),
    ],
)
def test_a_range_cannot_be_set_upside_down_and_heat_has_a_sane_maximum(
    run, tmp_path, setting, limits
):
    target = tmp_path / "out.pdf"
    result = run(
        "render",
        "knee-dry-needling",
        "--add",
        "treatment-plan",
        "--set",
        setting,
        "-o",
        str(target),
    )
    assert result.exit_code == 4
    assert limits in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("settings", "lang", "words"),
    [
        (("soreness_hours_min=24", "soreness_hours_max=24"), "en", "often lasts about 24 hours"),
        (("soreness_hours_min=24", "soreness_hours_max=24"), "es", "suele durar unas 24 horas"),
        (
            ("soreness_hours_min=24", "soreness_hours_max=24"),
            "fr",
            "dure souvent environ 24 heures",
        ),
    ],
)
def test_equal_ends_of_a_range_print_one_number(tmp_path_factory, settings, lang, words):
    args = []
    for setting in settings:
        args += ["--set", f"soreness-after-needling.{setting}"]
    text = sheet_text(tmp_path_factory, "knee-dry-needling", "--lang", lang, *args)
    assert words in text
    assert "24 to 24" not in text and "24 a 24" not in text and "24 à 24" not in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["For: Ana Ruiz", "Date: May 6, 2026"]),
        ("es", ["Para: Ana Ruiz", "Fecha: 6 de mayo de 2026"]),
        ("fr", ["Pour : Ana Ruiz", "Date : 6 mai 2026"]),
    ],
)
def test_header_labels_follow_the_languages_punctuation(tmp_path, run, lang, words):
    from pypdf import PdfReader

    target = tmp_path / "out.pdf"
    args = ["render", "knee-dry-needling", "--lang", lang, "--patient", "Ana Ruiz"]
    result = run(*args, "--date", "2026-05-06", "-o", str(target))
    assert result.exit_code == 0, result.output
    first_page = " ".join(PdfReader(str(target)).pages[0].extract_text().split())
    for expected in words:
        assert expected in first_page, (expected, first_page[:300])


def test_a_labelled_pattern_without_its_placeholder_is_a_located_error(tmp_path, run):
    (tmp_path / "clinic.yaml").write_text("name: Test Clinic\n", encoding="utf-8")
    strings = tmp_path / "content" / "en" / "strings.yaml"
    strings.parent.mkdir(parents=True)
    strings.write_text('labelled: "Label:"\n', encoding="utf-8")
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--workspace", str(tmp_path), "-o", str(target))
    assert result.exit_code != 0
    assert "content/en/strings.yaml:1: labelled:" in result.stderr
    assert "must hold {label}" in result.stderr
    assert not target.exists()


def test_an_upside_down_range_in_a_batch_row_is_a_located_error(tmp_path, run):
    rows = (
        "template,patient,date,soreness-after-needling.soreness_hours_min,"
        "soreness-after-needling.soreness_hours_max\n"
        "knee-dry-needling,Jane Doe,2026-03-04,48,12\n"
    )
    (tmp_path / "rows.csv").write_text(rows, encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = run("batch", str(tmp_path / "rows.csv"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 4
    assert "rows.csv:2: soreness-after-needling.soreness_hours_min must be" in result.stderr
    assert "rows.csv:2: soreness-after-needling.soreness_hours_max must be" in result.stderr
    assert not list((tmp_path / "out").iterdir())


def test_an_upside_down_range_in_a_template_override_is_a_located_error(tmp_path, run):
    (tmp_path / "clinic.yaml").write_text("name: Test Clinic\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "ours.yaml").write_text(
        "id: ours\nextends: knee-dry-needling\nadd: [treatment-plan]\nparams:\n  treatment-plan:\n"
        "    weeks_min: 12\n    weeks_max: 6\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.pdf"
    result = run("render", "ours", "--workspace", str(tmp_path), "-o", str(target))
    assert result.exit_code == 3
    assert "templates/ours.yaml:" in result.stderr
    assert "weeks_min" in result.stderr and "weeks_max" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_self_massage_brings_its_full_caution_where_no_other_section_gives_it(
    tmp_path_factory, lang
):
    blood_thinner = {"en": "blood thinner", "es": "anticoagulante", "fr": "anticoagulant"}[lang]
    varicose = {"en": "varicose veins", "es": "las varices", "fr": "les varices"}[lang]
    alone = sheet_text(tmp_path_factory, "knee-natural-relief", "--lang", lang,
                       "--add", "self-massage")  # fmt: skip
    assert blood_thinner in alone and varicose in alone
    # beside "where not to massage", which lists them, the caution is short: said once
    paired = sheet_text(tmp_path_factory, "knee-self-massage", "--lang", lang)
    assert paired.count(blood_thinner) == 1
