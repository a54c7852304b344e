"""Property tests: any text gives an answer, never an exception; masking never eats an error code."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.answer import answer
from kb.commands.common import UsageError, decode_input
from kb.extract import query_lines
from kb.normalise import normalise, tokens

CODES = st.from_regex(r"(LICENSES|QB|QV|CORE)-[0-9]{3,5}", fullmatch=True)
NOISE = st.text(st.characters(codec="utf-8"), max_size=200)
LOGISH = st.lists(
    st.one_of(
        NOISE, st.sampled_from(["ERROR", "INFO", "\t", "2024-01-01 10:00:00", "at x.y(z)", '{"error":1}'])
    ),
    max_size=30,
).map(" ".join)


@settings(deadline=None)  # timing belongs to the benchmarks, not to a loaded CI machine
@given(NOISE, CODES, NOISE)
def test_masking_never_removes_an_error_code(before, code, after):
    assume_separated = f"{before} {code} {after}"
    assert code.lower() in normalise(assume_separated).split()


@settings(deadline=None)  # timing belongs to the benchmarks, not to a loaded CI machine
@given(st.text(max_size=500))
def test_normalise_and_tokens_never_raise(text):
    normalised = normalise(text)
    assert normalised == normalised.strip()
    assert all(re.fullmatch(r"[a-z0-9_.\-]+", term) for term in tokens(normalised))


@settings(deadline=None)  # timing belongs to the benchmarks, not to a loaded CI machine
@given(st.lists(LOGISH, max_size=40).map("\n".join))
def test_query_lines_never_raise_and_stay_bounded(text):
    lines = query_lines(text)
    assert len(lines) <= 60
    assert len({line.normalised for line in lines}) == len(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=2000), st.lists(LOGISH, max_size=50).map("\n".join)))
def test_any_text_gets_an_answer(bundled_kb, text):
    result = answer(bundled_kb, text)
    payload = result.to_dict()
    assert set(payload) == {"input_kind", "findings", "matches"}
    assert all(0 <= match["score"] <= 100 for match in payload["matches"])


@settings(deadline=None)  # timing belongs to the benchmarks, not to a loaded CI machine
@given(st.binary(max_size=3000))
def test_any_bytes_are_decoded_or_refused_with_a_message(data):
    try:
        text = decode_input(data, "standard input")
    except UsageError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(text, str)


FIELD = st.from_regex(r"[a-z][a-z_]{2,15}", fullmatch=True)
VALUE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40).map(str.strip)


@settings(deadline=None)
@given(st.dictionaries(FIELD, VALUE, min_size=1, max_size=12))
def test_license_txt_to_license_json_round_trips(extra_fields):
    from diagnoser.convert import license_json

    fields = {"license_type": "permanent", "licensed_to": "Acme", "serial_no": "60012345", **extra_fields}
    fields["checksum"] = "ab=cd=="
    text = "\r\n".join(f"{key}={value}" for key, value in fields.items()) + "\r\n"
    assert license_json(text) == {"cmd.license": fields}
