from __future__ import annotations

import json

import jsonschema

from dutylist import schemas
from dutylist.reports.findings.json import render_json

SCHEMA = json.loads(schemas.text("report"))


def test_json_report_matches_its_schema(report):
    data = json.loads(render_json(report))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["ok"] is False
    assert data["summary"] == {"error": 1, "warning": 2, "info": 1, "accepted": 1}
    gap = next(f for f in data["findings"] if f["code"] == "number-gap")
    assert gap["location"]["part"] == "recalled"
    assert gap["location"]["item"] == 4
    assert gap["location"]["field"] == "number"
    assert gap["location"]["source"]["line"] == 2030


def test_reference_report_matches_the_schema(mingzhu):
    from dutylist.checks import check

    data = json.loads(render_json(check(mingzhu)))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert len(data["findings"]) == len(check(mingzhu).findings)


def test_schema_rejects_a_bad_report(report):
    data = json.loads(render_json(report))
    data["findings"][0]["severity"] = "fatal"
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(data)
