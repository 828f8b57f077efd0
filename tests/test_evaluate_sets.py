"""Each set's scorer on small gold/prediction pairs written by hand."""

from datetime import date

import pytest

from eventcoder.evaluate.articles import compatible, match_events, score_articles
from eventcoder.evaluate.case2021 import ACLED_SUB_TYPES, CASE_TO_ACLED, score_case2021
from eventcoder.evaluate.loaders import GoldEvent, LabelledText, PloverRecord, load_case2021
from eventcoder.evaluate.plover import harmonise_type, iso3, score_plover
from eventcoder.evaluate.synthetic import score_synthetic
from eventcoder.model import (
    Acled,
    Actor,
    Article,
    ArticleMeta,
    ArticleReport,
    Event,
    Headline,
    Location,
    Mention,
    Plover,
    Span,
    Toll,
    When,
)

SUB_TO_TYPE = {
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Arrests": "Strategic developments",
}


def event(
    sub: str | None = None,
    plover: str | None = None,
    mode: str | None = None,
    confidence: float = 0.5,
    modality: str = "asserted",
    status: str = "new",
    actor1: tuple[str, str | None] | None = None,
    actor2: tuple[str, str | None] | None = None,
    place: tuple[float, float] | None = None,
    day: date | None = None,
    killed: int | None = None,
) -> Event:
    actors = []
    if actor1:
        actors.append(Actor(role="actor1", name=actor1[0], country=actor1[1]))
    if actor2:
        actors.append(Actor(role="actor2", name=actor2[0], country=actor2[1]))
    return Event(
        id=f"e{sub}{plover}{confidence}",
        status=status,
        modality=modality,
        acled=Acled(event_type=SUB_TO_TYPE[sub], sub_event_type=sub,
                    disorder_type="Political violence") if sub else None,
        plover=Plover(event_type=plover, mode=mode) if plover else None,
        trigger=Mention(text="x", start=0, end=1),
        actors=actors,
        location=Location(name="P", lat=place[0], lon=place[1]) if place else None,
        date=When(start=day, precision="day") if day else When(),
        fatalities=Toll(killed=killed),
        evidence=[Span(start=0, end=1)],
        confidence=confidence,
    )


def report(aid: str, *events: Event) -> ArticleReport:
    return ArticleReport(article=ArticleMeta(id=aid, sha256=""), events=list(events))


def test_case_labels_cover_the_25_acled_sub_types():
    assert len(ACLED_SUB_TYPES) == 25 == len(set(CASE_TO_ACLED.values()))
    assert CASE_TO_ACLED["ART_MISS_ATTACK"] == "Shelling/artillery/missile attack"


def test_case2021_takes_the_most_confident_acled_event_as_the_prediction():
    snippets = [
        LabelledText("1", "Jets bombed the town.", "AIR_STRIKE"),
        LabelledText("2", "Troops fought rebels.", "ARMED_CLASH"),
        LabelledText("3", "An earthquake struck.", "NATURAL_DISASTER"),
        LabelledText("4", "Ministers met in Geneva.", "DIPLO"),
        LabelledText("5", "The group claimed the bombing.", "ATTRIB"),
    ]
    reports = [
        report("1", event("Armed clash", confidence=0.4),
               event("Air/drone strike", confidence=0.9)),
        report("2", event("Armed clash", confidence=0.6)),
        report("3"),
        report("4", event("Arrests", confidence=0.3), event(plover="CONSULT", confidence=0.9)),
        report("5", event("Air/drone strike", modality="claimed")),
    ]
    result = score_case2021(snippets, reports, n_errors=5)
    assert result.metrics["weighted_f1"] == pytest.approx(1.0 * 0.5 + 1.0 * 0.5)
    assert result.metrics["no_event_share"] == 0.5  # the diplomacy snippet got an Arrests event
    assert result.metrics["attrib_claim_share"] == 1.0
    assert [(e.id, e.predicted) for e in result.errors] == [("4", "Arrests")]


