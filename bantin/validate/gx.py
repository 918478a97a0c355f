"""The Great Expectations adapter of the validate stage: specs -> GE expectations -> results.

Why an ephemeral context with one local Data Docs site: the project keeps no GE project
directory (`gx/` with YAML) to drift from `schemas/`; suites are rebuilt from the specs on every
run, and only the rendered site (TupleFilesystemStoreBackend under `quality_dir/gx/`) and the
JSON results are kept. Why its stores are files all the same (`quality_dir/.gx-store/`, removed
when the docs are built): a table is validated in chunks, each chunk is a suite, a validation
definition and a result, and in memory they would grow with the corpus (~75 MB kept at
100,000 articles); GE's docs builder reads them back one at a time. Analytics and tqdm progress
bars are switched off in the context config.
GE is imported here only, lazily, because its import costs ~5 s.
"""
from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

SITE = "bantin"
EACH = "__each__"  # suite name of a list column's elements: articles__each__provinces (GE maps "." to dirs)
DATASOURCE = "bantin"
STORE_DIR = ".gx-store"  # GE's suites, validation definitions and results while a run validates
FILE_STORES = ("expectations_store_name", "validation_results_store_name", "validation_definition_store_name")


class Runner:
    """One ephemeral GE context per validation run."""

    def __init__(self, site_dir: Path, run_id: str | None) -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        import great_expectations as gx
        from great_expectations.core.run_identifier import RunIdentifier
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        self.gx = gx
        self.site_dir = Path(site_dir).resolve()  # GE needs an absolute base_directory
        self.store_dir = self.site_dir.parent / STORE_DIR
        for own in (self.site_dir, self.store_dir):  # our own output: a re-run must not list stale pages
            if own.exists():
                shutil.rmtree(own)
        site = {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(self.site_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
        defaults = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
        for store in FILE_STORES:
            defaults.stores[getattr(defaults, store)]["store_backend"] = {
                "class_name": "TupleFilesystemStoreBackend", "base_directory": str(self.store_dir / store)}
        config = DataContextConfig(
            store_backend_defaults=defaults,
            analytics_enabled=False,
            progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
            data_docs_sites={SITE: site},
        )
        self.ctx = gx.get_context(project_config=config, mode="ephemeral")
        self.source = self.ctx.data_sources.add_pandas(DATASOURCE)
        self.run_id = RunIdentifier(run_name=run_id) if run_id else None
        self.suite_names: list[str] = []

    def run_table(self, name: str, table: pa.Table, plan: list[tuple], suffix: str = "") -> tuple[list[dict], dict[str, Any]]:
        """Validate `table` against `plan` [(spec, resolved kwargs or None, why skipped)]. Returns
        one detail dict per spec (in plan order) and the raw GE results per batch (for JSON).
        `suffix` names the GE batch of a chunk after the first (`articles__chunk2`)."""
        details: list[dict | None] = [None] * len(plan)
        for i, (spec, kwargs, why) in enumerate(plan):
            if kwargs is None:
                details[i] = _detail(spec, "skipped", why or "a runtime value is unavailable")
        groups: dict[str, list[int]] = {}
        for i, (spec, kwargs, _) in enumerate(plan):
            if kwargs is not None:
                groups.setdefault(f"{name}{EACH}{spec.columns[0]}" if spec.each else name, []).append(i)
        raw: dict[str, Any] = {}
        for batch, idx in groups.items():
            frame = _frame(table, plan[idx[0]][0].columns[0] if batch != name else None)
            exps = [self._expectation(plan[i][0], plan[i][1], i) for i in idx]
            result = self._validate(batch + suffix, frame, exps)
            raw[batch + suffix] = result.to_json_dict()
            for r in result.results:
                i = int(r.expectation_config.meta["spec"])
                details[i] = _detail(plan[i][0], *_outcome(r))
        for i, d in enumerate(details):
            if d is None:  # GE returned no result for it: never count it as passed
                details[i] = _detail(plan[i][0], "error", "no result returned by Great Expectations")
        return [d for d in details if d is not None], raw

    def _expectation(self, spec, kwargs: dict, index: int):
        cls = getattr(self.gx.expectations, spec.expectation)
        return cls(**kwargs, meta={"spec": index, "description": spec.description})

    def _validate(self, batch: str, frame, exps: list):
        gx = self.gx
        asset = self.source.add_dataframe_asset(batch)
        definition = asset.add_batch_definition_whole_dataframe(batch)
        suite = self.ctx.suites.add(gx.ExpectationSuite(name=batch, expectations=exps))
        vd = self.ctx.validation_definitions.add(gx.ValidationDefinition(name=batch, data=definition, suite=suite))
        self.suite_names.append(batch)
        try:
            return vd.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY", run_id=self.run_id)
        finally:
            # GE's execution engine keeps every batch's DataFrame (and its metrics) for the life
            # of the datasource: with one batch per chunk, memory would grow with the table.
            # A fresh engine per batch, and collecting the reference cycles GE leaves around the
            # old one now rather than whenever the collector gets to them, keeps one chunk in
            # memory at a time.
            self.source._execution_engine = None
            gc.collect()

    def build_docs(self) -> str:
        """Render GE's own Data Docs; returns "native" or why they could not be built."""
        try:
            self.ctx.build_data_docs(site_names=[SITE])
        except Exception as e:  # the JSON results and our index.html still stand
            return f"not built: {type(e).__name__}: {e}"
        finally:
            shutil.rmtree(self.store_dir, ignore_errors=True)  # GE's working copy, not an output
        return "native"

    def docs_pages(self) -> dict[str, str]:
        """GE suite name -> path of its validation page, relative to the quality dir."""
        pages: dict[str, str] = {}
        for suite in self.suite_names:
            found = sorted((self.site_dir / "validations" / suite).rglob("*.html"))
            if found:
                pages[suite] = found[-1].relative_to(self.site_dir.parent).as_posix()
        if (self.site_dir / "index.html").exists():
            pages["index"] = (self.site_dir / "index.html").relative_to(self.site_dir.parent).as_posix()
        return pages


def _frame(table: pa.Table, each: str | None):
    """The pandas frame GE checks: the whole table, or the flattened elements of one list column."""
    import pandas as pd

    if each is None:
        return table.to_pandas()
    return pd.DataFrame({each: pc.list_flatten(table.column(each)).to_pandas()})


def _outcome(r) -> tuple[str, str]:
    """(status, observed) of one GE ExpectationValidationResult."""
    info = r.exception_info or {}
    errors = [v for v in ([info] + list(info.values())) if isinstance(v, dict) and v.get("raised_exception")]
    if errors:
        return "error", str(errors[0].get("exception_message", "exception"))[:300]
    res = r.result or {}
    if "observed_value" in res:
        observed = repr(res["observed_value"])
    else:
        sample = [str(v)[:80] for v in (res.get("partial_unexpected_list") or [])[:5]]
        observed = f"{res.get('unexpected_count', 0)} unexpected of {res.get('element_count', 0)}"
        if sample:
            observed += f", e.g. {sample}"
    return ("pass" if r.success else "fail"), observed[:500]


def _detail(spec, status: str, observed: str) -> dict:
    kwargs = {k: (f"<{v.name}>" if type(v).__name__ == "Runtime" else v) for k, v in spec.kwargs.items()}
    return {"description": spec.description, "expectation": spec.expectation, "kwargs": kwargs,
            "row_level": spec.row_level, "status": status, "observed": observed}
