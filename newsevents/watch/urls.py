"""One key per story: the URL normalisation that makes reappearing items and the same page
under two addresses count once.

:func:`url_key` applies courlan's ``normalize_url`` (lower-case scheme and host, default port
and fragment dropped, query parameters sorted, tracking parameters -- ``utm_*``, ``fbclid``,
``gclid``, ``mc_cid``, ``ref`` ... -- removed; not its ``strict`` mode, which also drops ids
such as ``?storyid=123``), then removes the AMP variants courlan keeps: an ``amp`` /
``outputType=amp`` parameter, a ``/amp`` path segment at either end, ``.amp.html`` and an
``amp.`` host prefix. The scheme is left out of the key, so ``http://`` and ``https://`` of
one page are one story.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["normalise_url", "url_key"]

_AMP_PARAMS = {"amp", "amp_js_v", "usqp", "outputtype", "_gl"}
_AMP_TAIL = re.compile(r"/amp/?$", re.I)
_AMP_HEAD = re.compile(r"^/amp(?=/)", re.I)
_AMP_SUFFIX = re.compile(r"\.amp(\.html?)?$", re.I)


def normalise_url(url: str) -> str:
    """The canonical form of a story URL (scheme kept). RETURNS (str); ``url`` stripped when it
    can't be parsed."""
    from courlan import normalize_url

    url = url.strip()
    try:
        url = normalize_url(url)
    except Exception:  # courlan raises ValueError and others on odd input: keep the URL as given
        return url
    parts = urlsplit(url)
    path = _AMP_TAIL.sub("", parts.path) or "/"
    path = _AMP_HEAD.sub("", path)
    path = _AMP_SUFFIX.sub(lambda m: m.group(1) or "", path)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() not in _AMP_PARAMS or (k.lower() == "outputtype" and v.lower() != "amp")])
    host = parts.netloc[4:] if parts.netloc.lower().startswith("amp.") else parts.netloc
    return urlunsplit((parts.scheme, host, path, query, ""))


def url_key(url: str) -> str:
    """The key of a story URL: :func:`normalise_url` without its scheme (``//host/path?query``)."""
    normal = normalise_url(url)
    return normal.split(":", 1)[1] if re.match(r"^[a-z][a-z0-9+.-]*://", normal, re.I) else normal
