"""Validate an exported Bundle against FHIR R4 (4.0.1) with Google's FHIR R4 protocol buffers.

The parser rejects unknown elements, wrong cardinality, codes outside R4's required value sets, malformed
primitives (dates, instants, ids) and missing required elements, for the Bundle and every resource in it.
"""

import json
from typing import Any

from google.fhir.core.fhir_errors import InvalidFhirError
from google.fhir.r4 import json_format
from google.fhir.r4.proto.core.resources import bundle_and_contained_resource_pb2 as r4

__all__ = ["InvalidFhirError", "assert_valid_r4"]


def assert_valid_r4(bundle: dict[str, Any]) -> r4.Bundle:
    """Parse the JSON into an R4 Bundle message with validation on; raises on anything R4 does not allow."""
    return json_format.json_fhir_string_to_proto(json.dumps(bundle), r4.Bundle, validate=True)
