"""``--format github``: workflow commands in the documented format, escapes included."""

from __future__ import annotations

import re
import textwrap

from lintcare.report.github import escape_data, escape_property

# ::name key=value,key=value::message, with no raw ':' or ',' inside values and no raw
# line break anywhere.
COMMAND = re.compile(
    r"::(?P<name>error|warning|notice) (?P<props>[A-Za-z]+=[^,:\r\n]*(?:,[A-Za-z]+=[^,:\r\n]*)*)"
    r"::(?P<message>[^\r\n]*)"
)


def unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(value: str) -> str:
    return unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.fullmatch(line)
    assert m, f"not a workflow command: {line!r}"
    props = dict(item.split("=", 1) for item in m["props"].split(","))
    return m["name"], {k: unescape_property(v) for k, v in props.items()}, unescape_data(m["message"])


# A team rule whose message has every character that needs escaping.
RULE_FILE = textwrap.dedent("""\
    rules:
      - id: team-guarantee-percent
        category: compliance
        severity: suggestion
        kind: pattern
        message: "Claim: \\"{text}\\", 100% sure, needs a source.\\nAsk the medical team, please."
        source: 'team style guide'
        pattern: '\\b\\d{2,3}% (?:success|cure) rate\\b'
        examples:
          fail: ['We have a 90% success rate.', 'A 95% cure rate is typical.']
          pass: ['Results vary from person to person.', 'Ask about success with TMS.']
    """)


def test_escaping_round_trips():
    nasty = "50% of people: yes, really\r\nline two"
    assert "\n" not in escape_data(nasty) and "\r" not in escape_data(nasty)
    assert unescape_data(escape_data(nasty)) == nasty
    prop = escape_property(nasty)
    assert not set(prop) & set(":,\r\n")
    assert unescape_property(prop) == nasty
    # The escape character itself is escaped first, so "%3A" in text survives.
    assert unescape_property(escape_property("a%3Ab")) == "a%3Ab"


def test_annotations_match_the_workflow_command_format(run_cli, tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text(RULE_FILE, encoding="utf-8")
    page = tmp_path / "results, 2024: 50% draft.txt"
    text = ("TMS results\n\nWe have a 90% success rate with TMS.\n"
            "Her brother committed suicide.\nAsk about Spravado.\n")
    page.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "github", "--rules", str(rules), str(page))
    assert code == 1
    commands = [parse(line) for line in out.splitlines()]
    by_title = {props["title"]: (name, props, message) for name, props, message in commands}

    name, props, message = by_title["lintcare: team-guarantee-percent (compliance)"]
    assert name == "notice"  # a suggestion
    assert props["file"] == str(page)  # commas, colon and percent sign in the path survive
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("3", "11", "3", "27")
    assert message == 'Claim: "90% success rate", 100% sure, needs a source.\nAsk the medical team, please.'

    name, props, message = by_title["lintcare: suicide-stigma-terms (supportive-language)"]
    assert name == "error"
    assert (props["line"], props["col"], props["endColumn"]) == ("4", "13", "30")
    assert message.endswith("\nSuggestion: died by suicide")

    name, props, _ = by_title["lintcare: drug-name-misspelling (typo)"]
    assert (name, props["line"], props["col"]) == ("error", "5", "11")
    assert {n for n, _, _ in commands} <= {"error", "warning", "notice"}


def test_warning_level_and_unreadable_file(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Call us at (555) 123-4567 about TMS.\nWe treat depression.,\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "github", str(page), str(tmp_path / "gone.md"))
    assert code == 2
    lines = out.splitlines()
    name, props, message = parse(next(line for line in lines if "mixed-punctuation" in line))
    assert name == "warning" and props["file"] == str(page) and props["line"] == "2"
    name, props, message = parse(lines[-1])
    assert (name, props["file"], message) == ("error", str(tmp_path / "gone.md"), "no such file or directory")


def test_clean_run_prints_nothing(run_cli, tmp_path):
    page = tmp_path / "clean.txt"
    page.write_text("Call us at (555) 123-4567 to ask about transcranial magnetic stimulation (TMS). "
                    "A nurse will explain each step.\n",
                    encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "github", str(page))
    assert (code, out) == (0, "")
