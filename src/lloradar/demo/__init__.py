"""The deterministic demo world: plausible, clearly labelled labour-market data for every screen."""

from lloradar.demo.world import DemoWorld, build_demo_world

__all__ = ["DemoWorld", "build_demo_world"]
