"""Turns one Doc's reader hits into contract Events, Figures and Framing."""

from eventcoder.assemble.report import assemble_report

__all__ = ["assemble_report"]
