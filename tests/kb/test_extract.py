import pytest

from kb.extract import (
    MAX_QUERY_LINES,
    ROUTINE_LINE_WEIGHT,
    query_lines,
    quoted_errors,
    quotes_an_error,
    reports_an_error,
    without_ruled_out,
)
from kb.normalise import normalise

INFO = "2022-11-17 10:15:{:02d},123 INFO  [main] Scheduler heartbeat ok for node {} in 12ms"


def test_short_paste_is_matched_whole_and_line_by_line():
    lines = query_lines("Unable to start License service.\nKeyset does not exist")
    assert lines[0].number == 0
    assert lines[0].text == "Unable to start License service. Keyset does not exist"
    assert [line.number for line in lines[1:]] == [1, 2]


def test_one_error_in_200000_info_lines_is_found():
    noise = [INFO.format(n % 60, n) for n in range(200_000)]
    noise.insert(123_456, "2022-11-17 10:16:01,001 ERROR [lic] Only one license per product level is allowed")
    lines = query_lines("\n".join(noise))
    assert lines[0].number == 123_457
    assert "Only one license per product level is allowed" in lines[0].text


def test_lines_are_deduplicated_by_template():
    log = "\n".join(
        f"2022-11-17 10:{minute:02d}:00 ERROR Keyset does not exist (request {minute}f3a9c1e2-0000-4000-8000-00000000000{minute % 10})"
        for minute in range(40)
    )
    assert len(query_lines(log)) == 1


def test_no_error_words_are_not_errors():
    log = "\n".join(
        [INFO.format(1, 1)] * 15
        + ["2022-11-17 INFO Reload finished, 0 errors"] * 3
        + ["2022-11-17 ERROR Error adding license LEF does not give server permissions"]
    )
    assert query_lines(log)[0].text.endswith("does not give server permissions")
    assert all("0 errors" not in line.text for line in query_lines(log))


def test_long_paste_without_errors_falls_back_to_its_lines_capped():
    text = "\n".join(f"how do I buy more seats for team {n}" for n in range(500))
    lines = query_lines(text)
    assert 0 < len(lines) <= MAX_QUERY_LINES


def test_stack_frames_are_not_query_lines():
    log = "\n".join(
        ["2022-11-17 10:00:00 INFO noise line"] * 14
        + [
            "System.Security.Cryptography.CryptographicException: Keyset does not exist",
            "   at System.Security.Cryptography.CryptographicException.ThrowCryptographicException(Int32 hr)",
        ]
    )
    texts = [line.text for line in query_lines(log)]
    assert texts == ["System.Security.Cryptography.CryptographicException: Keyset does not exist"]


def test_a_short_pastes_stack_frames_are_not_query_lines_either():
    paste = (
        "System.Security.Cryptography.CryptographicException: Keyset does not exist\n"
        "   at System.Security.Cryptography.CryptographicException.ThrowCryptographicException(Int32 hr)"
    )
    assert [line.text for line in query_lines(paste)] == [
        "System.Security.Cryptography.CryptographicException: Keyset does not exist"
    ]


def test_blank_paste_has_no_lines():
    assert query_lines(" \n\t\n") == []


def test_the_users_own_words_among_log_lines_are_kept():
    log = "\n".join(
        [INFO.format(n % 60, n) for n in range(20)]
        + ["Monday morning nobody can open apps, the QMC wants the key"]
    )
    assert query_lines(log)[0].text.startswith("Monday morning nobody can open apps")


def test_json_log_lines_are_matched_on_their_message_fields():
    line = (
        '{"level":"error","ts":"2023-04-03T05:30:01.550Z","caller":"license/license.go:301",'
        '"msg":"license disabled by backend","error":"license has been disabled; assignments removed"}'
    )
    (query,) = query_lines(line)
    assert query.text == line  # shown as pasted
    assert query.normalised == "license disabled by backend license has been disabled assignments removed"


def test_nested_json_messages_are_found_and_broken_json_is_kept_whole():
    nested = '{"level":"error","errors":[{"code":"LICENSES-030","title":"context deadline exceeded"}]}'
    assert query_lines(nested)[0].normalised == "licenses-030 context deadline exceeded"
    broken = '{"level":"error","msg":"Keyset does not exist"'
    assert "level" in query_lines(broken)[0].normalised


