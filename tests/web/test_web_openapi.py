"""schemathesis against /openapi.json: no 5xx and no answer outside the documented schema.

Each API operation gets a few generated requests in `make test` (15; set
NEWSEVENTS_SCHEMATHESIS_EXAMPLES for more). Driven through schemathesis' Python API with
Hypothesis, not its pytest plugin. All checks run but one: "schema-valid request rejected" —
limits across parameters (until before since, a range over 100 years, by=day over 10 years,
a download past 100,000 rows) cannot be written in OpenAPI and are documented 422s.
"""
from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

EXAMPLES = int(os.environ.get("NEWSEVENTS_SCHEMATHESIS_EXAMPLES", "15"))


def test_api_conforms_to_its_schema(samples_db):
    from newsevents.web import create_app

    app = create_app(samples_db)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    documented = {(m.upper(), p) for p, methods in app.openapi()["paths"].items() for m in methods}
    assert {(op.method.upper(), op.path) for op in operations} == documented and len(documented) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def check(case):
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
            assert "Traceback" not in response.text and 'File "' not in response.text  # no stack trace to a client
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        check()
