"""Parse untrusted XML: no external entities, no entity expansion bombs (``defusedxml``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from opsdesk.interchange.plan_doc import bad_file


def parse_xml(data: bytes, file: str, kind: str) -> ET.Element:
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise bad_file(file, kind, f"unsafe XML refused ({type(exc).__name__})") from exc
    except ET.ParseError as exc:
        raise bad_file(file, kind, str(exc)) from exc