def test_routine_lines_of_a_short_paste_count_less_than_its_errors():
    paste = INFO.format(1, 7) + "\n2022-11-17 10:15:02,001 ERROR [lic] Keyset does not exist"
    weights = {line.number: line.weight for line in query_lines(paste)}
    assert weights[2] == 1.0
    assert weights[1] < 1.0


def test_an_emails_greeting_and_signature_are_not_matched():
    email = "\n".join(
        [
            "Hi team,",
            "",
            "Our license service will not start since the patch: Keyset does not exist.",
            "",
            "Many thanks,",
            "Robert Okafor",
            "IT Service Manager",
        ]
    )
    assert [line.text for line in query_lines(email)] == [
        "Our license service will not start since the patch: Keyset does not exist."
    ]
    # A first line that goes on is the problem, not a greeting.
    assert query_lines("Hi, getting LICENSES-030\nany idea?")[1].text == "Hi, getting LICENSES-030"


def test_an_emails_address_fields_are_not_matched_but_its_subject_is():
    email = (
        "Subject: FW: Applying Replicate licence without GUI\n"
        "From: Anna Berg <anna.berg@example.com>\n"
        "To: Qlik Partner Support\n"
        "Sent: 4 June 2024 08:41\n"
        "Cc: itops@example.com"
    )
    assert [line.text for line in query_lines(email)] == [
        "Subject: FW: Applying Replicate licence without GUI"
    ]


def test_a_tickets_routing_fields_are_not_matched_and_its_description_is_matched_without_its_label():
    ticket = (
        "Number: INC0058001\n"
        "Caller: Batch Monitoring\n"
        "Priority: 3 - Moderate\n"
        "Assignment group: Analytics Platform\n"
        "Short description: QVS license - PRODUCTLEVEL date expired?"
    )
    [line] = query_lines(ticket)
    assert line.text == "Short description: QVS license - PRODUCTLEVEL date expired?"
    assert line.normalised == normalise("QVS license - PRODUCTLEVEL date expired?")


def test_a_field_label_is_no_evidence_against_the_article_its_value_describes(bundled_kb):
    # "short description" are the form's words: they made the line less about the article than it is
    [match] = bundled_kb.search(
        "Short description: Explain Optimistic Delegation for license backend outages"
    )
    assert match.article.id == "signed-license-key-overview"


def test_a_closing_signed_on_its_own_line_is_not_matched_but_a_thanks_that_goes_on_is():
    email = (
        "Dear support,\nThe analyzer minutes we ordered are missing from our LEF.\nKind regards, Finance IT"
    )
    assert [line.text for line in query_lines(email)] == [
        "The analyzer minutes we ordered are missing from our LEF."
    ]
    texts = [line.text for line in query_lines("LEF has no analyzer minutes\nThanks, the license team")]
    assert "Thanks, the license team" in texts


@pytest.mark.parametrize(
    ("line", "is_code"),
    [
        ("2024-05-02 10:00:01 LICENSES-030 returned by the backend", True),
        ("request QB-17039 seen", True),
        ("ref (QV-23240).", True),
        ("2024-05-02 10:00:01 session 3c2a9e1b-4749-4b2d-9f1e-0a1b2c3d4e5f opened", False),
        ("2024-05-02 10:00:01 build xLICENSES-030 shipped", False),
        ("2024-05-02 10:00:01 build 2AB-30 shipped", False),
        ("2024-05-02 10:00:01 ticket A-12 opened", False),
    ],
)
def test_an_error_code_alone_marks_a_log_line(line, is_code):
    routine = [f"2024-05-02 10:00:0{second} INFO heartbeat ok" for second in range(9)] * 3
    failure = "2024-05-02 10:00:09 ERROR reload task failed"
    log = "\n".join([*routine[:13], line, *routine[13:], failure])
    picked = [query_line.text for query_line in query_lines(log)]
    assert (line in picked) is is_code


def test_the_paste_as_a_whole_leaves_out_a_logs_routine_lines():
    log = (
        "2024-06-11 14:02:11 INFO  [main] Qlik License Service starting\n"
        "2024-06-11 14:02:17 ERROR [lic] POST failed: dial tcp: lookup license.qlikcloud.com: no such host\n"
        "2024-06-11 14:02:17 WARN  [lic] retrying in 60 s"
    )
    whole = [line for line in query_lines(log) if line.number == 0]
    assert len(whole) == 1
    assert "starting" not in whole[0].text
    assert "no such host" in whole[0].text and "retrying" in whole[0].text
    assert [
        line for line in query_lines(log.splitlines()[0] + "\nsecond INFO line") if line.number == 0
    ] == []


