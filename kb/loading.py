"""Reading articles from YAML files, reporting every problem as FILE:LINE: message.

A broken file never stops the others from loading. YAML is read with a safe loader only, with a cap on
aliases (a "billion laughs" file is refused) and on file size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.article import KNOWN_KEYS, LIST_KEYS, REQUIRED_KEYS, TEXT_KEYS, Article

MAX_FILE_BYTES = 1_000_000
# An article has a few hundred nodes; aliases can make a small file expand to billions ("billion laughs").
MAX_EXPANDED_NODES = 20_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ArticleFolderError(Exception):
    """An article folder that cannot be read at all (missing, not a folder)."""


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str
    severity: str = "error"  # error: the article is not served; warning: served anyway

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster


def _expanded_size(node: yaml.Node, budget: int) -> int:
    """How many nodes the document has once aliases are expanded, counting no further than budget."""
    count, stack = 0, [node]
    while stack and count <= budget:
        current = stack.pop()
        count += 1
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
    return count


def load_folder(folder: Path) -> tuple[list[Article], list[Problem]]:
    """Every <id>.yaml in a folder (not recursive), in name order."""
    if not folder.exists():
        raise ArticleFolderError(f"article folder not found: {folder}")
    if not folder.is_dir():
        raise ArticleFolderError(f"not a folder: {folder}")
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        article, file_problems = load_file(path)
        problems.extend(file_problems)
        if article is not None:
            articles.append(article)
    return articles, problems


def load_file(path: Path) -> tuple[Article | None, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(path, 1, f"file is {size:,} bytes; articles are limited to {MAX_FILE_BYTES:,}")
            ]
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(path, 1, f"not UTF-8 text ({error.reason} at byte {error.start})")]
    except OSError as error:
        return None, [Problem(path, 1, f"cannot read: {error.strerror or error}")]
    return parse_article(text, path)


def parse_article(text: str, path: Path) -> tuple[Article | None, list[Problem]]:
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
            return None, [
                Problem(
                    path,
                    1,
                    f"refused: expands to more than {MAX_EXPANDED_NODES:,} values "
                    "(aliases used as a YAML bomb?)",
                )
            ]
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(path, line, f"invalid YAML: {error.problem or error.context}")]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Problem(path, 1, f"invalid YAML: {error}")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "an article must be a mapping of keys (id, title, resolution, ...)")]
    key_lines = {
        key_node.value: key_node.start_mark.line + 1
        for key_node, _ in node.value
        if isinstance(key_node, yaml.ScalarNode)
    }
    return _validate(data, path, key_lines)


def _validate(data: dict, path: Path, key_lines: dict[str, int]) -> tuple[Article | None, list[Problem]]:
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def line_of(key: str) -> int:
        return key_lines.get(key, 1)

    fields: dict[str, object] = {}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            warnings.append(
                Problem(
                    path,
                    line_of(str(key)),
                    f"unknown key {key!r} (known: {', '.join(sorted(KNOWN_KEYS))})",
                    "warning",
                )
            )
        elif key in TEXT_KEYS:
            if value is None:
                continue
            if not isinstance(value, str | int | float):
                errors.append(Problem(path, line_of(key), f"{key!r} must be text"))
            else:
                fields[key] = str(value)
        else:
            items = [] if value is None else value
            if not isinstance(items, list) or not all(isinstance(item, str | int | float) for item in items):
                errors.append(Problem(path, line_of(key), f"{key!r} must be a list of strings"))
            else:
                fields[key] = tuple(str(item).strip() for item in items if str(item).strip())
    for key in REQUIRED_KEYS:
        if (
            key in data
            and not str(fields.get(key, "")).strip()
            and not any(p.line == line_of(key) for p in errors)
        ):
            errors.append(Problem(path, line_of(key), f"{key!r} is empty"))
        elif key not in data:
            errors.append(Problem(path, 1, f"missing required key {key!r}"))
    if (
        not fields.get("errors")
        and not fields.get("symptoms")
        and not any(p.message.startswith(("'errors'", "'symptoms'")) for p in errors)
    ):
        errors.append(Problem(path, 1, "an article needs at least one of 'errors' or 'symptoms'"))
    article_id = fields.get("id")
    if isinstance(article_id, str) and article_id:
        if not ID_PATTERN.match(article_id):
            warnings.append(
                Problem(
                    path,
                    line_of("id"),
                    f"id {article_id!r} must be a lower-case slug (a-z, 0-9, -)",
                    "warning",
                )
            )
        if article_id != path.stem:
            warnings.append(
                Problem(
                    path,
                    line_of("id"),
                    f"id {article_id!r} differs from the file name {path.name!r}",
                    "warning",
                )
            )
    if errors:
        return None, errors + warnings
    for key in LIST_KEYS:
        fields.setdefault(key, ())
    return Article(path=path, **fields), warnings


def load_folders(folders: list[Path]) -> tuple[list[Article], list[Problem]]:
    """Several folders; a later article with an id already seen is a problem and is not served."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        folder_articles, folder_problems = load_folder(folder)
        problems.extend(folder_problems)
        for article in folder_articles:
            if article.id in seen:
                problems.append(
                    Problem(article.path, 1, f"duplicate id {article.id!r}, already in {seen[article.id]}")
                )
                continue
            seen[article.id] = article.path
            articles.append(article)
    return articles, problems
