import textwrap
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.loading import MAX_EXPANDED_NODES, ArticleFolderError, load_folder, load_folders

GOOD = """\
id: {id}
title: A good article
errors:
  - Something specific went wrong
resolution: Do the thing.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_good_article_loads(tmp_path):
    write(tmp_path, "good.yaml", GOOD.format(id="good"))
    articles, problems = load_folder(tmp_path)
    assert [article.id for article in articles] == ["good"]
    assert problems == []


def test_broken_yaml_is_reported_with_its_line_and_the_rest_still_load(tmp_path):
    write(tmp_path, "good.yaml", GOOD.format(id="good"))
    broken = write(tmp_path, "broken.yaml", "id: broken\ntitle: x\nerrors:\n  - [unclosed\nresolution: y\n")
    articles, problems = load_folder(tmp_path)
    assert [article.id for article in articles] == ["good"]
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{broken}:5: invalid YAML")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id: x\ntitle: t\nerrors: [e]\n", 1, "missing required key 'resolution'"),
        ("id: x\ntitle: t\nresolution: r\n", 1, "at least one of 'errors' or 'symptoms'"),
        ("id: x\ntitle: t\nresolution: r\nerrors: just a string\n", 4, "'errors' must be a list of strings"),
        ("id: x\ntitle:\n  nested: map\nresolution: r\nerrors: [e]\n", 2, "'title' must be text"),
        ("- a list\n- not a mapping\n", 1, "must be a mapping"),
        ("id: x\ntitle: ''\nresolution: r\nerrors: [e]\n", 2, "'title' is empty"),
    ],
)
def test_invalid_articles_are_refused_with_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path, "x.yaml", text)
    articles, problems = load_folder(tmp_path)
    assert articles == []
    assert any(
        str(problem).startswith(f"{path}:{line}:") and message in problem.message for problem in problems
    )


def test_unknown_key_and_wrong_file_name_are_warnings_but_served(tmp_path):
    path = write(tmp_path, "other-name.yaml", GOOD.format(id="good") + "colour: blue\n")
    articles, problems = load_folder(tmp_path)
    assert [article.id for article in articles] == ["good"]
    assert {problem.severity for problem in problems} == {"warning"}
    messages = [str(problem) for problem in problems]
    assert f"{path}:6: unknown key 'colour'" in messages[0] or any(
        "unknown key 'colour'" in m for m in messages
    )
    assert any(m.startswith(f"{path}:1:") and "differs from the file name" in m for m in messages)


def test_duplicate_ids_across_folders_keep_the_first(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, "same.yaml", GOOD.format(id="same"))
    duplicate = write(second, "same.yaml", GOOD.format(id="same"))
    articles, problems = load_folders([first, second])
    assert [article.path.parent for article in articles] == [first]
    assert [str(problem) for problem in problems] == [
        f"{duplicate}:1: duplicate id 'same', already in {first / 'same.yaml'}"
    ]


def test_python_object_tags_are_refused(tmp_path):
    write(
        tmp_path,
        "evil.yaml",
        "id: evil\ntitle: !!python/object/apply:os.system ['echo pwned']\nresolution: r\nerrors: [e]\n",
    )
    articles, problems = load_folder(tmp_path)
    assert articles == []
    assert "invalid YAML" in problems[0].message


def test_alias_bomb_is_refused(tmp_path):
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        levels.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    write(tmp_path, "bomb.yaml", "\n".join(levels) + "\n")
    articles, problems = load_folder(tmp_path)
    assert articles == []
    assert f"more than {MAX_EXPANDED_NODES:,} values" in problems[0].message


def test_huge_file_is_refused_without_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("id: huge\n" + "# padding\n" * 200_000)
    articles, problems = load_folder(tmp_path)
    assert articles == []
    assert "limited to" in problems[0].message


def test_not_utf8_is_reported(tmp_path):
    (tmp_path / "latin.yaml").write_bytes(b"id: latin\ntitle: caf\xe9\n")
    _, problems = load_folder(tmp_path)
    assert "not UTF-8" in problems[0].message


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(ArticleFolderError, match="article folder not found"):
        KnowledgeBase.load([tmp_path / "nope"])


def test_knowledge_base_serves_good_articles_beside_broken_ones(tmp_path):
    write(tmp_path, "good.yaml", GOOD.format(id="good"))
    write(tmp_path, "bad.yaml", "id: [\n")
    knowledge_base = KnowledgeBase.load([tmp_path])
    assert list(knowledge_base.articles) == ["good"]
    assert [problem.path.name for problem in knowledge_base.problems] == ["bad.yaml"]
    assert knowledge_base.search("Something specific went wrong")[0].article.id == "good"
