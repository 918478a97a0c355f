"""Validation outputs for people: JSON results, summary.json and a self-contained index.html.

Why our own index.html beside GE's Data Docs: GE's index page draws its tables with jQuery and
bootstrap-table fetched from CDNs, so offline (a server, an air-gapped laptop) it shows an empty
page. This index is plain HTML with inline CSS: every suite, every expectation, pass/fail and the
observed values, with links to GE's pages (`gx/`) for the full rendering.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:80rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#f3f3f3}
.pass{color:#116611;font-weight:600}.fail,.error{color:#b00020;font-weight:600}.skipped{color:#8a6d00}
code{font-size:.8rem;word-break:break-all}
"""


def _default(o: Any) -> Any:
    if isinstance(o, (date, datetime, Path)):
        return str(o)
    if hasattr(o, "item"):  # numpy scalars
        return o.item()
    return repr(o)


def write_json(path: Path, data: dict[str, Any]) -> None:
    """`data` as one JSON object, atomically (`JsonObjectWriter` with every member at once)."""
    with JsonObjectWriter(path) as out:
        for key, value in data.items():
            out.add(key, value)


class JsonObjectWriter:
    """One JSON object written a member at a time (`quality_dir/validation/<table>.json`: one
    member per GE batch). Why not one `json.dumps` at the end: a table has one batch per chunk,
    so holding every result until then would grow with the corpus. The layout is that of one
    `json.dumps(..., indent=1)`, and it is atomic: the file appears under its name only when
    `close` completes; used as a context manager, an error on the way leaves no file and no
    `.tmp` behind."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.tmp = path, path.with_name(path.name + ".tmp")
        self.fh = self.tmp.open("w", encoding="utf-8")
        self.fh.write("{")
        self.n = 0

    def add(self, key: str, value: Any) -> None:
        member = json.dumps({key: value}, ensure_ascii=False, indent=1, default=_default)
        self.fh.write(("," if self.n else "") + member[1:-1].rstrip("\n"))
        self.n += 1

    def close(self) -> None:
        self.fh.write("\n}" if self.n else "}")
        self.fh.close()
        self.tmp.replace(self.path)

    def __enter__(self) -> JsonObjectWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.fh.close()
            self.tmp.unlink(missing_ok=True)


def write_summary(report, run_id: str | None) -> None:
    write_json(report.summary_json, {
        "run_id": run_id,
        "success": report.success,
        "seconds": report.seconds,
        "data_docs": report.data_docs,
        "generated_at": datetime.now(timezone.utc).isoformat(),
        "suites": [{k: v for k, v in asdict(s).items() if k != "details"} for s in report.suites],
    })


def _kwargs(kw: dict) -> str:
    def short(v: Any) -> str:
        if isinstance(v, (list, tuple)) and len(v) > 8:
            return f"[{', '.join(map(str, v[:8]))}, … ({len(v)} values)]"
        return str(v)

    return ", ".join(f"{k}={short(v)}" for k, v in kw.items())


def _suite_section(s, pages: dict[str, str]) -> list[str]:
    status = "pass" if s.success else "fail"
    links = [f'<a href="validation/{escape(s.table)}.json">JSON</a>']
    links += [f'<a href="{escape(p)}">GE page ({escape(n)})</a>' for n, p in sorted(pages.items())
              if n == s.table or n.startswith(s.table + "__each__") or n.startswith(s.table + "__chunk")]
    out = [f'<h2 id="{escape(s.table)}">{escape(s.table)} <span class="{status}">{status.upper()}</span></h2>',
           f"<p>{s.successful} of {s.evaluated} expectations passed; {len(s.skipped)} skipped. {' · '.join(links)}</p>",
           "<table><tr><th>#</th><th>expectation</th><th>status</th><th>observed</th><th>row-level</th></tr>"]
    for i, d in enumerate(s.details, 1):
        out.append(
            f"<tr><td>{i}</td><td>{escape(d['description'])}<br><code>{escape(d['expectation'])}("
            f"{escape(_kwargs(d['kwargs']))})</code></td><td class=\"{d['status']}\">{d['status']}</td>"
            f"<td><code>{escape(str(d['observed']))}</code></td><td>{'yes' if d['row_level'] else ''}</td></tr>")
    return out + ["</table>"]


def write_index(report, run_id: str | None, pages: dict[str, str]) -> None:
    overall = "pass" if report.success else "fail"
    rows = [
        f'<tr><td><a href="#{escape(s.table)}">{escape(s.table)}</a></td>'
        f'<td class="{"pass" if s.success else "fail"}">{"pass" if s.success else "FAIL"}</td>'
        f"<td>{s.evaluated}</td><td>{s.successful}</td><td>{len(s.failed)}</td><td>{len(s.skipped)}</td></tr>"
        for s in report.suites
    ]
    ge = (f'<a href="{escape(pages["index"])}">Great Expectations Data Docs</a> (needs network for styling)'
          if "index" in pages else f"Great Expectations Data Docs: {escape(report.data_docs)}")
    html = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>bantin data quality</title>", f"<style>{CSS}</style></head><body>",
        f'<h1>bantin data quality: <span class="{overall}">{overall.upper()}</span></h1>',
        f"<p>run <code>{escape(run_id or '-')}</code> · {len(report.suites)} suites · "
        f"validated in {report.seconds} s · <a href=\"summary.json\">summary.json</a> · {ge}</p>",
        "<table><tr><th>suite</th><th>status</th><th>evaluated</th><th>passed</th><th>failed</th><th>skipped</th></tr>",
        *rows, "</table>",
    ]
    for s in report.suites:
        html += _suite_section(s, pages)
    html.append("</body></html>")
    tmp = report.index_html.with_name("index.html.tmp")
    tmp.write_text("\n".join(html), encoding="utf-8")
    tmp.replace(report.index_html)