def test_case2021_threshold_drops_unsure_events():
    snippets = [LabelledText("1", "An earthquake struck.", "NATURAL_DISASTER")]
    reports = [report("1", event("Armed clash", confidence=0.2))]
    assert score_case2021(snippets, reports).metrics["no_event_share"] == 0.0
    assert score_case2021(snippets, reports, min_confidence=0.5).metrics["no_event_share"] == 1.0


def test_plover_maps_legacy_types_and_cameo_country_codes():
    assert harmonise_type("DEMAND") == "REQUEST"
    assert harmonise_type("fight") == "ASSAULT"
    assert iso3("JAP") == "JPN"
    assert iso3("IGO") is None


def test_plover_scores_type_actor_countries_and_tolls():
    records = [
        PloverRecord("a", "Militiamen attacked refugees, killing 12.", "FIGHT", None,
                     ["BDI"], ["COD"], 12, None),
        PloverRecord("b", "Tokyo agreed with Seoul.", "AGREE", None, ["JAP"], ["KOR"], None,
                     None),
        PloverRecord("c", "The UN demanded a ceasefire.", "DEMAND", None, ["IGO"], [], None,
                     None),
    ]
    reports = [
        report("a", event(plover="ASSAULT", actor1=("Burundi militia", "BDI"),
                          actor2=("Refugees", "COD"), killed=12)),
        report("b", event(plover="AGREE", actor1=("Japan", "JPN"), actor2=("Korea", "PRK"))),
        report("c", event(plover="ACCUSE", killed=3)),
    ]
    m = score_plover(records, reports).metrics
    assert m["event_type_accuracy"] == pytest.approx(2 / 3)
    assert m["source_match"] == 1.0  # IGO sources are not scored
    assert m["target_match"] == 0.5
    assert m["toll_accuracy"] == pytest.approx(2 / 3)
    assert m["dead_exact_when_stated"] == 1.0


def test_synthetic_scores_type_and_mode_case_insensitively():
    stories = [
        LabelledText("s1", "...", "ASSAULT", "PRIMATIVE"),
        LabelledText("s2", "...", "PROTEST", "STRIKE"),
        LabelledText("s3", "...", "AGREE", None),
    ]
    reports = [
        report("s1", event(plover="ASSAULT", mode="primitive")),
        report("s2", event(plover="PROTEST", mode="demo")),
        report("s3", event(plover="CONSULT")),
    ]
    m = score_synthetic(stories, reports).metrics
    assert m["type_accuracy"] == pytest.approx(2 / 3)
    assert m["mode_accuracy"] == 0.5


def test_synthetic_document_type_is_the_headline_act_when_there_is_one():
    stories = [LabelledText("s1", "...", "RETREAT", "RELEASE"),
               LabelledText("s2", "...", "ACCUSE", None)]
    with_title = report("s1", event(plover="CONSULT"))
    with_title.headline = Headline(text="free", plover=Plover(event_type="RETREAT",
                                                              mode="release"))
    reports = [with_title, report("s2", event(plover="ACCUSE"))]  # no title: the lead event
    m = score_synthetic(stories, reports).metrics
    assert m["type_accuracy"] == 1.0
    assert m["mode_accuracy"] == 1.0


def test_synthetic_martial_law_is_the_codebooks_curfew_mode():
    stories = [LabelledText("s1", "...", "COERCE", "MARTIAL-LAW")]
    m = score_synthetic(stories, [report("s1", event(plover="COERCE", mode="curfew"))]).metrics
    assert m["mode_accuracy"] == 1.0


DAMASCUS = (33.51, 36.29)
DOUMA = (33.57, 36.40)  # about 12 km from Damascus
IDLIB = (35.93, 36.63)


def gold_event(sub: str, place=DAMASCUS, day=date(2019, 3, 10), status="new",
               actor1="Military Forces of Syria", killed=None, modality="asserted",
               precision="day") -> GoldEvent:
    return GoldEvent("art", status, SUB_TO_TYPE[sub], sub, actor1, None, "P",
                     place[0] if place else None, place[1] if place else None, day, precision,
                     killed, None, modality, "The evidence sentence.")


