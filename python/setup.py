"""Installs the eventline Python module: pip install ./python (setuptools only)."""
from setuptools import setup

setup(
    name="eventline",
    version="0.1.0",
    description="Entities, time expressions, events and one timeline from English news "
                "(Python access to the eventline program)",
    license="Apache-2.0",
    packages=["eventline"],
    python_requires=">=3.7",
    extras_require={"pandas": ["pandas"]},
)