def test_a_lefs_tag_lines_count_like_routine_lines():
    lines = query_lines("We bought Analyzer Capacity, here is our LEF:\nPRODUCTLEVEL;50;;\nANALYZER;100;;")
    weights = {line.text: line.weight for line in lines if line.number}
    assert weights["PRODUCTLEVEL;50;;"] == weights["ANALYZER;100;;"] == ROUTINE_LINE_WEIGHT
    assert weights["We bought Analyzer Capacity, here is our LEF:"] == 1.0


def test_a_license_txt_fields_count_like_routine_lines():
    lines = query_lines(
        "importlicense: failed to parse license_file\nlicense_type=permanent\nlicensed_to=Acme"
    )
    weights = {line.text: line.weight for line in lines if line.number}
    assert weights["license_type=permanent"] == weights["licensed_to=Acme"] == ROUTINE_LINE_WEIGHT
    assert weights["importlicense: failed to parse license_file"] == 1.0


def test_an_events_header_fields_count_like_routine_lines_unless_they_say_error():
    event = (
        "Log Name: System\nSource: Service Control Manager\nEvent ID: 7034\nLevel: Error\n"
        "The Qlik Sense Licensing Service service terminated unexpectedly."
    )
    weights = {line.text: line.weight for line in query_lines(event) if line.number}
    assert weights["Log Name: System"] == weights["Event ID: 7034"] == ROUTINE_LINE_WEIGHT
    assert weights["Level: Error"] == 1.0
    assert weights["The Qlik Sense Licensing Service service terminated unexpectedly."] == 1.0
    whole = next(line for line in query_lines(event) if line.number == 0)
    assert "Log Name" not in whole.text and "terminated unexpectedly" in whole.text


def test_a_paste_reports_an_error_by_an_error_word_or_code():
    assert reports_an_error("Users cannot log in")
    assert reports_an_error("see ticket\nLICENSES-030 on the server")
    assert not reports_an_error("How do I log Qlik Sense Desktop in against our company server?")


@pytest.mark.parametrize(
    ("paste", "quotes"),
    [
        ('FATAL: password authentication failed for user "qliksenserepository"', True),
        ('one user gets "Access denied. Section access denies you access to this app."', True),
        ("Publisher reload task failed: Document failed to reload. Cannot open file", True),
        ("2024-01-02 10:00:01 ERROR could not reach the server", True),
        ("the process cannot open the key container", False),  # a person's description
        ('the "Signed License Key" field is where I paste it', False),  # quoted, no error in it
        ("2024-01-02 10:00:01 INFO license sync done", False),
    ],
)
def test_an_error_message_is_told_from_a_description(paste, quotes):
    assert quotes_an_error(paste) is quotes


def test_quoted_errors_are_the_quotes_with_an_error_word():
    paste = 'the "Signed License Key" field says "unable to acquire the license" or \u201cKeyset does not exist\u201d'
    assert quoted_errors(paste) == ["unable to acquire the license", "Keyset does not exist"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Side: Desktop authentication is not involved.", "Side:."),
        (
            "The license is fine, but will Sense keep working offline?",
            ", but will Sense keep working offline?",
        ),
        ("Compose license.txt is fine (host_role=PROD).", "(host_role=PROD)."),
        # what is wrong stays: an error that says "is not valid", a clause that goes on after "valid"
        ("the key is not valid", "the key is not valid"),
        (
            "Basic authentication is enabled but username is missing",
            "Basic authentication is enabled but username is missing",
        ),
        (
            "the license is valid until 2025 but users get no access",
            "the license is valid until 2025 but users get no access",
        ),
    ],
)
def test_a_clause_that_rules_something_out_is_left_out(line, kept):
    assert without_ruled_out(line) == kept


def test_a_ruled_out_clause_is_no_evidence_for_an_article(bundled_kb):
    paste = (
        'Qlik Sense Mashup with the Capability API cannot load objects: "Failed to load resource: 403" on the '
        "virtual proxy. Do we need to whitelist the host in the virtual proxy settings? Side: Desktop "
        "authentication is not involved."
    )
    assert bundled_kb.search(paste) == []
