"""The optional C accelerators: small queries, and the start-up check of the corpus files;
everything else is in pyproject.toml.

`optional=True`: without a C compiler (or Python headers) the install goes on without them and
Parley uses the numpy path, which gives the same scores (see retrieval/_accumulate.c), and the
Python walk, which gives the same bytes (see retrieval/store/_filewalk.c).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("retrieval._accumulate",
                             ["retrieval/_accumulate.c"], optional=True),
                   Extension("retrieval.store._filewalk", ["retrieval/store/_filewalk.c"],
                             optional=True, extra_link_args=["-pthread"])])
