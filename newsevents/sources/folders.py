"""The folder walk: which files of a folder are read, their ids, and what the walk leaves out or
warns about (``.json`` files, text copies of a page beside it, undated text files).

Split from :mod:`newsevents.sources` (the readers), which re-exports these names.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from . import ReaderOptions, TABLE_ENDINGS, _head, _known_file, _stem, detect_format, logger

__all__ = ["page_copies", "undated_text_files", "folder_id", "folder_ids"]


def _folder_files(root: Path) -> tuple[list, list]:
    """The files a folder walk reads (known endings but ``.json``, sorted) and those it leaves out."""
    found = [f for f in root.rglob("*") if f.is_file()]
    return sorted(f for f in found if _known_file(f.name)), [f for f in found if not _known_file(f.name)]


def page_copies(files: Iterable[Path]) -> dict:
    """The text files of a folder walk that are a saved extraction of an HTML page beside them: named
    after the page with a qualifier, ``page.expected.txt`` (or ``page.main.txt``) beside
    ``page.html``, as extraction test sets (trafilatura's, ours in ../shared/corpus/html) keep them.
    Read, each would be a second, undated article of the page's story (trial 8: the shipped corpus
    ingested as 48 articles, 24 of them undated copies). ``page.txt`` beside ``page.html`` is not
    one of them: the same name says nothing of the content, and both are read (:func:`folder_ids`).

    files (iterable of Path): the files found. RETURNS (dict): text file -> its page.
    """
    files = list(files)
    pages = {(f.parent, _stem(f.name).lower()): f for f in files if detect_format(f.name) == "html"}
    out = {}
    for f in files:
        if detect_format(f.name) != "text":
            continue
        name = _stem(f.name).lower()  # "page.expected": the page may be "page"
        page = next((pages[f.parent, name[:i]] for i in range(len(name) - 1, 0, -1)
                     if name[i] == "." and (f.parent, name[:i]) in pages), None)
        if page is not None:
            out[f] = page
    return out


def _log_copies(root: Path, copies: dict) -> None:
    """A warning naming the page copies a folder walk leaves out (:func:`page_copies`)."""
    if not copies:
        return
    f, page = next(iter(sorted(copies.items())))
    logger.warning("folder %s: %d text file(s) named as a copy of an HTML page beside them not read (%s beside %s): "
                   "a saved extraction of a page would store its story twice, once undated; pass such a file by "
                   "name to read it", root, len(copies), f.relative_to(root), page.name)


def undated_text_files(paths: Iterable[str], options: Optional[ReaderOptions] = None) -> tuple[list, list]:
    """The files of ``paths`` that :func:`read_inputs` reads as text while no publication date is
    given (``options.published`` None): their relative dates ("yesterday") stay unresolved and
    events dated by them get none, so the commands warn. Also those of them found in a folder
    that have the name of an HTML page beside them (``page.txt`` beside ``page.html``): perhaps a
    saved copy of the page's text, which would store the story twice (copies named as such,
    ``page.expected.txt``, are not read at all: :func:`page_copies`). Files that
    can't be read are left to the reader's own error; stdin and URLs are not looked at.

    paths (iterable of str): as given to :func:`read_inputs`. options (ReaderOptions | None).
    RETURNS (tuple[list[Path], list[tuple[Path, Path]]]): (text files, (text file, page) for those of
        them beside a page of their name).
    """
    options = options or ReaderOptions()
    if options.published is not None or options.fmt not in (None, "text"):
        return [], []
    texts, beside = [], []
    for path in paths:
        if path == "-" or "://" in path:
            continue
        p = Path(path)
        try:
            if p.is_dir():
                files, _ = _folder_files(p)
                copies = page_copies(files)  # not read (read_inputs)
                pages = {(f.parent, _stem(f.name)): f for f in files if detect_format(f.name) == "html"}
                for f in files:
                    if f not in copies and (options.fmt == "text" or detect_format(f.name) == "text"):
                        texts.append(f)
                        page = pages.get((f.parent, _stem(f.name)))  # page.txt beside page.html
                        if page is not None:
                            beside.append((f, page))
            elif p.is_file() and (options.fmt == "text" or (detect_format(p.name, _head(p)) == "text"
                                                            and not p.name.lower().endswith(tuple(TABLE_ENDINGS)))):
                texts.append(p)
        except OSError:
            continue
    return texts, beside


def folder_id(path: Path, root: Path) -> str:
    """The id of a single-article file found by walking the folder ``root``: its path inside the
    folder without the format ending (``a/index``, ``b/index``), so that same-named files of two
    subfolders are two articles. A file given by itself keeps its stem."""
    rel = Path(path).relative_to(root)
    return (rel.parent / _stem(rel.name)).as_posix()


def _log_skipped(root: Path, skipped: list) -> None:
    """Say which files a folder walk leaves out: ``.json`` files (read only when named, as one
    JSON array or object may be anything) as a warning, other endings with -v."""
    if not skipped:
        return
    json_files = sorted(f for f in skipped if f.name.lower().endswith(".json"))
    if json_files:
        logger.warning("folder %s: %d .json file(s) not read (%s%s): a folder walk leaves .json out (it may "
                       "be any JSON); pass such files by name", root, len(json_files),
                       ", ".join(str(f.relative_to(root)) for f in json_files[:3]), ", ..." if len(json_files) > 3 else "")
    others = [f for f in skipped if f not in json_files]
    if others:
        logger.info("folder %s: %d file(s) of other endings not read (%s)", root, len(others),
                    ", ".join(sorted({f.suffix or f.name for f in others})[:10]))


def folder_ids(files: Iterable[Path], root: Path) -> dict:
    """The ids of the single-article files found by walking ``root``: :func:`folder_id`, except that
    files of one subfolder whose ids would be the same (``page.txt`` and ``page.html``) keep
    their ending (``page.txt``, ``page.html``), so that neither is refused as a different text
    under a stored id (E041).

    RETURNS (dict): file path (as given) -> id.
    """
    groups: dict = {}
    for f in files:
        groups.setdefault(folder_id(f, root), []).append(f)
    out = {}
    for ident, group in groups.items():
        for f in group:
            out[f] = ident if len(group) == 1 else Path(f).relative_to(root).as_posix()
    return out
