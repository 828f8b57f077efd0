"""The memoised lemmatizer and attribute ruler write exactly what the stock components write."""

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from eventcoder.nlp import DEFAULT_MODEL, load_pipeline
from eventcoder.nlp.memo import memoise

TEXTS = [
    "Rebels attacked the army base near the border on Tuesday, killing three soldiers.",
    "There is no sign of the missing journalists, and there were protests in the capital.",
    "Y'all gonna see it, ain't it? Let's go, c'mon, we gotta run before they're shelled.",
    "The ministers met; talks on prisoners are continuing. Nothin' was agreed.",
    "In the north there is gon na be fighting, there's no doubt, and y'all know it ain't over.",
    "Troops were deployed. Troops are deploying. The deployed troops deployed again.",
    "",
    "   ",
]


def _annotations(doc):
    return doc.to_array([TAG, POS, MORPH, LEMMA, DEP]).tolist(), [str(t.morph) for t in doc]


def test_memoised_components_write_the_stock_annotations():
    stock = spacy.load(DEFAULT_MODEL)
    memo = spacy.load(DEFAULT_MODEL)
    memoise(memo)
    assert "ec_memo_attribute_ruler" in memo.pipe_names
    assert "ec_memo_lemmatizer" in memo.pipe_names
    assert "lemmatizer" not in memo.pipe_names
    texts = TEXTS * 3  # the second and third rounds are answered from the memos
    for a, b in zip(stock.pipe(texts), memo.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b), a.text


def test_the_eventcoder_pipeline_runs_the_memoised_components():
    names = load_pipeline(DEFAULT_MODEL).pipe_names
    assert names.index("ec_memo_attribute_ruler") < names.index("ec_memo_lemmatizer")
    assert names.index("ec_memo_lemmatizer") < names.index("ner")


def test_a_pipeline_without_a_rule_lemmatizer_is_left_as_it_is():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    memoise(nlp)
    assert nlp.pipe_names == ["lemmatizer"]


def test_a_ruler_with_patterns_beyond_the_memo_stays_the_stock_one():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "big"}, index=-1)
    memoise(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert [t.lemma_ for t in nlp("very very big")][-1] == "big"


def test_the_lemmatizer_word_lists_keep_their_words_and_order_with_set_lookups():
    stock = spacy.load(DEFAULT_MODEL)
    memo = spacy.load(DEFAULT_MODEL)
    memoise(memo)
    memo("The deployed troops deployed again.")  # the first document indexes the lists
    before = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    after = memo.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for key, words in before.items():
        assert list(after[key]) == words
        assert words[len(words) // 2] in after[key]
        assert "zzqx-not-a-word" not in after[key]