def test_matching_needs_same_type_nearby_place_and_close_date():
    g = gold_event("Air/drone strike")
    assert compatible(g, event("Shelling/artillery/missile attack", place=DOUMA,
                               day=date(2019, 3, 12)))
    assert not compatible(g, event("Armed clash", place=DOUMA, day=date(2019, 3, 10)))
    assert not compatible(g, event("Air/drone strike", place=IDLIB, day=date(2019, 3, 10)))
    assert not compatible(g, event("Air/drone strike", place=DOUMA, day=date(2019, 3, 20)))
    assert not compatible(g, event("Air/drone strike", day=date(2019, 3, 10)))  # no place
    vague = gold_event("Air/drone strike", place=None, day=date(2019, 3, 1), precision="month")
    assert compatible(vague, event("Air/drone strike"))


def test_matching_is_one_to_one_and_prefers_the_right_sub_type():
    golds = [gold_event("Air/drone strike")]
    preds = [event("Shelling/artillery/missile attack", place=DAMASCUS, day=date(2019, 3, 10)),
             event("Air/drone strike", place=DOUMA, day=date(2019, 3, 10))]
    (m,) = match_events(golds, preds)
    assert m.pred.acled.sub_event_type == "Air/drone strike"


def test_articles_end_to_end_precision_recall_and_match_quality():
    text = "The evidence sentence."
    article = Article(id="art", text=text, published=date(2019, 3, 11))
    golds = {"art": [
        gold_event("Air/drone strike", killed=4),
        gold_event("Armed clash", place=IDLIB, actor1="Hayat Tahrir al-Sham"),
        gold_event("Arrests", status="background"),
    ]}
    preds = report(
        "art",
        event("Air/drone strike", place=DOUMA, day=date(2019, 3, 10), killed=4,
              actor1=("Military Forces of Syria", "SYR"), confidence=0.9),
        event("Peaceful protest", place=DAMASCUS, day=date(2019, 3, 10), confidence=0.2),
        event("Arrests", place=DAMASCUS, day=date(2019, 3, 10), confidence=0.6),
        event("Armed clash", status="background", place=IDLIB, confidence=0.9),
    )
    result = score_articles([article], [preds], golds, n_errors=10)
    m = result.metrics
    assert (m["precision"], m["recall"]) == (pytest.approx(1 / 3), 0.5)
    assert m["sub_type_right"] == m["actor1_right"] == m["toll_right"] == 1.0
    assert m["false_new_that_are_gold_background"] == 0.5
    by_t = {row["min_confidence"]: row for row in result.extra_tables["by_threshold"]}
    assert by_t[0.5]["precision"] == 0.5
    assert by_t[0.7]["precision"] == 1.0
    assert {e.predicted for e in result.errors} >= {"(missed)"}


def test_case2021_snippets_quoted_csv_style_are_read_as_their_text(tmp_path):
    path = tmp_path / "task2.tsv"
    path.write_text('id\tEventSnippet\tSubType\n'
                    '1\t"Crowds marched to the ""Freedom Square"" on Monday"\tPEACE_PROTEST\n'
                    '2\tTroops said "we hold the town" on Sunday\tARMED_CLASH\n',
                    encoding="utf-8")
    rows = load_case2021(path)
    assert rows[0].text == 'Crowds marched to the "Freedom Square" on Monday'
    assert rows[1].text == 'Troops said "we hold the town" on Sunday'


def test_a_story_is_labelled_by_its_lead_sentence_main_event():
    def at(e: Event, sentence: int, trigger: int) -> Event:
        return e.model_copy(update={"evidence": [Span(start=sentence, end=sentence + 1)],
                                    "trigger": Mention(text="x", start=trigger, end=trigger + 1)})

    # "Rights groups have condemned the arrest of ...": the act the lead names first
    main = at(event(plover="ACCUSE", confidence=0.7, status="background"), 0, 12)
    about = at(event(plover="COERCE", confidence=0.9), 0, 40)
    later = at(event(plover="ASSAULT", confidence=0.99), 100, 101)
    stories = [LabelledText("s1", "...", "ACCUSE")]
    m = score_synthetic(stories, [report("s1", later, about, main)]).metrics
    assert m["type_accuracy"] == 1.0
