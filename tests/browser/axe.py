"""axe-core in the browser tests: injected into the page from node_modules (npm ci).

``package.json`` pins axe-core; ``make test-browser`` and CI install it with ``npm ci``.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Rules left out, each with its reason (none today).
DISABLED_RULES = {}


def axe_source():
    if not AXE_SCRIPT.exists():
        pytest.fail(f"axe-core is missing ({AXE_SCRIPT}): run `npm ci` in {ROOT}.")
    return AXE_SCRIPT.read_text()


def axe_violations(page):
    """Every axe-core violation on the page as it is now, of any impact."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, which the page's Content Security
        # Policy does not govern: a <script> tag (add_script_tag) would be refused as an
        # inline script, as it should be.
        page.evaluate(f"() => {{ {axe_source()}\n}}")
    result = page.evaluate(
        """async (disabled) => {
            const rules = Object.fromEntries(disabled.map((id) => [id, {enabled: false}]));
            return await axe.run(document, {resultTypes: ["violations"], rules});
        }""",
        list(DISABLED_RULES),
    )
    return result["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)


def assert_no_violations(page):
    violations = axe_violations(page)
    assert violations == [], f"axe-core on {page.url}:\n{describe(violations)}"
