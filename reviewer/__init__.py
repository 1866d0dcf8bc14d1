"""法治年报审阅器 core: loading, outline, parts, metrics, checklist, findings, store, export.

Never imports Qt: everything here runs headless (CLI, tests, batch jobs).
"""

__version__ = "0.1.0"
