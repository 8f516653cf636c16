"""The rules of the Rapat Anggota as plain Python: values, enums and pure functions."""
