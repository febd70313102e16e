"""Properties of checking any list: no crash, valid reports, baselines accept their own findings."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings

from dutylist import schemas
from dutylist.checks import RULES_BY_CODE, check
from dutylist.checks.baseline import Baseline
from dutylist.reports.findings.json import render_json
from tests.strategies import any_duty_lists, duty_lists

VALIDATOR = jsonschema.Draft202012Validator(json.loads(schemas.text("report")))


@settings(max_examples=40)
@given(any_duty_lists())
def test_any_list_is_checked_without_crashing_into_a_valid_report(duty_list):
    report = check(duty_list)
    assert all(finding.code in RULES_BY_CODE for finding in report.findings)
    VALIDATOR.validate(json.loads(render_json(report)))


@settings(max_examples=25)
@given(duty_lists())
def test_a_baseline_of_a_reports_findings_accepts_them_all(duty_list):
    report = check(duty_list)
    accepted = Baseline.of(report.findings).apply(report)
    assert accepted.ok
    assert accepted.new == ()
    assert len(accepted.accepted) == len(report.findings)


@settings(max_examples=25)
@given(duty_lists())
def test_realistic_lists_have_no_numbering_errors(duty_list):
    report = check(duty_list)
    codes = {"number-gap", "number-duplicate", "number-out-of-order", "number-not-numeric"}
    assert report.filter(code=codes) == ()
