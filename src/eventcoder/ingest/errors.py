"""Bad input is reported, never raised to the user: one line naming the file, line and reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class InputError:
    path: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"eventcoder: {where}: {self.reason}"
