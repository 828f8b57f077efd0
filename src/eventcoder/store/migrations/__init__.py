"""Alembic migrations for the store, shipped inside the package so installs can upgrade."""
