"""Every PDF of the project is a Document whose template extends the one base document."""

import importlib
import pkgutil

import pytest

import programme
import registrations
from afpols_events.documents import Document, _template_sources


def _all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)


def _document_classes():
    for package in (programme, registrations):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    return sorted(
        {cls for cls in _all_subclasses(Document) if cls.template_name},
        key=lambda cls: cls.__qualname__,
    )


BASE_SOURCE = _template_sources("documents/base.html", set())[0]


@pytest.mark.parametrize("document_class", _document_classes(), ids=lambda cls: cls.__name__)
def test_document_template_extends_the_base_document(document_class):
    sources = _template_sources(document_class.template_name, set())

    assert sources[0].lstrip().startswith('{% extends "documents/base.html" %}')
    assert BASE_SOURCE in sources
