"""The optional C accelerator for small queries; everything else is in pyproject.toml.

`optional=True`: without a C compiler (or Python headers) the install goes on without it and
Parley uses the numpy path, which gives the same scores (see retrieval/_accumulate.c).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("retrieval._accumulate",
                             ["retrieval/_accumulate.c"], optional=True)])
