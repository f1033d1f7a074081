"""The version of ecograph, in a module of its own: modules read it without importing the package's root.

>>> from ecograph.version import __version__
>>> __version__.count(".")
2
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
