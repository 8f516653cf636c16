"""Kuorum: the Rapat Anggota of an Indonesian cooperative, run offline."""

__version__ = "0.1.0"
