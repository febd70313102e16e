from __future__ import annotations

import json

from dutylist.checks import RULES
from dutylist.reports.findings.sarif import render_sarif


def test_sarif_log(report):
    log = json.loads(render_sarif(report))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [r.code for r in RULES]
    results = run["results"]
    assert len(results) == len(report.findings)
    gap = next(r for r in results if r["ruleId"] == "number-gap")
    assert gap["level"] == "error"
    location = gap["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 2030
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "recalled/4/number"
    suppressed = [r["ruleId"] for r in results if "suppressions" in r]
    assert suppressed == ["half-width-punctuation"]
